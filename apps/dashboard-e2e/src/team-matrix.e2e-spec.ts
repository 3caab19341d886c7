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

  it("the coding manager sees their team's skills and credentials, fetched in one call each", async () => {
    const coder = await staffByEmail(CODER.email);
    const { context, page } = await openPage(browser);
    const credentialCalls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/api\/v1\/(credentials|staff\/[^/]+\/credentials)$/.test(path)) {
        credentialCalls.push(request.url());
      }
    });
    try {
      await login(page, MANAGER.email, MANAGER.password);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Team matrix' })
        .click();
      await page.waitForURL('**/team-matrix?team=*');
      await expect(mainHeading(page).innerText()).resolves.toBe('Team matrix');
      await expect(page.getByRole('combobox', { name: 'Team' }).innerText()).resolves.toContain(
        'Coding',
      );

      const skills = page.getByRole('table', { name: /^Skill levels of Coding members/ });
      await skills.getByRole('rowheader', { name: coder.name }).waitFor();
      const credentials = page.getByRole('table', { name: /^Credentials of Coding members/ });
      const coderRow = credentials
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: coder.name }) });
      await coderRow.waitFor();
      // The coder holds a current CCS and CPC (demo data): their row shows a status.
      await expect(coderRow.innerText()).resolves.toMatch(/Current|Expiring in \d+ days/);
      await expect(
        coderRow.getByRole('link', { name: coder.name }).getAttribute('href'),
      ).resolves.toBe(`/staff/${coder.id}`);

      await page.waitForLoadState('networkidle');
      expect(credentialCalls).toHaveLength(1);
      expect(new URL(credentialCalls[0]).pathname).toBe('/api/v1/credentials');
      expect(new URL(credentialCalls[0]).searchParams.get('teamId')).toBeTruthy();
      await expectNoAxeViolations(page, 'team matrix');
      await screenshot(page, 'team-matrix-manager');
    } finally {
      await context.close();
    }
  });
});
