import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import {
  CODER,
  expectNoAxeViolations,
  login,
  MANAGER,
  mainHeading,
  openPage,
  screenshot,
  staffByEmail,
} from './support/helpers';

describe('the team matrix (team-matrix)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the coding manager sees their team's members in a table", async () => {
    const coder = await staffByEmail(CODER.email);
    const { context, page } = await openPage(browser);
    try {
      await login(page, MANAGER.email, MANAGER.password);
      await page.goto('/team-matrix');
      await expect(mainHeading(page).innerText()).resolves.toMatch(/matrix/i);
      const table = page.getByRole('table').or(page.getByRole('grid')).first();
      await table.getByText(coder.name).first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'team matrix');
      await screenshot(page, 'team-matrix-manager');
    } finally {
      await context.close();
    }
  });
});
