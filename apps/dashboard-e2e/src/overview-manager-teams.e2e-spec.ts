import type { ReadinessResponse } from '@him/contracts';
import {
  apiGet,
  apiLogin,
  login,
  MANAGER,
  settleAndCheck,
  useBrowser,
  withPage,
} from './support/helpers';

/**
 * Issue 12, point 10: the manager's overview opens on the teams they manage (AccessPolicy says
 * which), with a visible switch to the whole department.
 */
describe("the manager's overview shows their own teams first (overview-manager-teams)", () => {
  const browser = useBrowser();

  it('opens on my teams and switches to the whole department', async () => {
    const token = await apiLogin(MANAGER);
    await withPage(browser(), async (page) => {
      const asked: URL[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname === '/api/v1/readiness') asked.push(url);
      });
      await login(page, MANAGER.email, MANAGER.password);
      await page.goto('/overview');
      await page.getByRole('heading', { level: 2, name: /^Department figures as of/ }).waitFor();
      const asOf = await page.getByLabel('As of', { exact: true }).inputValue();
      const mine = await apiGet<ReadinessResponse>(token, `readiness?asOf=${asOf}&teams=managed`);
      const all = await apiGet<ReadinessResponse>(token, `readiness?asOf=${asOf}`);
      expect(mine.teams.length).toBeGreaterThan(0);
      expect(mine.teams.length).toBeLessThan(all.teams.length);

      const switcher = page.getByRole('radiogroup', { name: 'Teams shown' });
      await expect(
        switcher.getByRole('radio', { name: 'My teams' }).getAttribute('aria-checked'),
      ).resolves.toBe('true');
      expect(asked.at(-1)?.searchParams.get('teams')).toBe('managed');
      const teamRows = page.locator('him-team-readiness-table tbody tr');
      await expect(teamRows.count()).resolves.toBe(mine.teams.length);
      for (const team of mine.teams) {
        await expect(teamRows.filter({ hasText: team.name }).count()).resolves.toBe(1);
      }
      await expect(
        page.getByText(`Counts ${mine.members.length} active staff.`).count(),
      ).resolves.toBe(1);
      await page
        .getByText(`Showing the teams you manage: ${mine.teams.map((t) => t.name).join(', ')}.`)
        .waitFor();
      await settleAndCheck(page, "manager's overview, own teams", 'overview-manager-own-teams');

      await switcher.getByRole('radio', { name: 'Whole department' }).click();
      await page.getByText('Showing every team of the department.').waitFor();
      await page.getByText(`Counts ${all.members.length} active staff.`).waitFor();
      await expect(teamRows.count()).resolves.toBe(all.teams.length);
      expect(asked.at(-1)?.searchParams.has('teams')).toBe(false);
      await expect(
        switcher.getByRole('radio', { name: 'Whole department' }).getAttribute('aria-checked'),
      ).resolves.toBe('true');
    });
  });
});
