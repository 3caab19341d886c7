import { AnalysisCache } from '../src/readiness/analysis-cache';
import { RulesPool } from '../src/readiness/rules-pool';
import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * Every analysis endpoint answers from the cache while the department's data is unchanged, and
 * computes again after a write through another process over the same database: the first
 * process runs the rules in a worker thread (one member's readiness in the process), the second
 * writes, through its API and through SQL.
 */
describe('analysis answers cached by department data version, across processes', () => {
  let a: TestApp;
  let b: TestApp;
  let d: DepartmentFixture;
  let skillId: string;
  let typeId: string;
  let cache: AnalysisCache;
  let pool: RulesPool;
  const AS_OF = '2026-11-24';

  beforeAll(async () => {
    a = await createTestApp({ env: { RULES_WORKERS: '1' } });
    b = await createTestApp({ databaseUrl: a.databaseUrl });
    d = await createDepartment(a);
    cache = a.app.get(AnalysisCache);
    pool = a.app.get(RulesPool);
    [{ id: skillId }] = await a.dataSource.query(
      `INSERT INTO skill (department_id, name, category, reassess_months)
       VALUES ($1, 'ICD-10-CM', 'technical', 12) RETURNING id`,
      [d.departmentId],
    );
    await a.dataSource.query(
      `INSERT INTO requirement (department_id, role_id, position, kind, skill_id, min_level)
       VALUES ($1, $2, 0, 'skill', $3, 3)`,
      [d.departmentId, d.roleId, skillId],
    );
    [{ id: typeId }] = await a.dataSource.query(
      `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus)
       VALUES ($1, 'CCS', 'Certified Coding Specialist', 'AHIMA', 20) RETURNING id`,
      [d.departmentId],
    );
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const get = async (path: string, token = d.tokens.admin) =>
    (await a.http().get(`/api/v1${path}`).set(bearer(token)).expect(200)).body;

  /** Two calls with nothing written: the second from the cache, the worker used once at most. */
  async function twiceComputedOnce(path: string, inWorker: boolean, token?: string) {
    const before = cache.counts();
    const completed = pool.counts().completed;
    const first = await get(path, token);
    const second = await get(path, token);
    expect(second).toEqual(first);
    expect({ path, computed: cache.counts().computed - before.computed }).toEqual({
      path,
      computed: 1,
    });
    expect(cache.counts().served - before.served).toBe(2);
    expect(pool.counts().completed - completed).toBe(inWorker ? 1 : 0);
    return first;
  }

  /** One call after a write elsewhere: computed again. */
  async function computedAgain(path: string, token?: string) {
    const before = cache.counts().computed;
    const body = await get(path, token);
    expect({ path, computed: cache.counts().computed - before }).toEqual({ path, computed: 1 });
    return body;
  }

  const paths = {
    deadlines: `/deadlines?asOf=${AS_OF}`,
    window: `/readiness/window?asOf=${AS_OF}&from=${AS_OF}&to=2027-06-30`,
    reassessments: `/reassessments-due?asOf=${AS_OF}&withinDays=60`,
    expirations: `/expirations?asOf=${AS_OF}&withinDays=120`,
    skills: `/skills-matrix?asOf=${AS_OF}`,
    ce: `/ce-status?asOf=${AS_OF}`,
  };

  it('serves each analysis from the cache until another process writes, then computes it again', async () => {
    const member = `/staff/${d.staffStaffId}/readiness?asOf=${AS_OF}`;
    const before = {
      deadlines: await twiceComputedOnce(paths.deadlines, true),
      window: await twiceComputedOnce(paths.window, true),
      reassessments: await twiceComputedOnce(paths.reassessments, true),
      expirations: await twiceComputedOnce(paths.expirations, true),
      member: await twiceComputedOnce(member, false),
    };
    await twiceComputedOnce(paths.skills, true);
    await twiceComputedOnce(paths.ce, true);
    expect(before.deadlines.deadlines).toEqual([]);
    expect(before.reassessments).toEqual([]);
    expect(before.expirations).toEqual([]);
    expect(before.member.readiness.ready).toBe(false);

    // an assessment through the second process's API: due for reassessment on 2026-12-01
    await b
      .http()
      .post(`/api/v1/staff/${d.staffStaffId}/assessments`)
      .set(bearer(d.tokens.admin))
      .send({ skillId, level: 3, assessedOn: '2025-12-01', source: 'manager' })
      .expect(201);
    const reassessments = await computedAgain(paths.reassessments);
    expect(reassessments.map((r: { staffId: string }) => r.staffId)).toEqual([d.staffStaffId]);
    expect((await computedAgain(member)).readiness.ready).toBe(true);
    const window = await computedAgain(paths.window);
    expect(window).not.toEqual(before.window);

    // a credential written by SQL through the second process's connection, expiring in January
    await b.dataSource.query(
      `INSERT INTO credential (department_id, staff_id, credential_type_id, number, issued_on, expires_on)
       VALUES ($1, $2, $3, 'CCS-1', '2024-01-15', '2027-01-15')`,
      [d.departmentId, d.otherStaffId, typeId],
    );
    const expirations = await computedAgain(paths.expirations);
    expect(expirations.map((e: { staffId: string }) => e.staffId)).toEqual([d.otherStaffId]);
    const deadlines = await computedAgain(paths.deadlines);
    expect(deadlines.deadlines.length).toBeGreaterThan(0);
    await computedAgain(paths.skills);
    await computedAgain(paths.ce);
    // unchanged since: from the cache again, as of the last write
    const computed = cache.counts().computed;
    expect(await get(paths.expirations)).toEqual(expirations);
    expect(cache.counts().computed).toBe(computed);
  });

  it('keeps staff to their own figures, cached apart from the department', async () => {
    const own = await get(`/reassessments-due?asOf=${AS_OF}&withinDays=60`, d.tokens.staff);
    expect(own.map((r: { staffId: string }) => r.staffId)).toEqual([d.staffStaffId]);
    const before = cache.counts().computed;
    await get(`/expirations?asOf=${AS_OF}&withinDays=120`, d.tokens.staff);
    const ownExpirations = await get(`/expirations?asOf=${AS_OF}&withinDays=120`, d.tokens.staff);
    expect(ownExpirations).toEqual([]);
    expect(cache.counts().computed - before).toBe(1);
    await a
      .http()
      .get(`/api/v1/staff/${d.otherStaffId}/readiness?asOf=${AS_OF}`)
      .set(bearer(d.tokens.staff))
      .expect(404);
    for (const path of [paths.window, paths.deadlines]) {
      await a.http().get(`/api/v1${path}`).set(bearer(d.tokens.staff)).expect(403);
    }
  });
});
