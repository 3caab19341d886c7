import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * Access, conflicts, paging and the validation of requirements, shared with the other catalog
 * APIs and with teams, are in catalog.int-spec.ts.
 */
describe('roles API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let icd: string;
  let ccs: string;
  let cpc: string;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(sql, params))[0].count);
  const rowCounts = () =>
    Promise.all(
      ['job_role', 'requirement', 'requirement_credential_type', 'audit_event'].map((table) =>
        count(`SELECT count(*) FROM ${table}`),
      ),
    );
  const skill = async (d: DepartmentFixture, name: string) =>
    (
      await t
        .http()
        .post('/api/v1/skills')
        .set(bearer(d.tokens.admin))
        .send({ name, category: 'technical' })
        .expect(201)
    ).body.id as string;
  const type = async (d: DepartmentFixture, code: string) =>
    (
      await t
        .http()
        .post('/api/v1/credential-types')
        .set(bearer(d.tokens.admin))
        .send({ code, name: code, issuingBody: 'AHIMA', baseCeus: 20, evidencesSkills: [] })
        .expect(201)
    ).body.id as string;
  const post = (body: object, token = dept.tokens.admin) =>
    t.http().post('/api/v1/roles').set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
    icd = await skill(dept, 'ICD-10-CM coding');
    ccs = await type(dept, 'CCS');
    cpc = await type(dept, 'CPC');
  });
  afterAll(() => t.close());

  it('creates, lists, reads, updates and deletes a role with its requirements, auditing each change', async () => {
    const requirements = [
      { kind: 'skill', skillId: icd, minLevel: 3 },
      { kind: 'credential', anyOf: [ccs, cpc] },
    ];
    const created = await post({
      name: ' Medical Coder (Inpatient) ',
      description: 'Codes inpatient stays',
      requirements,
    }).expect(201);
    const id = created.body.id;
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Medical Coder (Inpatient)',
      description: 'Codes inpatient stays',
      requirements,
      version: 1,
    });
    const rows = await t.dataSource.query(
      `SELECT position, kind, skill_id, min_level, min_holders, team_id FROM requirement WHERE role_id = $1 ORDER BY position`,
      [id],
    );
    expect(rows).toEqual([
      { position: 0, kind: 'skill', skill_id: icd, min_level: 3, min_holders: null, team_id: null },
      {
        position: 1,
        kind: 'credential',
        skill_id: null,
        min_level: null,
        min_holders: null,
        team_id: null,
      },
    ]);

    const list = await t.http().get('/api/v1/roles').set(bearer(dept.tokens.staff)).expect(200);
    expect(list.body.total).toBe(2); // the fixture's role and this one
    expect(list.body.items.find((r: { id: string }) => r.id === id)).toEqual(created.body);
    await t
      .http()
      .get(`/api/v1/roles/${id}`)
      .set(bearer(dept.tokens.manager))
      .expect(200, created.body);

    // requirements are replaced wholesale, in the order given
    const reordered = [
      { kind: 'credential', anyOf: [cpc] },
      { kind: 'skill', skillId: icd, minLevel: 4 },
    ];
    const updated = await t
      .http()
      .patch(`/api/v1/roles/${id}`)
      .set(bearer(dept.tokens.admin))
      .send({ version: 1, description: null, requirements: reordered, note: 'CPC only' })
      .expect(200);
    expect(updated.body).toEqual({
      ...created.body,
      description: null,
      requirements: reordered,
      version: 2,
    });
    expect(await count(`SELECT count(*) FROM requirement WHERE role_id = $1`, [id])).toBe(2);
    expect(
      await count(
        `SELECT count(*) FROM requirement_credential_type x JOIN requirement r ON r.id = x.requirement_id WHERE r.role_id = $1`,
        [id],
      ),
    ).toBe(1);

    // without requirements, a PATCH keeps them
    const renamed = await t
      .http()
      .patch(`/api/v1/roles/${id}`)
      .set(bearer(dept.tokens.admin))
      .send({ version: 2, name: 'Inpatient Coder' })
      .expect(200);
    expect(renamed.body.requirements).toEqual(reordered);

    const audit = await t
      .http()
      .get(`/api/v1/audit?entity=role&entityId=${id}`)
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
      note: 'CPC only',
      userEmail: dept.emails.admin,
    });

    await t
      .http()
      .delete(`/api/v1/roles/${id}?note=merged`)
      .set(bearer(dept.tokens.admin))
      .expect(204);
    await t.http().get(`/api/v1/roles/${id}`).set(bearer(dept.tokens.admin)).expect(404);
    expect(await count(`SELECT count(*) FROM requirement WHERE role_id = $1`, [id])).toBe(0);
    const [deleted] = await t.dataSource.query(
      `SELECT before, note FROM audit_event WHERE entity_id = $1 AND action = 'delete'`,
      [id],
    );
    expect(deleted).toEqual({ before: renamed.body, note: 'merged' });
  });

  it('refuses a role without requirements, a blank name or an unknown field, writing nothing', async () => {
    const before = await rowCounts();
    await post({ name: 'Missing requirements' }).expect(400);
    await post({ name: '   ', requirements: [] }).expect(400);
    await post({ name: 'Extra', requirements: [], colour: 'red' }).expect(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 409 on deleting a role staff hold', async () => {
    const held = await t
      .http()
      .delete(`/api/v1/roles/${dept.roleId}`)
      .set(bearer(dept.tokens.admin))
      .expect(409);
    expect(held.body.message[0]).toMatch(/held by 3 staff members/);
    await t.http().get(`/api/v1/roles/${dept.roleId}`).set(bearer(dept.tokens.admin)).expect(200);
  });
});
