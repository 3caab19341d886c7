import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import {
  CODER,
  DIRECTOR,
  expectNoAxeViolations,
  horizontalOverflow,
  login,
  mainHeading,
  openPage,
  PHONE,
  screenshot,
} from './support/helpers';

describe('on a phone (390×844)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('My progress fits the screen without horizontal scrolling', async () => {
    const { context, page } = await openPage(browser, PHONE);
    try {
      await login(page, CODER.email, CODER.password);
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
    } finally {
      await context.close();
    }
  });

  it('the overview fits the screen without horizontal scrolling', async () => {
    const { context, page } = await openPage(browser, PHONE);
    try {
      await login(page, DIRECTOR.email, DIRECTOR.password);
      await page.getByRole('heading', { level: 2, name: /^Department figures as of / }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page)).toEqual({ document: 0, pane: 0 });
      await expectNoAxeViolations(page, 'overview on a phone');
      await screenshot(page, 'overview-phone');
    } finally {
      await context.close();
    }
  });
});
