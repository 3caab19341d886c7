import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * Access, conflicts, paging and the validation of coverage targets' requirements, shared with
 * the other catalog APIs and with roles, are in catalog.int-spec.ts.
 */
describe('teams API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let icd: string;
  let ccs: string;
  let cpc: string;
  let foreignSkill: string;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(sql, params))[0].count);
  const rowCounts = () =>
    Promise.all(
      ['team', 'team_manager', 'requirement', 'requirement_credential_type', 'audit_event'].map(
        (table) => count(`SELECT count(*) FROM ${table}`),
      ),
    );
  const post = (body: object, token = dept.tokens.admin) =>
    t.http().post('/api/v1/teams').set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
    other = await createDepartment(t, 'b');
    const skill = async (d: DepartmentFixture, name: string) =>
      (
        await t
          .http()
          .post('/api/v1/skills')
          .set(bearer(d.tokens.admin))
          .send({ name, category: 'technical' })
          .expect(201)
      ).body.id as string;
    const type = async (code: string) =>
      (
        await t
          .http()
          .post('/api/v1/credential-types')
          .set(bearer(dept.tokens.admin))
          .send({ code, name: code, issuingBody: 'AHIMA', baseCeus: 20, evidencesSkills: [] })
          .expect(201)
      ).body.id as string;
    icd = await skill(dept, 'ICD-10-CM coding');
    foreignSkill = await skill(other, 'ICD-10-CM coding');
    ccs = await type('CCS');
    cpc = await type('CPC');
  });
  afterAll(() => t.close());

  it('creates, lists, reads, updates and deletes a team with managers and coverage targets, auditing each change', async () => {
    const coverageTargets = [
      { requirement: { kind: 'credential', anyOf: [ccs, cpc] }, minHolders: 2 },
      { requirement: { kind: 'skill', skillId: icd, minLevel: 2 }, minHolders: 3 },
      { requirement: { kind: 'skill', skillId: icd, minLevel: 4 }, minHolders: 1 },
    ];
    const created = await post({
      name: 'Inpatient Coding',
      managerStaffIds: [dept.managerStaffId, dept.otherStaffId],
      coverageTargets,
    }).expect(201);
    const id = created.body.id;
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Inpatient Coding',
      // managers are given by name: Maria Manager, Olga Other
      managerStaffIds: [dept.managerStaffId, dept.otherStaffId],
      coverageTargets,
      version: 1,
    });
    const rows = await t.dataSource.query(
      `SELECT position, min_holders, role_id FROM requirement WHERE team_id = $1 ORDER BY position`,
      [id],
    );
    expect(rows).toEqual([
      { position: 0, min_holders: 2, role_id: null },
      { position: 1, min_holders: 3, role_id: null },
      { position: 2, min_holders: 1, role_id: null },
    ]);

    const list = await t.http().get('/api/v1/teams').set(bearer(dept.tokens.staff)).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.find((x: { id: string }) => x.id === id)).toEqual(created.body);
    await t
      .http()
      .get(`/api/v1/teams/${id}`)
      .set(bearer(dept.tokens.manager))
      .expect(200, created.body);

    const updated = await t
      .http()
      .patch(`/api/v1/teams/${id}`)
      .set(bearer(dept.tokens.admin))
      .send({
        version: 1,
        managerStaffIds: [dept.otherStaffId],
        coverageTargets: [coverageTargets[1]],
        note: 'new lead',
      })
      .expect(200);
    expect(updated.body).toEqual({
      ...created.body,
      managerStaffIds: [dept.otherStaffId],
      coverageTargets: [coverageTargets[1]],
      version: 2,
    });
    expect(await count(`SELECT count(*) FROM requirement WHERE team_id = $1`, [id])).toBe(1);
    expect(await count(`SELECT count(*) FROM team_manager WHERE team_id = $1`, [id])).toBe(1);

    // fields left out are kept
    const renamed = await t
      .http()
      .patch(`/api/v1/teams/${id}`)
      .set(bearer(dept.tokens.admin))
      .send({ version: 2, name: 'IP Coding' })
      .expect(200);
    expect(renamed.body).toEqual({ ...updated.body, name: 'IP Coding', version: 3 });

    const audit = await t
      .http()
      .get(`/api/v1/audit?entity=team&entityId=${id}`)
      .set(bearer(dept.tokens.admin))
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'update',
      'update',
      'create',
    ]);
    expect(audit.body.items[1]).toMatchObject({
      before: created.body,
      after: updated.body,
      note: 'new lead',
    });

    await t.http().delete(`/api/v1/teams/${id}`).set(bearer(dept.tokens.admin)).expect(204);
    await t.http().get(`/api/v1/teams/${id}`).set(bearer(dept.tokens.admin)).expect(404);
    expect(await count(`SELECT count(*) FROM requirement WHERE team_id = $1`, [id])).toBe(0);
    expect(await count(`SELECT count(*) FROM team_manager WHERE team_id = $1`, [id])).toBe(0);
    expect(
      await count(`SELECT count(*) FROM audit_event WHERE entity_id = $1 AND action = 'delete'`, [
        id,
      ]),
    ).toBe(1);
  });

  it('rejects bad managers and targets with 400 naming the path, writing nothing', async () => {
    const before = await rowCounts();
    const shape = await post({
      name: 'Bad',
      managerStaffIds: ['not-a-uuid'],
      coverageTargets: [
        { requirement: { kind: 'skill', skillId: icd, minLevel: 2 }, minHolders: 0 },
        { minHolders: 1 },
      ],
    }).expect(400);
    const text = shape.body.message.join('\n');
    expect(text).toContain('managerStaffIds');
    expect(text).toContain('coverageTargets.0.minHolders');
    expect(text).toContain('coverageTargets.1.requirement');

    // managers first, then repeated targets, then the targets' references
    const refs = await post({
      name: 'Foreign',
      managerStaffIds: [dept.managerStaffId, other.managerStaffId],
      coverageTargets: [
        { requirement: { kind: 'skill', skillId: foreignSkill, minLevel: 2 }, minHolders: 1 },
        { requirement: { kind: 'credential', anyOf: [cpc, ccs] }, minHolders: 1 },
        { requirement: { kind: 'credential', anyOf: [ccs, cpc] }, minHolders: 2 },
      ],
    }).expect(400);
    expect(refs.body.message).toEqual([
      'managerStaffIds.1: no staff member with this id in the department',
      'coverageTargets.2.requirement: the same requirement as coverageTargets.1.requirement',
      'coverageTargets.0.requirement.skillId: no skill with this id in the department',
    ]);
    await post({
      name: 'Dup managers',
      managerStaffIds: [dept.managerStaffId, dept.managerStaffId],
      coverageTargets: [],
    }).expect(400);
    expect(await rowCounts()).toEqual(before);

    const patch = await t
      .http()
      .patch(`/api/v1/teams/${dept.teamId}`)
      .set(bearer(dept.tokens.admin))
      .send({ version: 1, name: 'Renamed', managerStaffIds: [other.staffStaffId] })
      .expect(400);
    expect(patch.body.message).toEqual([
      'managerStaffIds.0: no staff member with this id in the department',
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('creates a team without managers, and answers 409 on deleting a team with staff', async () => {
    const a = await post({ name: 'Cancer Registry', coverageTargets: [] }).expect(201);
    expect(a.body.managerStaffIds).toEqual([]);
    const inUse = await t
      .http()
      .delete(`/api/v1/teams/${dept.teamId}`)
      .set(bearer(dept.tokens.admin))
      .expect(409);
    expect(inUse.body.message[0]).toMatch(/3 staff members/);
    await t.http().get(`/api/v1/teams/${dept.teamId}`).set(bearer(dept.tokens.admin)).expect(200);
  });
});
