import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import {
  DIRECTOR,
  expectNoAxeViolations,
  login,
  mainHeading,
  openPage,
  screenshot,
} from './support/helpers';

describe('the coverage page (coverage)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the director opens Coverage from the navigation: targets and skill heatmaps', async () => {
    const { context, page } = await openPage(browser);
    try {
      await login(page, DIRECTOR.email, DIRECTOR.password);
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
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'coverage');
      await screenshot(page, 'coverage-director');
    } finally {
      await context.close();
    }
  });
});
