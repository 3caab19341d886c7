import type { ForecastPoint, ReadinessResponse } from '@him/contracts';
import type { Page, Request } from 'playwright-core';
import { apiGet, apiLogin, asUser, DIRECTOR, useBrowser } from './support/helpers';

/** The day `days` after (or before) an ISO date. */
function addDaysIso(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

const percent = (fraction: number | null) =>
  fraction === null ? '—' : `${Math.round(fraction * 100)}%`;

/** The change words the overview shows (figureChange), from the two figures. */
function changeText(now: number | null, before: number | null, since: string): string | null {
  if (now === null || before === null) return null;
  const points = Math.round((now - before) * 100);
  if (points === 0) return `No change since ${since}`;
  const size = Math.abs(points);
  return `${points > 0 ? 'Up' : 'Down'} ${size} ${size === 1 ? 'point' : 'points'} since ${since}`;
}

/** `May 2` as the overview writes the compared day (UTC, the same year as asOf). */
function shortDate(date: string): string {
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** Readiness requests (not /readiness/window nor /readiness/gaps) the page sends from now on. */
function countReadinessRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/readiness') seen.push(request);
  });
  return seen;
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Issue 13, "the overview asks once": the figures on the as-of date, those 30 days earlier and
 * the survey date's come in one readiness request, and they are the figures the three separate
 * answers of the full form give.
 */
describe('the overview asks for readiness once (overview-one-request)', () => {
  const browser = useBrowser();
  let token: string;
  beforeAll(async () => {
    token = await apiLogin(DIRECTOR);
  });

  it('loads with one readiness request and shows the figures and changes of the full form', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      const requests = countReadinessRequests(page);
      await page.goto('/overview');
      await page.getByRole('heading', { level: 2, name: /^Department figures as of/ }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(requests.map((request) => new URL(request.url()).search)).toHaveLength(1);

      const asOf = await page.getByLabel('As of', { exact: true }).inputValue();
      const before = addDaysIso(asOf, -30);
      const now = await apiGet<ReadinessResponse>(token, `readiness?asOf=${asOf}`);
      const then = await apiGet<ReadinessResponse>(token, `readiness?asOf=${before}`);
      const since = shortDate(before);

      const staffReady = await text(page, '[data-figure="staff-ready"]');
      expect(staffReady).toContain(percent(now.staffReadyPct));
      expect(staffReady).toContain(
        `${now.staffReady.ready} of ${now.staffReady.total} active staff ready`,
      );
      const staffChange = changeText(now.staffReadyPct, then.staffReadyPct, since);
      if (staffChange) expect(staffReady).toContain(staffChange);
      const requirements = await text(page, '[data-figure="requirements-met"]');
      expect(requirements).toContain(percent(now.requirementsMetPct));
      const requirementsChange = changeText(now.requirementsMetPct, then.requirementsMetPct, since);
      if (requirementsChange) expect(requirements).toContain(requirementsChange);
      expect(await text(page, '[data-figure="targets-met"]')).toContain(
        `${now.targetsMet.met} of ${now.targetsMet.total}`,
      );
      await expect(
        page.getByText(`Counts ${now.members.length} active staff.`).count(),
      ).resolves.toBe(1);

      // every team, with its change since then
      const teams = page.locator('him-team-readiness-table tbody tr');
      await expect(teams.count()).resolves.toBe(now.teams.length);
      for (const team of now.teams) {
        const row = (await teams.filter({ hasText: team.name }).first().innerText()).replace(
          /\s+/g,
          ' ',
        );
        expect(row).toContain(percent(team.staffReadyPct));
        const earlier = then.teams.find((candidate) => candidate.teamId === team.teamId);
        const change = earlier && changeText(team.staffReadyPct, earlier.staffReadyPct, since);
        if (change) expect(row).toContain(change);
      }

      // every member not ready is listed
      const notReady = now.members.filter((member) => !member.ready);
      const listed = await text(page, 'him-not-ready-members');
      for (const member of notReady) expect(listed).toContain(member.name);
    });
  });

  it('asks once with a survey date in the address too, and shows what the survey forecast says', async () => {
    await asUser(browser(), DIRECTOR, async (page) => {
      await page.getByRole('heading', { level: 2, name: /^Department figures as of/ }).waitFor();
      const asOf = await page.getByLabel('As of', { exact: true }).inputValue();
      const surveyDate = addDaysIso(asOf, 400);
      const requests = countReadinessRequests(page);
      await page.goto(`/overview?surveyDate=${surveyDate}`);
      await page
        .getByRole('heading', { level: 2, name: `By the survey on ${surveyDate}` })
        .waitFor();
      await page.locator('him-survey-readiness dl').waitFor();
      await page.waitForLoadState('networkidle');
      expect(requests).toHaveLength(1);
      const asked = new URL(requests[0].url()).searchParams;
      expect(asked.get('surveyDate')).toBe(surveyDate);
      expect(asked.get('compare')).toBe(addDaysIso(asOf, -30));

      const full = await apiGet<ReadinessResponse>(
        token,
        `readiness?asOf=${asOf}&surveyDate=${surveyDate}`,
      );
      const point = full.forecast.find(
        (candidate: ForecastPoint) => candidate.date === surveyDate,
      ) as ForecastPoint;
      expect(await text(page, 'him-survey-readiness dl')).toBe(
        `Staff ready ${percent(point.staffReadyPct)} Requirements met ${percent(
          point.requirementsMetPct,
        )} Coverage targets met ${point.targetsMet.total === 0 ? '—' : `${point.targetsMet.met} of ${point.targetsMet.total}`}`,
      );
      // who stops being ready by then: one row each, as the full form says
      const people = page.getByRole('table', { name: /^Who stops being ready by/ });
      if ((point.membersNoLongerReady ?? []).length > 0) {
        await expect(people.locator('tbody tr').count()).resolves.toBe(
          point.membersNoLongerReady?.length,
        );
      }
      // the as-of figures' forecast keeps its horizons only
      const horizons = await page
        .locator('him-readiness-forecast table tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.querySelector('th, td')?.textContent ?? ''));
      expect(horizons.some((label) => label.includes('400 days'))).toBe(false);
    });
  });
});
