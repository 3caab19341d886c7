import { asUser, DIRECTOR, mainHeading, settleAndCheck, useBrowser } from './support/helpers';

describe('the coverage page (coverage)', () => {
  const browser = useBrowser();

  it('the director opens Coverage from the navigation: targets and skill heatmaps', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Coverage' })
        .click();
      await page.waitForURL('**/coverage**');
      await expect(mainHeading(page).innerText()).resolves.toBe('Coverage');
      for (const table of [
        'Coverage targets table',
        'Skills by role table',
        'Skills by team table',
      ]) {
        await page.getByRole('region', { name: table }).getByRole('table').waitFor();
      }
      await settleAndCheck(page, 'coverage', 'coverage-director');
    });
  });
});
