import {
  apiLogin,
  apiPost,
  asUser,
  baseUrl,
  DIRECTOR,
  expectNoAxeViolations,
  mainHeading,
  screenshotOf,
  useBrowser,
} from './support/helpers';

/** An administrator with no staff record of their own (IT, say): no My progress page. */
const IT_ADMIN = {
  email: `it-admin-${Date.now()}@riverside-demo.org`,
  password: 'It-Admin!Browser-2026',
};

describe('calendar feeds on the overview', () => {
  const browser = useBrowser();
  beforeAll(async () => {
    await apiPost(await apiLogin(DIRECTOR), 'users', { ...IT_ADMIN, role: 'admin' });
  });

  it('an admin without a staff record subscribes to the department deadlines from the overview', async () => {
    await asUser(browser(), IT_ADMIN, async (page) => {
      await page.waitForURL('**/overview');
      await expect(mainHeading(page).innerText()).resolves.toBe('Department overview');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Overview' }).waitFor();
      await expect(nav.getByRole('link', { name: 'My progress' }).count()).resolves.toBe(0);

      const calendar = page.getByRole('region', { name: 'Calendar feed' });
      await calendar.getByText('You have no calendar feeds yet.').waitFor();
      await calendar.getByRole('textbox', { name: 'Name (optional)' }).fill('HIM office wall');
      await calendar.getByRole('button', { name: 'Create feed' }).click();
      await calendar.getByRole('heading', { name: 'Your new calendar feed is ready' }).waitFor();
      const address = await calendar.getByRole('textbox', { name: 'Feed address' }).inputValue();
      expect(address.startsWith(`${baseUrl()}/api/v1/calendar/`)).toBe(true);
      const feed = await (await fetch(address)).text();
      expect(feed).toContain('BEGIN:VCALENDAR');
      // The department's deadlines: the demo's credentials expire, so there are events.
      expect(feed).toContain('BEGIN:VEVENT');
      await calendar
        .getByRole('listitem')
        .filter({ hasText: 'HIM office wall' })
        .filter({ hasText: "The department's deadlines" })
        .waitFor();

      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'overview with the calendar feed');
      await screenshotOf(calendar, 'overview-calendar-feed-admin');
    });
  });
});
