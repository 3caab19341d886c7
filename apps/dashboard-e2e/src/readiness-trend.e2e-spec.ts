import type { ReadinessSnapshotsResponse, Role } from '@him/contracts';
import {
  apiGet,
  apiLogin,
  baseUrl,
  DIRECTOR,
  login,
  openPage,
  settleAndCheck,
  useBrowser,
} from './support/helpers';

async function apiPatch<T>(token: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1/${path}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) {
    throw new Error(`PATCH /api/v1/${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

const percent = (fraction: number | null) =>
  fraction === null ? '—' : `${Math.round(fraction * 100)}%`;

/**
 * Issue 12, point 5: the overview draws the figures recorded each day (the demo seeds 90 days)
 * as a chart with a table, and beside the change since 30 days ago says when requirements
 * changed in that window and what was recorded then.
 */
describe('the recorded trend on the overview (readiness-trend)', () => {
  const browser = useBrowser();
  let token: string;
  beforeAll(async () => {
    token = await apiLogin(DIRECTOR);
  });

  it('shows 90 recorded days as a chart and a table, and the requirement change of the window', async () => {
    // a role's requirements change today (and change back after the test: one more audit event
    // each, the figures as before)
    const roles = await apiGet<{ items: Role[] }>(token, 'roles?limit=500');
    const role = roles.items.find((candidate) => candidate.requirements.length > 1);
    if (!role) throw new Error('the demo has no role with two requirements');
    const changed = await apiPatch<Role>(token, `roles/${role.id}`, {
      version: role.version,
      requirements: role.requirements.slice(0, -1),
      note: 'browser test of the trend',
    });
    const { context, page } = await openPage(browser());
    try {
      await login(page, DIRECTOR.email, DIRECTOR.password);
      await page.goto('/overview');
      await page.getByRole('heading', { level: 2, name: /^Department figures as of/ }).waitFor();
      const asOf = await page.getByLabel('As of', { exact: true }).inputValue();
      const recorded = await apiGet<ReadinessSnapshotsResponse>(
        token,
        `readiness/snapshots?to=${asOf}`,
      );
      expect(recorded.points.length).toBeGreaterThanOrEqual(89);

      const trend = page.getByRole('region', { name: /^Last 90 days as recorded$/ });
      await trend
        .getByRole('img', { name: /^Line chart of staff ready and requirements met/ })
        .waitFor();
      const changes = page.getByTestId('requirement-changes');
      await changes.waitFor();
      await expect(changes.innerText()).resolves.toContain(`Requirements changed on`);
      await expect(changes.innerText()).resolves.toContain(`(requirements of ${role.name})`);
      const since = new Date(`${asOf}T12:00:00Z`);
      since.setUTCDate(since.getUTCDate() - 30);
      if (recorded.points.some((point) => point.takenOn === since.toISOString().slice(0, 10))) {
        await expect(changes.innerText()).resolves.toMatch(
          /As recorded on \w+ \d+, under the requirements of that day: staff ready/,
        );
      }

      // the table alternative opens and holds every recorded day, newest first
      await trend.getByText(/^Recorded figures table \(\d+ days\)$/).click();
      const table = trend.getByRole('table', { name: 'Recorded figures' });
      await table.waitFor();
      const rows = table.getByRole('row');
      await expect(rows.count()).resolves.toBe(recorded.points.length + 1);
      const newest = recorded.points[recorded.points.length - 1];
      const firstRow = (await rows.nth(1).innerText()).replace(/\s+/g, ' ');
      expect(firstRow).toContain(newest.takenOn);
      expect(firstRow).toContain(percent(newest.staffReadyPct));

      await settleAndCheck(
        page,
        'overview with the recorded trend and its table',
        'overview-recorded-trend',
      );
    } finally {
      await context.close();
      await apiPatch<Role>(token, `roles/${role.id}`, {
        version: changed.version,
        requirements: role.requirements,
        note: 'browser test of the trend: back as it was',
      });
    }
  });
});
