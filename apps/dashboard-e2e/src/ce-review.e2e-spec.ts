import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import {
  apiGet,
  apiLogin,
  CODER,
  daysAgo,
  expectNoAxeViolations,
  login,
  MANAGER,
  mainHeading,
  openPage,
  screenshot,
  staffByEmail,
  waitUntil,
} from './support/helpers';

/** Unique per run, so the activity can be found in lists that already hold the demo's. */
const CE_TITLE = `Browser-test webinar: inpatient coding update ${Date.now()}`;

interface CeActivity {
  title: string;
  status: string;
}

/** The coder's own CE log, as the API gives it to them. */
async function coderActivity(): Promise<CeActivity | undefined> {
  const coder = await staffByEmail(CODER.email);
  const token = await apiLogin(CODER);
  const log = await apiGet<{ items: CeActivity[] }>(
    token,
    `staff/${coder.id}/ce-activities?limit=500`,
  );
  return log.items.find((activity) => activity.title === CE_TITLE);
}

/** The smallest row, list item or card that holds `text`. */
function itemWith(page: Page, text: string): Locator {
  return page
    .locator('tr, li, mat-card, article, [role="row"], [role="listitem"]')
    .filter({ hasText: text })
    .last();
}

async function openReviewQueue(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: /review/i }).click();
  await page.waitForURL('**/review');
  await expect(mainHeading(page).innerText()).resolves.toMatch(/review/i);
}

describe('continuing education: logging and review', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the manager opens the review queue from the navigation and sees submitted activities', async () => {
    const { context, page } = await openPage(browser);
    try {
      await login(page, MANAGER.email, MANAGER.password);
      await openReviewQueue(page);
      await page
        .getByRole('button', { name: /approve/i })
        .first()
        .waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'review queue');
      await screenshot(page, 'review-queue-manager');
    } finally {
      await context.close();
    }
  });

  it('a staff member has no review queue: typing /review shows the no-access page', async () => {
    const { context, page } = await openPage(browser);
    try {
      await login(page, CODER.email, CODER.password);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link').first().waitFor();
      await expect(nav.getByRole('link', { name: /review/i }).count()).resolves.toBe(0);
      await page.goto('/review');
      await expect(mainHeading(page).innerText()).resolves.toMatch(/don.t have access|not found/i);
      await expect(page.getByRole('button', { name: /approve/i }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('the coder logs a CE activity on My progress; it awaits review', async () => {
    const { context, page } = await openPage(browser);
    try {
      await login(page, CODER.email, CODER.password);
      await page.waitForURL('**/my-progress');
      const form = page.locator('form').filter({ has: page.getByLabel(/title/i) });
      await form.getByLabel(/title/i).fill(CE_TITLE);
      await form.getByLabel(/provider/i).fill('AHIMA');
      await form.getByLabel(/completed/i).fill(daysAgo(3));
      await form.getByLabel(/hours/i).fill('1.5');
      await expectNoAxeViolations(page, 'My progress with the CE form filled in');
      await form.getByRole('button', { name: /^(log|add|save|submit)/i }).click();

      await itemWith(page, CE_TITLE).waitFor();
      await waitUntil('the API has the activity as submitted', async () => {
        return (await coderActivity())?.status === 'submitted';
      });
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'My progress after logging CE');
      await screenshot(page, 'my-progress-ce-logged');
    } finally {
      await context.close();
    }
  });

  it("the manager approves it in the review queue, and the coder's log shows it approved", async () => {
    const manager = await openPage(browser);
    try {
      const page = manager.page;
      await login(page, MANAGER.email, MANAGER.password);
      await openReviewQueue(page);
      const item = itemWith(page, CE_TITLE);
      await item.getByRole('button', { name: /approve/i }).click();
      // A confirmation step, if the page asks for one.
      const dialog = page.getByRole('dialog');
      if (
        await dialog.waitFor({ timeout: 1500 }).then(
          () => true,
          () => false,
        )
      ) {
        await dialog.getByRole('button', { name: /approve|confirm|yes/i }).click();
      }
      await waitUntil('the API has the activity as approved', async () => {
        return (await coderActivity())?.status === 'approved';
      });
      await screenshot(page, 'review-queue-after-approval');
    } finally {
      await manager.context.close();
    }

    const coder = await openPage(browser);
    try {
      await login(coder.page, CODER.email, CODER.password);
      await coder.page.waitForURL('**/my-progress');
      await expect(itemWith(coder.page, CE_TITLE).innerText()).resolves.toMatch(/approved/i);
    } finally {
      await coder.context.close();
    }
  });
});
