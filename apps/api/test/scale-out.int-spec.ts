import type { ReadinessResponse, ReadinessSummaryResponse } from '@him/contracts';
import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * Two API processes over one database, as behind a load balancer: the first computes the rules
 * in a worker thread, the second in its event loop, and each caches answers by the department's
 * data version. Writes go through one or the other in turn; after every write both answer with
 * it at once, and a stale `version` is refused with 409 by either.
 */
describe('two API processes over one database', () => {
  let a: TestApp;
  let b: TestApp;
  let d: DepartmentFixture;
  let skillId: string;
  const AS_OF = '2026-11-24';

  beforeAll(async () => {
    a = await createTestApp({ env: { RULES_WORKERS: '1' } });
    b = await createTestApp({ databaseUrl: a.databaseUrl });
    d = await createDepartment(a);
    [{ id: skillId }] = await a.dataSource.query(
      `INSERT INTO skill (department_id, name, category) VALUES ($1, 'ICD-10-CM', 'technical') RETURNING id`,
      [d.departmentId],
    );
    await a.dataSource.query(
      `INSERT INTO requirement (department_id, role_id, position, kind, skill_id, min_level)
       VALUES ($1, $2, 0, 'skill', $3, 3)`,
      [d.departmentId, d.roleId, skillId],
    );
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const apps = () =>
    [
      ['first', a],
      ['second', b],
    ] as const;

  async function readyIds(app: TestApp, token = d.tokens.manager): Promise<string[]> {
    const res = await app
      .http()
      .get(`/api/v1/readiness?asOf=${AS_OF}`)
      .set(bearer(token))
      .expect(200);
    const body = res.body as ReadinessResponse;
    return body.members
      .filter((m) => m.ready)
      .map((m) => m.staffId)
      .sort();
  }

  async function summary(app: TestApp, query = ''): Promise<ReadinessSummaryResponse> {
    const res = await app
      .http()
      .get(`/api/v1/readiness?asOf=${AS_OF}&view=summary${query}`)
      .set(bearer(d.tokens.admin))
      .expect(200);
    return res.body;
  }

  async function expectBoth(expected: string[]): Promise<void> {
    for (const [name, app] of apps()) {
      expect({ name, ready: await readyIds(app) }).toEqual({ name, ready: [...expected].sort() });
      const s = await summary(app, '&members=ready&limit=500');
      expect({ name, ready: s.staffReady.ready }).toEqual({ name, ready: expected.length });
      expect(s.memberPage?.items.map((m) => m.staffId).sort()).toEqual([...expected].sort());
    }
  }

  const assess = (app: TestApp, staffId: string, level: number, assessedOn: string) =>
    app
      .http()
      .post(`/api/v1/staff/${staffId}/assessments`)
      .set(bearer(d.tokens.admin))
      .send({ skillId, level, assessedOn, source: 'manager' })
      .expect(201);

  it('shows every write through both processes at once, cached or not', async () => {
    // both compute and cache the department before any write
    await expectBoth([]);
    await expectBoth([]);

    await assess(a, d.staffStaffId, 3, '2026-11-01');
    await expectBoth([d.staffStaffId]);

    await assess(b, d.otherStaffId, 4, '2026-11-02');
    await expectBoth([d.staffStaffId, d.otherStaffId]);

    // a newer, lower assessment through the first process
    await assess(a, d.staffStaffId, 1, '2026-11-03');
    await expectBoth([d.otherStaffId]);

    // the member goes on leave through the second: no longer active, not counted (R1)
    const other = await b
      .http()
      .get(`/api/v1/staff/${d.otherStaffId}`)
      .set(bearer(d.tokens.admin))
      .expect(200);
    await b
      .http()
      .patch(`/api/v1/staff/${d.otherStaffId}`)
      .set(bearer(d.tokens.admin))
      .send({ status: 'leave', version: other.body.version })
      .expect(200);
    await expectBoth([]);
    for (const [, app] of apps()) expect((await summary(app)).onLeaveStaff).toBe(1);

    // a catalog change (the requirement's level) through SQL, as another tool would write it
    await a.dataSource.query(`UPDATE requirement SET min_level = 1 WHERE skill_id = $1`, [skillId]);
    await expectBoth([d.staffStaffId]);
  });

  it('answers from the cache while nothing changes, and again after a write', async () => {
    const first = await a
      .http()
      .get(`/api/v1/readiness?asOf=${AS_OF}`)
      .set(bearer(d.tokens.admin))
      .expect(200);
    const again = await a
      .http()
      .get(`/api/v1/readiness?asOf=${AS_OF}`)
      .set(bearer(d.tokens.admin))
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(again.text).toBe('');
    await assess(b, d.managerStaffId, 4, '2026-11-05');
    const after = await a
      .http()
      .get(`/api/v1/readiness?asOf=${AS_OF}`)
      .set(bearer(d.tokens.admin))
      .set('If-None-Match', first.headers.etag)
      .expect(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(
      (after.body as ReadinessResponse).members.find((m) => m.staffId === d.managerStaffId)?.ready,
    ).toBe(true);
  });

  it('keeps staff to their own rows through either process, with the department cached', async () => {
    for (const [, app] of apps()) {
      const all = await app
        .http()
        .get(`/api/v1/skills-matrix?asOf=${AS_OF}`)
        .set(bearer(d.tokens.manager))
        .expect(200);
      expect(all.body.rows).toHaveLength(3);
      const own = await app
        .http()
        .get(`/api/v1/skills-matrix?asOf=${AS_OF}`)
        .set(bearer(d.tokens.staff))
        .expect(200);
      expect(own.body.rows.map((row: { staffId: string }) => row.staffId)).toEqual([
        d.staffStaffId,
      ]);
    }
  });

  it('refuses a stale version with 409 on either process', async () => {
    const read = await a
      .http()
      .get(`/api/v1/staff/${d.staffStaffId}`)
      .set(bearer(d.tokens.admin))
      .expect(200);
    const version = read.body.version as number;
    await b
      .http()
      .patch(`/api/v1/staff/${d.staffStaffId}`)
      .set(bearer(d.tokens.admin))
      .send({ name: 'Sam Staff-Jones', version })
      .expect(200);
    await a
      .http()
      .patch(`/api/v1/staff/${d.staffStaffId}`)
      .set(bearer(d.tokens.admin))
      .send({ name: 'Sam Stale', version })
      .expect(409);
    const fresh = await a
      .http()
      .get(`/api/v1/staff/${d.staffStaffId}`)
      .set(bearer(d.tokens.admin))
      .expect(200);
    await a
      .http()
      .patch(`/api/v1/staff/${d.staffStaffId}`)
      .set(bearer(d.tokens.admin))
      .send({ name: 'Sam Jones', version: fresh.body.version })
      .expect(200);
    await b
      .http()
      .patch(`/api/v1/staff/${d.staffStaffId}`)
      .set(bearer(d.tokens.admin))
      .send({ name: 'Sam Stale', version: fresh.body.version })
      .expect(409);
    // the name changed through the second process shows in the first's readiness at once
    const res = await a
      .http()
      .get(`/api/v1/readiness?asOf=${AS_OF}`)
      .set(bearer(d.tokens.admin))
      .expect(200);
    expect(
      (res.body as ReadinessResponse).members.find((m) => m.staffId === d.staffStaffId)?.name,
    ).toBe('Sam Jones');
  });
});
