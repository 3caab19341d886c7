import { readFileSync } from 'node:fs';
import type { TrainingGapsResponse } from '@him/contracts';
import {
  apiGet,
  apiLogin,
  asUser,
  DIRECTOR,
  expectNoAxeViolations,
  horizontalOverflow,
  mainHeading,
  MANAGER,
  PHONE,
  screenshot,
  useBrowser,
} from './support/helpers';

/**
 * "Who do I train on what": the coding manager opens Training gaps, sees their own teams with each
 * gap, the members who miss it and the nearest holders, follows a name to the profile, downloads
 * the CSV, and switches to another team; the page reads as cards on a phone.
 */
describe('training gaps', () => {
  const browser = useBrowser();

  it("the manager sees their teams' gaps with names, opens a member and downloads the CSV", async () => {
    const token = await apiLogin(MANAGER);
    const own = await apiGet<TrainingGapsResponse>(token, 'readiness/gaps');
    expect(own.teams.length).toBeGreaterThan(0);
    const gapsInOwn = own.teams.reduce((sum, team) => sum + team.gaps.length, 0);
    expect(gapsInOwn).toBeGreaterThan(0);

    await asUser(browser(), MANAGER, async (page) => {
      await page.getByRole('link', { name: 'Training gaps' }).click();
      await page.waitForURL('**/training-gaps');
      await expect(mainHeading(page).textContent()).resolves.toBe('Training gaps');
      const status = page.getByRole('status').filter({
        hasText: `${gapsInOwn} gap${gapsInOwn === 1 ? '' : 's'} in ${own.teams.length}`,
      });
      await status.waitFor();
      await expect(page.getByRole('combobox', { name: 'Team' }).textContent()).resolves.toContain(
        'My teams',
      );
      // the manager's own teams, each as a section with its table
      for (const team of own.teams) {
        await page.getByRole('heading', { level: 2, name: new RegExp(`^${team.name}`) }).waitFor();
      }
      await expectNoAxeViolations(page, 'training gaps page');
      await screenshot(page, 'training-gaps');

      const firstTeam = own.teams.find((team) => team.gaps.length > 0);
      if (!firstTeam) throw new Error('the demo manager has no team with a gap');
      const firstGap = firstTeam.gaps[0];
      const table = page.getByRole('table', {
        name: new RegExp(`Training gaps of ${firstTeam.name}`),
      });
      const firstRow = table.getByRole('row').nth(1);
      for (const member of firstGap.members) {
        await firstRow.getByRole('link', { name: member.name }).first().waitFor();
      }
      const person = firstGap.members[0] ?? firstGap.nearestHolders[0];
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`training-gaps-${own.asOf}.csv`);
      const csv = readFileSync(await file.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toContain('"Team","Gap","Why"');
      expect(csv).toContain(person.name);

      await firstRow.getByRole('link', { name: person.name }).first().click();
      await page.waitForURL(`**/staff/${person.staffId}`);
    });
  });

  it('the director chooses one team; on a phone each gap reads as a card without sideways scrolling', async () => {
    const token = await apiLogin(DIRECTOR);
    const all = await apiGet<TrainingGapsResponse>(token, 'readiness/gaps');
    const team = all.teams.find((t) => t.gaps.length > 0);
    if (!team) throw new Error('the demo department has no team with a gap');
    await asUser(
      browser(),
      DIRECTOR,
      async (page) => {
        await page.goto('/training-gaps');
        await page
          .getByRole('status')
          .filter({ hasText: `in ${all.teams.length} teams` })
          .waitFor();
        await page.getByRole('combobox', { name: 'Team' }).click();
        await page.getByRole('option', { name: team.name, exact: true }).click();
        await page
          .getByRole('status')
          .filter({
            hasText: `${team.gaps.length} gap${team.gaps.length === 1 ? '' : 's'} in 1 team.`,
          })
          .waitFor();
        await expect(page.getByRole('heading', { level: 2 }).count()).resolves.toBe(1);
        expect((await horizontalOverflow(page)).document).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, 'training gaps page on a phone');
        await screenshot(page, 'training-gaps-phone');
      },
      PHONE,
    );
  });
});
