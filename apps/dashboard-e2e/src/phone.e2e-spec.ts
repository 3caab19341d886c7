import type { Locator, Page } from 'playwright-core';
import {
  apiGet,
  apiLogin,
  apiPost,
  asUser,
  baseUrl,
  certificatePdf,
  CODER,
  daysAgo,
  DIRECTOR,
  expectNoAxeViolations,
  horizontalOverflow,
  logCeActivity,
  mainHeading,
  MANAGER,
  PHONE,
  screenshot,
  screenshotOf,
  staffByEmail,
  useBrowser,
} from './support/helpers';

/** The element's box lies inside the phone's width (and it is shown). */
async function expectWithinWidth(element: Locator, what: string): Promise<void> {
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  if (!box) throw new Error(`${what} is not shown`);
  expect({ what, left: box.x >= 0, right: box.x + box.width <= PHONE.width }).toEqual({
    what,
    left: true,
    right: true,
  });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect(
    page.evaluate(() => document.documentElement.scrollWidth),
  ).resolves.toBeLessThanOrEqual(PHONE.width);
  expect(await horizontalOverflow(page)).toEqual({ document: 0, pane: 0 });
}

/** Unique per run, so the entry can be found among the demo's. */
const PHONE_CE_TITLE = `Phone-logged webinar: HIPAA privacy refresher ${Date.now()}`;

