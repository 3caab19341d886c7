import type { ReadinessSnapshotsResponse } from '@him/contracts';
import { todayIn } from '@him/domain';
import { JobEngine } from '../src/jobs/job-engine';
import { ReadinessSnapshots, SNAPSHOTS_CRON, SNAPSHOTS_QUEUE } from '../src/readiness/snapshots';
import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * Issue 12, point 5: the department's figures are recorded once a day by a job of the job
 * engine (one row per department and day however often it runs), answered by
 * GET /readiness/snapshots in the caller's scope with the requirement changes of the window from
 * the audit trail, so a drop that a new requirement caused can be told from one that happened.
 */
describe('daily readiness snapshots', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  let billingTeamId: string;

  beforeAll(async () => {
    // the scheduler on, as in production: the job engine records today at startup too
    t = await createTestApp({ env: { SNAPSHOTS_SCHEDULER: 'true' } });
    d = await createDepartment(t);
    [{ id: billingTeamId }] = await t.dataSource.query(
      `INSERT INTO team (department_id, name) VALUES ($1, 'Billing') RETURNING id`,
      [d.departmentId],
    );
    await t.dataSource.query(
      `INSERT INTO staff (department_id, team_id, role_id, name, email, status, hire_date)
       VALUES ($1, $2, $3, 'Bea Billing', 'bea.billing@snapshots.example', 'active', '2020-01-06')`,
      [d.departmentId, billingTeamId, d.roleId],
    );
  }, 120_000);
  afterAll(() => t.close());

  const rowsOf = (departmentId: string) =>
    t.dataSource.query(
      `SELECT taken_on::text AS "takenOn", staff_ready AS ready, staff_total AS total
         FROM readiness_snapshot WHERE department_id = $1 ORDER BY taken_on`,
      [departmentId],
    );

  const runJob = async (): Promise<void> => {
    const id = await t.app.get(JobEngine).send(SNAPSHOTS_QUEUE, {});
    expect(id).not.toBeNull();
    for (let i = 0; i < 120; i++) {
      const [{ state }] = await t.dataSource.query(`SELECT state FROM pgboss.job WHERE id = $1`, [
        id,
      ]);
      if (state === 'completed') return;
      if (state === 'failed') throw new Error('the snapshot job failed');
      await new Promise((done) => setTimeout(done, 250));
    }
    throw new Error('the snapshot job did not finish');
  };

  const get = async (query: string, token: string, status = 200) =>
    (await t.http().get(`/api/v1/readiness/snapshots${query}`).set(bearer(token)).expect(status))
      .body;

  it('is a singleton queue of the job engine, scheduled hourly', async () => {
    const [queue] = await t.dataSource.query(`SELECT policy FROM pgboss.queue WHERE name = $1`, [
      SNAPSHOTS_QUEUE,
    ]);
    expect(queue).toEqual({ policy: 'singleton' });
    const schedules = await t.dataSource.query(
      `SELECT name, cron FROM pgboss.schedule WHERE name = $1`,
      [SNAPSHOTS_QUEUE],
    );
    expect(schedules).toEqual([{ name: SNAPSHOTS_QUEUE, cron: SNAPSHOTS_CRON }]);
  });

  it("records today's figures once per department and day however often the job runs", async () => {
    await runJob();
    await runJob();
    const today = todayIn('UTC', new Date());
    // four active members (the fixture's three and Bea), all ready (their role needs nothing
    // yet), in exactly one row for today
    const rows = await rowsOf(d.departmentId);
    expect(rows).toEqual([{ takenOn: today, ready: 4, total: 4 }]);
    const [{ recorded }] = await t.dataSource.query(
      `SELECT count(*)::int AS recorded FROM readiness_snapshot WHERE taken_on = $1`,
      [today],
    );
    const [{ departments }] = await t.dataSource.query(
      `SELECT count(*)::int AS departments FROM department`,
    );
    expect(recorded).toBe(departments);
  });

  it('keeps the figures recorded on a day when a requirement is added later, and says when it was', async () => {
    const snapshots = t.app.get(ReadinessSnapshots);
    const day = '2026-11-03';
    await snapshots.record(d.departmentId, day);
    await snapshots.record(d.departmentId, day);

    // a new credential requirement for the role: nobody holds it, so nobody is ready from now on
    const [{ id: typeId }] = await t.dataSource.query(
      `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus) VALUES ($1, 'CCS', 'Certified Coding Specialist', 'AHIMA', 20) RETURNING id`,
      [d.departmentId],
    );
    const role = await t
      .http()
      .get(`/api/v1/roles/${d.roleId}`)
      .set(bearer(d.tokens.admin))
      .expect(200);
    await t
      .http()
      .patch(`/api/v1/roles/${d.roleId}`)
      .set(bearer(d.tokens.admin))
      .send({ version: role.body.version, requirements: [{ kind: 'credential', anyOf: [typeId] }] })
      .expect(200);
    const today = todayIn('UTC', new Date());
    await snapshots.record(d.departmentId, today);

    const answer = (await get(
      `?from=${day}&to=${today}`,
      d.tokens.admin,
    )) as ReadinessSnapshotsResponse;
    expect(answer.from).toBe(day);
    expect(answer.points.map((point) => point.takenOn)).toEqual([day, today]);
    const [then, now] = answer.points;
    expect(then.staffReady).toEqual({ ready: 4, total: 4 });
    expect(then.staffReadyPct).toBe(1);
    expect(now.staffReady).toEqual({ ready: 0, total: 4 });
    expect(then.teams.map((team) => team.name).sort()).toEqual(['Billing', 'Coding']);
    expect(answer.requirementChanges).toEqual([
      { on: today, at: expect.any(String), kind: 'role-requirements', name: 'Medical Coder' },
    ]);
    // a rename changes no requirement
    await t
      .http()
      .patch(`/api/v1/roles/${d.roleId}`)
      .set(bearer(d.tokens.admin))
      .send({ version: role.body.version + 1, name: 'Medical Coder II' })
      .expect(200);
    const again = (await get(
      `?from=${day}&to=${today}`,
      d.tokens.admin,
    )) as ReadinessSnapshotsResponse;
    expect(again.requirementChanges).toHaveLength(1);
    // a window before the change has none
    const before = (await get(
      `?from=${day}&to=${day}`,
      d.tokens.admin,
    )) as ReadinessSnapshotsResponse;
    expect(before.requirementChanges).toEqual([]);
    expect(before.points).toHaveLength(1);
  });

  it("narrows to a manager's own teams as the readiness does, and keeps another team's targets out", async () => {
    const day = '2026-11-03';
    const mine = (await get(
      `?from=${day}&to=${day}&teams=managed`,
      d.tokens.manager,
    )) as ReadinessSnapshotsResponse;
    expect(mine.points[0].teams.map((team) => team.teamId)).toEqual([d.teamId]);
    expect(mine.points[0].staffReady).toEqual({ ready: 3, total: 3 });
    const billing = (await get(
      `?from=${day}&to=${day}&teamId=${billingTeamId}`,
      d.tokens.manager,
    )) as ReadinessSnapshotsResponse;
    expect(billing.points[0].staffReady).toEqual({ ready: 1, total: 1 });
    // the whole department without a scope
    const all = (await get(
      `?from=${day}&to=${day}`,
      d.tokens.manager,
    )) as ReadinessSnapshotsResponse;
    expect(all.points[0].staffReady).toEqual({ ready: 4, total: 4 });

    // a coverage target of Billing shows to a scope holding Billing, not to the manager's own teams
    const [{ id: typeId }] = await t.dataSource.query(
      `SELECT id FROM credential_type WHERE department_id = $1 AND code = 'CCS'`,
      [d.departmentId],
    );
    const team = await t
      .http()
      .get(`/api/v1/teams/${billingTeamId}`)
      .set(bearer(d.tokens.admin))
      .expect(200);
    await t
      .http()
      .patch(`/api/v1/teams/${billingTeamId}`)
      .set(bearer(d.tokens.admin))
      .send({
        version: team.body.version,
        coverageTargets: [{ requirement: { kind: 'credential', anyOf: [typeId] }, minHolders: 1 }],
      })
      .expect(200);
    const today = todayIn('UTC', new Date());
    const kinds = async (query: string) =>
      (
        (await get(
          `?from=${today}&to=${today}${query}`,
          d.tokens.manager,
        )) as ReadinessSnapshotsResponse
      ).requirementChanges.map((change) => `${change.kind}:${change.name}`);
    expect(await kinds('')).toEqual([
      'role-requirements:Medical Coder',
      'coverage-targets:Billing',
    ]);
    expect(await kinds('&teams=managed')).toEqual(['role-requirements:Medical Coder']);
  });

  it('refuses a bad window or caller, naming the field', async () => {
    const refused = async (query: string, field: string) => {
      const body = await get(query, d.tokens.admin, 400);
      expect(body.message.join(' ')).toContain(field);
    };
    await refused('?from=2026-02-30', 'from');
    await refused('?from=2026-11-05&to=2026-11-04', 'from');
    await refused('?from=2020-01-01&to=2026-11-04', 'from');
    await refused('?teams=mine', 'teams');
    await refused(`?teams=managed&teamId=${billingTeamId}`, 'teams');
    await refused('?teamId=nope', 'teamId');
    await get('', d.tokens.staff, 403);
    await t.http().get('/api/v1/readiness/snapshots').expect(401);
    // another department's team is not found
    const other = await createDepartment(t);
    await get(`?teamId=${other.teamId}`, d.tokens.admin, 404);
  });
});
