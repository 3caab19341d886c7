import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import {
  CODER,
  DIRECTOR,
  expectNoAxeViolations,
  login,
  mainHeading,
  openPage,
  screenshot,
  staffByEmail,
} from './support/helpers';

describe('a staff profile (staff/:id)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the director opens a member's profile and sees their name and credentials", async () => {
    const coder = await staffByEmail(CODER.email);
    const { context, page } = await openPage(browser);
    try {
      await login(page, DIRECTOR.email, DIRECTOR.password);
      await page.goto(`/staff/${coder.id}`);
      await expect(mainHeading(page).innerText()).resolves.toContain(coder.name);
      await page
        .getByRole('heading', { name: /credentials/i })
        .first()
        .waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'staff profile');
      await screenshot(page, 'staff-profile-director');
    } finally {
      await context.close();
    }
  });

  it('an unknown id shows a not-found page', async () => {
    const { context, page } = await openPage(browser);
    try {
      await login(page, DIRECTOR.email, DIRECTOR.password);
      await page.goto('/staff/00000000-0000-4000-8000-000000000000');
      await expect(mainHeading(page).innerText()).resolves.toMatch(/not found/i);
      await expectNoAxeViolations(page, 'unknown staff profile');
    } finally {
      await context.close();
    }
  });
});