describe('on a phone (390×844)', () => {
  const browser = useBrowser();

  it('My progress fits the screen without horizontal scrolling', async () => {
    await asUser(
      browser(),
      CODER,
      async (page) => {
        await page.waitForURL('**/my-progress');
        await expect(mainHeading(page).innerText()).resolves.toBe('My progress');
        await page.waitForLoadState('networkidle');

        await expect(
          page.evaluate(() => document.documentElement.scrollWidth),
        ).resolves.toBeLessThanOrEqual(PHONE.width);
        expect(await horizontalOverflow(page)).toEqual({ document: 0, pane: 0 });
        await expectNoAxeViolations(page, 'My progress on a phone');
        await screenshot(page, 'my-progress-phone');

        // The navigation is a drawer behind the menu button.
        const menu = page.getByRole('button', { name: 'Navigation menu' });
        await menu.click();
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'My progress' })
          .waitFor();
        await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
        await expectNoAxeViolations(page, 'navigation drawer on a phone');
        await screenshot(page, 'my-progress-phone-menu');
      },
      PHONE,
    );
  });

  it('the coder logs a CE activity and attaches its certificate (PDF) on the phone', async () => {
    await asUser(
      browser(),
      CODER,
      async (page) => {
        await page.waitForURL('**/my-progress');
        const entry = await logCeActivity(page, {
          title: PHONE_CE_TITLE,
          provider: 'AHIMA',
          completedOn: daysAgo(1),
          hours: '1',
        });
        await expect(entry.innerText()).resolves.toContain('No certificate attached');

        await entry.getByRole('button', { name: `Add certificate for ${PHONE_CE_TITLE}` }).click();
        const certificate = entry.getByRole('group', { name: 'Certificate' });
        await certificate.getByText('No files attached yet.').waitFor();
        const chooser = page.waitForEvent('filechooser');
        await certificate.getByRole('button', { name: 'Attach a file' }).click();
        await (
          await chooser
        ).setFiles({
          name: 'HIPAA refresher certificate.pdf',
          mimeType: 'application/pdf',
          buffer: certificatePdf(PHONE_CE_TITLE),
        });
        await certificate.getByRole('link', { name: 'HIPAA refresher certificate.pdf' }).waitFor();
        await expect(certificate.innerText()).resolves.toMatch(/PDF · \d+ bytes · uploaded /);

        // The server keeps it, and the activity now says it has evidence.
        const coder = await staffByEmail(CODER.email);
        const log = await apiGet<{ items: { title: string; hasEvidence: boolean }[] }>(
          await apiLogin(CODER),
          `staff/${coder.id}/ce-activities?limit=500`,
        );
        expect(log.items.find((item) => item.title === PHONE_CE_TITLE)?.hasEvidence).toBe(true);

        await entry.getByRole('button', { name: `Hide certificate for ${PHONE_CE_TITLE}` }).click();
        await entry.getByText('Certificate attached', { exact: true }).waitFor();
        await entry.getByRole('button', { name: `Show certificate for ${PHONE_CE_TITLE}` }).click();
        await certificate.getByRole('link', { name: 'HIPAA refresher certificate.pdf' }).waitFor();

        await page.waitForLoadState('networkidle');
        expect(await horizontalOverflow(page)).toEqual({ document: 0, pane: 0 });
        await expectNoAxeViolations(page, 'My progress on a phone with a certificate attached');
        await screenshotOf(entry, 'my-progress-phone-certificate-entry');
        await screenshot(page, 'my-progress-phone-certificate');
      },
      PHONE,
    );
  });

  it('the coder subscribes a calendar app to their deadlines on the phone', async () => {
    await asUser(
      browser(),
      CODER,
      async (page) => {
        await page.waitForURL('**/my-progress');
        const calendar = page.getByRole('region', { name: 'Calendar feed' });
        await calendar.getByRole('textbox', { name: 'Name (optional)' }).fill('Work phone');
        await calendar.getByRole('button', { name: 'Create feed' }).click();

        const created = calendar.getByRole('heading', { name: 'Your new calendar feed is ready' });
        await created.waitFor();
        const address = await calendar.getByRole('textbox', { name: 'Feed address' }).inputValue();
        expect(address).toMatch(new RegExp(`^${baseUrl()}/api/v1/calendar/[^/]+\\.ics$`));
        // The address is the whole credential: a calendar app reads it without signing in.
        const feed = await fetch(address);
        expect(feed.status).toBe(200);
        expect(feed.headers.get('content-type')).toContain('text/calendar');
        await expect(feed.text()).resolves.toContain('BEGIN:VCALENDAR');
        await calendar.getByRole('listitem').filter({ hasText: 'Work phone' }).waitFor();

        expect(await horizontalOverflow(page)).toEqual({ document: 0, pane: 0 });
        await expectNoAxeViolations(page, 'My progress on a phone with a new calendar feed');
        await screenshotOf(calendar, 'my-progress-phone-calendar-feed');
        await calendar.getByRole('button', { name: 'Done' }).click();
        await created.waitFor({ state: 'detached' });
      },
      PHONE,
    );
  });

  it('the overview fits the screen without horizontal scrolling', async () => {
    await asUser(
      browser(),
      DIRECTOR,
      async (page) => {
        await page.getByRole('heading', { level: 2, name: /^Department figures as of / }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await horizontalOverflow(page)).toEqual({ document: 0, pane: 0 });
        await expectNoAxeViolations(page, 'overview on a phone');
        await screenshot(page, 'overview-phone');
      },
      PHONE,
    );
  });

  it('the review queue shows each activity as a card: hours, Approve and Reject on the screen', async () => {
    const title = `Phone review: Coding Clinic ${Date.now()}`;
    const coder = await staffByEmail(CODER.email);
    await apiPost(await apiLogin(CODER), `staff/${coder.id}/ce-activities`, {
      title,
      provider: 'AHIMA',
      completedOn: daysAgo(2),
      hours: 1.5,
    });
    await asUser(
      browser(),
      DIRECTOR,
      async (page) => {
        await page.goto('/review');
        await expect(mainHeading(page).innerText()).resolves.toBe('Review CE activities');
        const card = page.getByRole('row').filter({ hasText: title });
        await card.waitFor();
        await page.waitForLoadState('networkidle');
        await expectNoSidewaysScroll(page);

        const hours = card.locator('td[data-label="Hours"]');
        await expect(hours.innerText()).resolves.toMatch(/1\.5/);
        await expectWithinWidth(hours, 'hours');
        for (const action of ['Approve', 'Reject']) {
          await expectWithinWidth(
            card.getByRole('button', { name: `${action} ${title} by ${coder.name}` }),
            action,
          );
        }
        await expectNoAxeViolations(page, 'review queue on a phone');
        await screenshotOf(card, 'review-phone-card');
        await screenshot(page, 'review-phone');
      },
      PHONE,
    );
  });

  it("the overview's not-ready members show what each misses on the screen", async () => {
    await asUser(
      browser(),
      MANAGER,
      async (page) => {
        await page.getByRole('heading', { level: 2, name: /^Department figures as of / }).waitFor();
        const notReady = page.getByRole('region', { name: 'Members not ready table' });
        const missing = notReady.locator('td[data-label="Missing"]').first();
        await missing.waitFor();
        await page.waitForLoadState('networkidle');
        await expectNoSidewaysScroll(page);
        await expect(missing.innerText()).resolves.not.toBe('');
        await expectWithinWidth(missing, 'the Missing cell');
        await expectWithinWidth(missing.getByRole('listitem').first(), 'a missing requirement');
        await expectNoAxeViolations(page, 'overview (manager) on a phone');
        await screenshotOf(notReady, 'overview-phone-not-ready');
      },
      PHONE,
    );
  });

  it('the coverage chart and its targets fit the screen; the table has the full labels', async () => {
    await asUser(
      browser(),
      DIRECTOR,
      async (page) => {
        await page.goto('/coverage');
        await expect(mainHeading(page).innerText()).resolves.toBe('Coverage');
        const chart = page.locator('him-coverage-chart canvas');
        await chart.waitFor();
        const targets = page.getByRole('region', { name: 'Coverage targets table' });
        await targets.getByRole('row').nth(1).waitFor();
        await page.waitForLoadState('networkidle');
        await expectNoSidewaysScroll(page);
        await expectWithinWidth(chart, 'the coverage chart');
        const requirement = targets.locator('td[data-label="Requirement"]').first();
        await expectWithinWidth(requirement, 'a requirement in the targets table');
        await expect(requirement.innerText()).resolves.not.toMatch(/…$/);
        await expectNoAxeViolations(page, 'coverage on a phone');
        await screenshotOf(chart, 'coverage-phone-chart');
      },
      PHONE,
    );
  });
});
