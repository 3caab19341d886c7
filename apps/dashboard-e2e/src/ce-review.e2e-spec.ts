import type { Page } from 'playwright-core';
import {
  apiGet,
  apiLogin,
  asUser,
  ceCardHours,
  ceLogEntry,
  CODER,
  daysAgo,
  expectNoAxeViolations,
  logCeActivity,
  login,
  mainHeading,
  MANAGER,
  openPage,
  screenshot,
  settleAndCheck,
  staffByEmail,
  type CeCardHours,
  useBrowser,
  waitForCeCardHours,
  waitUntil,
  withPage,
} from './support/helpers';

/** Unique per run, so the activity can be found in lists that already hold the demo's. */
const CE_TITLE = `Browser-test webinar: inpatient coding update ${Date.now()}`;
const CE_HOURS = 1.5;
/** The coder's AHIMA cycle (their CCS), which the activity is logged for. */
const CE_CARD = 'AHIMA: CCS';

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

async function openReviewQueue(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Review queue' }).click();
  await page.waitForURL('**/review');
  await expect(mainHeading(page).innerText()).resolves.toBe('Review CE activities');
}

/** The review queue's table, named by its caption. */
function queueTable(page: Page) {
  return page.getByRole('table', { name: 'Submitted CE activities awaiting review' });
}

async function openMyProgressCard(page: Page): Promise<void> {
  await login(page, CODER.email, CODER.password);
  await page.waitForURL('**/my-progress');
  await page.getByRole('progressbar', { name: `${CE_CARD} approved CE hours` }).waitFor();
}

describe('continuing education: logging and review', () => {
  const browser = useBrowser();
  /** The coder's AHIMA hours once the activity is logged, awaiting review. */
  let hoursWhilePending: CeCardHours | undefined;

  it('the manager opens the review queue from the navigation and sees submitted activities', async () => {
    await asUser(browser(), MANAGER, async (page) => {
      await openReviewQueue(page);
      await queueTable(page)
        .getByRole('button', { name: /^Approve .+ by / })
        .first()
        .waitFor();
      await settleAndCheck(page, 'review queue', 'review-queue-manager');
    });
  });

  it('a staff member has no review queue: typing /review shows the no-access page', async () => {
    await asUser(browser(), CODER, async (page) => {
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link').first().waitFor();
      await expect(nav.getByRole('link', { name: /review/i }).count()).resolves.toBe(0);
      await page.goto('/review');
      await expect(mainHeading(page).innerText()).resolves.toMatch(/don.t have access/i);
      await expect(page.getByRole('button', { name: /approve/i }).count()).resolves.toBe(0);
    });
  });

  it('the coder logs a CE activity for their CCS on My progress: its hours show as pending', async () => {
    await withPage(browser(), async (page) => {
      await openMyProgressCard(page);
      const before = await ceCardHours(page, CE_CARD);

      const entry = await logCeActivity(page, {
        title: CE_TITLE,
        provider: 'AHIMA',
        completedOn: daysAgo(3),
        hours: String(CE_HOURS),
        forCredential: 'CCS (AHIMA)',
      });
      await expect(entry.innerText()).resolves.toContain('Submitted — awaiting review');
      await expect(entry.innerText()).resolves.toContain('For: CCS');
      hoursWhilePending = { ...before, pending: before.pending + CE_HOURS };
      await waitForCeCardHours(page, CE_CARD, hoursWhilePending);
      await waitUntil('the API has the activity as submitted', async () => {
        return (await coderActivity())?.status === 'submitted';
      });
      await settleAndCheck(page, 'My progress after logging CE', 'my-progress-ce-logged');
    });
  });

  it('the manager approves it in the review queue, and the hours move from pending to earned', async () => {
    if (!hoursWhilePending) throw new Error('the activity was not logged (see the test before)');
    const manager = await openPage(browser());
    try {
      const page = manager.page;
      await login(page, MANAGER.email, MANAGER.password);
      await openReviewQueue(page);
      const row = queueTable(page).getByRole('row').filter({ hasText: CE_TITLE });
      await row.getByRole('button', { name: `Approve ${CE_TITLE} by Miguel Álvarez` }).click();

      const dialog = page.getByRole('dialog', { name: `Approve “${CE_TITLE}” by Miguel Álvarez?` });
      await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('Certificate checked.');
      await expectNoAxeViolations(page, 'review confirmation dialog');
      await dialog.getByRole('button', { name: 'Approve', exact: true }).click();

      await page.getByRole('status').filter({ hasText: '1 activity approved.' }).waitFor();
      await row.waitFor({ state: 'detached' });
      await waitUntil('the API has the activity as approved', async () => {
        return (await coderActivity())?.status === 'approved';
      });
      await screenshot(page, 'review-queue-after-approval');
    } finally {
      await manager.context.close();
    }

    const coder = await openPage(browser());
    try {
      await openMyProgressCard(coder.page);
      const entry = ceLogEntry(coder.page, CE_TITLE);
      await expect(entry.innerText()).resolves.toContain('Approved');
      await expect(entry.innerText()).resolves.toContain("Reviewer's note: Certificate checked.");
      await waitForCeCardHours(coder.page, CE_CARD, {
        ...hoursWhilePending,
        earned: hoursWhilePending.earned + CE_HOURS,
        pending: hoursWhilePending.pending - CE_HOURS,
      });
      await screenshot(coder.page, 'my-progress-ce-approved');
    } finally {
      await coder.context.close();
    }
  });
});
