import {
  asUser,
  CODER,
  expectNoAxeViolations,
  login,
  mainHeading,
  openPage,
  screenshot,
  screenshotOf,
  someStaff,
  useBrowser,
} from './support/helpers';

describe('a staff member', () => {
  const browser = useBrowser();

  it('lands on My progress and has no Overview in the navigation', async () => {
    await asUser(browser(), CODER, async (page) => {
      await page.waitForURL('**/my-progress');
      await expect(mainHeading(page).innerText()).resolves.toBe('My progress');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'My progress' }).waitFor();
      await expect(nav.getByRole('link', { name: 'Overview' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, 'My progress');
      await screenshot(page, 'my-progress-staff');
      // The last section, below what a full-page picture holds.
      const calendar = page.getByRole('region', { name: 'Calendar feed' });
      await calendar.getByRole('button', { name: 'Create feed' }).waitFor();
      await screenshotOf(calendar, 'my-progress-calendar-feed');
    });
  });

  it('typing /overview shows the no-access page, not the figures', async () => {
    await asUser(browser(), CODER, async (page) => {
      await page.goto('/overview');
      await expect(mainHeading(page).innerText()).resolves.toMatch(/don.t have access|not found/i);
      await expect(page.getByText('Department figures as of').count()).resolves.toBe(0);
      await expectNoAxeViolations(page, 'no-access page');
      await screenshot(page, 'staff-overview-forbidden');
    });
  });

  it("typing another member's profile address is refused, showing none of their data", async () => {
    // The director's view of the department gives a real id of someone else.
    const other = (await someStaff()).find((member) => member.email !== CODER.email);
    if (!other) throw new Error('the demo department has no other member');

    const { context, page } = await openPage(browser());
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes(other.id)) asked.push(request.url());
    });
    try {
      await login(page, CODER.email, CODER.password);
      await page.goto(`/staff/${other.id}`);
      // Another member's profile does not exist for a staff member: the not-found page,
      // the same for any id (nothing leaks), as the API's 404.
      await expect(mainHeading(page).innerText()).resolves.toBe('Page not found');
      await page.waitForLoadState('networkidle');
      await expect(page.getByText(other.name).count()).resolves.toBe(0);
      await expect(page.getByText(other.email).count()).resolves.toBe(0);
      // The page never even asks the API about them (only the address bar holds the id).
      expect(asked.filter((url) => url.includes('/api/'))).toEqual([]);
      await expectNoAxeViolations(page, "another member's profile");
      await screenshot(page, 'staff-other-profile-refused');
    } finally {
      await context.close();
    }
  });
});
