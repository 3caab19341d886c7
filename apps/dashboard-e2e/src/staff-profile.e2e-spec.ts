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
      await expect(mainHeading(page).innerText()).resolves.toBe(coder.name);
      for (const heading of ['Role requirements', 'Credentials', 'CE activities', 'Audit trail']) {
        await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
      }
      const credentials = page.getByRole('region', { name: 'Credentials', exact: true });
      const ccs = credentials.getByRole('listitem').filter({ hasText: 'CCS — ' });
      await ccs
        .getByRole('button', { name: 'Edit CCS — Certified Coding Specialist (AHIMA)' })
        .waitFor();

      // Its evidence opens on request, with the upload a manager may use.
      await ccs.getByRole('button', { name: /^(Add|Show) evidence for CCS$/ }).click();
      const evidence = ccs.getByRole('group', { name: 'Evidence for CCS' });
      await evidence.getByRole('button', { name: 'Attach a file' }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, 'staff profile with evidence open');
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
