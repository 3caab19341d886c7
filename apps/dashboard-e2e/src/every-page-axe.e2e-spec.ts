import {
  asUser,
  DIRECTOR,
  expectNoAxeViolations,
  mainHeading,
  screenshot,
  useBrowser,
} from './support/helpers';

/**
 * The pages the flow tests do not walk through: the admin area (each tab), the staff
 * directory, reports and import, each loaded as the director and checked with axe
 * (WCAG 2.1 A/AA) once its content has arrived.
 */
const PAGES = [
  '/admin/department',
  '/admin/skills',
  '/admin/credential-types',
  '/admin/ce-rules',
  '/admin/roles',
  '/admin/teams',
  '/admin/reminders',
  '/admin/users',
  '/staff',
  '/reports',
  '/import',
  '/notifications',
];

describe('every page passes the accessibility check', () => {
  const browser = useBrowser();

  it('admin, staff directory, reports and import pages have no WCAG 2.1 A/AA violations', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      for (const path of PAGES) {
        await page.goto(path);
        await mainHeading(page).waitFor();
        await page.waitForLoadState('networkidle');
        await expect(page.getByRole('progressbar').count()).resolves.toBe(0);
        await expectNoAxeViolations(page, path);
        await screenshot(page, `page${path.replace(/\//g, '-')}`);
      }
    });
  });
});
