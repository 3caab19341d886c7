import type { ReadinessResponse, SurveyWindowResponse } from '@him/contracts';
import { addDays, addMonthsClamped } from '@him/domain';
import { buildDemoDepartment } from '../src/seed/demo-department';
import { DEMO_LOGINS, loadDemoDepartment } from '../src/seed/seed-demo';
import { caller } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

const TODAY = '2026-11-24';

/**
 * The unannounced-survey window over the demo department through the API: a three-year window
 * answers in well under a second, and its lowest figures agree with the forecast for its last day
 * (under the assumptions of the forecast figures can only fall).
 */
describe('GET /readiness/window on the demo department', () => {
  let t: TestApp;
  let ids: Map<string, string>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    ({ ids } = await t.dataSource.transaction((em) =>
      loadDemoDepartment(em, buildDemoDepartment(TODAY)),
    ));
    for (const login of DEMO_LOGINS) {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: login.email, password: login.password })
        .expect(200);
      tokens[login.role] = res.body.accessToken;
    }
  });
  afterAll(() => t?.close());

  const get = async <T>(path: string, token = tokens.admin): Promise<T> =>
    (await caller(t, token).get(`/api/v1${path}`).expect(200)).body as T;

  it('answers a three-year window in well under a second, evaluating only the change days', async () => {
    const to = addMonthsClamped(TODAY, 36);
    await get(`/readiness?asOf=${TODAY}`); // connections and caches warm
    const started = performance.now();
    const w = await get<SurveyWindowResponse>(
      `/readiness/window?asOf=${TODAY}&from=${TODAY}&to=${to}`,
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    expect(w.evaluatedDays).toBeGreaterThan(1);
    expect(w.evaluatedDays).toBeLessThan(400);

    const forecast = await get<ReadinessResponse>(`/readiness?asOf=${TODAY}&surveyDate=${to}`);
    const atEnd = forecast.forecast.find((p) => p.date === to);
    expect(w.staffReadyPct.value).toBe(atEnd?.staffReadyPct);
    expect(w.requirementsMetPct.value).toBe(atEnd?.requirementsMetPct);
    expect(w.targetsMet.value).toEqual(atEnd?.targetsMet);
    // the lowest point is below today's
    expect(w.requirementsMetPct.value as number).toBeLessThan(
      w.onFrom.requirementsMetPct as number,
    );
    expect(w.staffReadyPct.firstOn > TODAY).toBe(true);
    // the director's HIPAA retraining lapses inside the window
    expect(w.lapses).toContainEqual(
      expect.objectContaining({
        kind: 'assessment',
        staffId: ids.get('staff:margaret-okonkwo'),
        skillId: ids.get('skill:hipaa'),
      }),
    );
    // the coder's CCS lapsing in 12 days opens a coverage gap in Coding
    const coding = w.teams.find((team) => team.teamId === ids.get('team:coding'));
    expect(coding?.firstFailingOn).toBe(addDays(TODAY, 13));
    console.log(
      `survey window of three years over the demo department: ${elapsed.toFixed(0)} ms, ${w.evaluatedDays} days evaluated`,
    );
  });

  it('gives a manager the department and refuses staff', async () => {
    const w = await get<SurveyWindowResponse>(
      `/readiness/window?asOf=${TODAY}&from=${addDays(TODAY, 30)}&to=${addDays(TODAY, 90)}`,
      tokens.manager,
    );
    expect(w.from).toBe(addDays(TODAY, 30));
    await caller(t, tokens.staff)
      .get(`/api/v1/readiness/window?from=${TODAY}&to=${addDays(TODAY, 90)}`)
      .expect(403);
  });
});
