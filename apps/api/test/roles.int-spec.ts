import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

describe('roles API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let icd: string;
  let ccs: string;
  let cpc: string;
  let foreignSkill: string;
  let foreignType: string;

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
    other = await createDepartment(t, 'b');
    icd = await skill(dept, 'ICD-10-CM coding');
    ccs = await type(dept, 'CCS');
    cpc = await type(dept, 'CPC');
    foreignSkill = await skill(other, 'ICD-10-CM coding');
    foreignType = await type(other, 'CCS');
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

  it('validates the requirement union and names the path, writing nothing', async () => {
    const before = await rowCounts();
    const res = await post({
      name: 'Bad',
      requirements: [
        { kind: 'skill', skillId: icd, minLevel: 5 },
        { kind: 'skill', skillId: icd, minLevel: 2, anyOf: [ccs] },
        { kind: 'credential', anyOf: [ccs], skillId: icd },
        { kind: 'credential', anyOf: [] },
        { kind: 'credential', anyOf: [ccs, ccs] },
        { kind: 'magic' },
        { skillId: icd, minLevel: 1 },
        null,
      ],
    }).expect(400);
    const text = res.body.message.join('\n');
    expect(text).toContain('requirements.0.minLevel');
    expect(text).toContain('requirements.1.anyOf');
    expect(text).toContain('requirements.2.skillId');
    expect(text).toContain('requirements.3.anyOf');
    expect(text).toContain('requirements.4.anyOf');
    expect(text).toContain('requirements.5.kind must be one of: skill, credential');
    expect(text).toContain('requirements.6.kind');
    expect(text).toContain('requirements.7');
    expect(text).not.toContain('requirements.5.skillId');

    await post({ name: 'Missing requirements' }).expect(400);
    await post({ name: '   ', requirements: [] }).expect(400);
    await post({ name: 'Extra', requirements: [], colour: 'red' }).expect(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses references outside the department and repeated requirements with 400 naming the path', async () => {
    const before = await rowCounts();
    const res = await post({
      name: 'Foreign',
      requirements: [
        { kind: 'skill', skillId: foreignSkill, minLevel: 1 },
        { kind: 'credential', anyOf: [ccs, foreignType] },
        { kind: 'skill', skillId: icd, minLevel: 2 },
        { kind: 'credential', anyOf: [cpc, ccs] },
        { kind: 'credential', anyOf: [ccs, cpc] },
      ],
    }).expect(400);
    expect(res.body.message).toEqual([
      'requirements.4: the same requirement as requirements.3',
      'requirements.0.skillId: no skill with this id in the department',
      'requirements.1.anyOf.1: no credential type with this id in the department',
    ]);
    expect(await rowCounts()).toEqual(before);

    // a PATCH with a bad reference changes nothing, not even the name
    const role = await post({
      name: 'Coder II',
      requirements: [{ kind: 'skill', skillId: icd, minLevel: 2 }],
    }).expect(201);
    const afterCreate = await rowCounts();
    const patch = await t
      .http()
      .patch(`/api/v1/roles/${role.body.id}`)
      .set(bearer(dept.tokens.admin))
      .send({
        version: 1,
        name: 'Coder III',
        requirements: [{ kind: 'credential', anyOf: [foreignType] }],
      })
      .expect(400);
    expect(patch.body.message).toEqual([
      'requirements.0.anyOf.0: no credential type with this id in the department',
    ]);
    await t
      .http()
      .patch(`/api/v1/roles/${role.body.id}`)
      .set(bearer(dept.tokens.admin))
      .send({ version: 1, requirements: null })
      .expect(400);
    expect(await rowCounts()).toEqual(afterCreate);
    await t
      .http()
      .get(`/api/v1/roles/${role.body.id}`)
      .set(bearer(dept.tokens.admin))
      .expect(200, role.body);
  });

  it('answers 409 on a duplicate name, a stale version and deleting a role staff hold', async () => {
    const a = await post({ name: 'Release of Information Specialist', requirements: [] }).expect(
      201,
    );
    const dup = await post({ name: 'release of information specialist', requirements: [] }).expect(
      409,
    );
    expect(dup.body.message).toEqual(['name: a role with this name already exists']);
    await post(
      { name: 'Release of Information Specialist', requirements: [] },
      other.tokens.admin,
    ).expect(201);

    await t
      .http()
      .patch(`/api/v1/roles/${a.body.id}`)
      .set(bearer(dept.tokens.admin))
      .send({ version: 1, description: 'ROI' })
      .expect(200);
    const stale = await t
      .http()
      .patch(`/api/v1/roles/${a.body.id}`)
      .set(bearer(dept.tokens.admin))
      .send({ version: 1, description: 'x' })
      .expect(409);
    expect(stale.body.message[0]).toMatch(/version/);

    const held = await t
      .http()
      .delete(`/api/v1/roles/${dept.roleId}`)
      .set(bearer(dept.tokens.admin))
      .expect(409);
    expect(held.body.message[0]).toMatch(/held by 3 staff members/);
    await t.http().get(`/api/v1/roles/${dept.roleId}`).set(bearer(dept.tokens.admin)).expect(200);
  });

  it('answers 401 without a token, 403 to managers and staff writing, 404 across departments', async () => {
    await t.http().get('/api/v1/roles').expect(401);
    const mine = await post({ name: 'Cancer Registrar', requirements: [] }).expect(201);
    for (const role of ['manager', 'staff'] as const) {
      await t
        .http()
        .get(`/api/v1/roles/${mine.body.id}`)
        .set(bearer(dept.tokens[role]))
        .expect(200);
      await post({ name: 'X', requirements: [] }, dept.tokens[role]).expect(403);
      await t
        .http()
        .patch(`/api/v1/roles/${mine.body.id}`)
        .set(bearer(dept.tokens[role]))
        .send({ version: 1, name: 'X' })
        .expect(403);
      await t
        .http()
        .delete(`/api/v1/roles/${mine.body.id}`)
        .set(bearer(dept.tokens[role]))
        .expect(403);
    }
    await t.http().get(`/api/v1/roles/${mine.body.id}`).set(bearer(other.tokens.admin)).expect(404);
    await t
      .http()
      .patch(`/api/v1/roles/${mine.body.id}`)
      .set(bearer(other.tokens.admin))
      .send({ version: 1, name: 'Y' })
      .expect(404);
    await t
      .http()
      .delete(`/api/v1/roles/${mine.body.id}`)
      .set(bearer(other.tokens.admin))
      .expect(404);
    await t.http().get('/api/v1/roles/nope').set(bearer(dept.tokens.admin)).expect(400);
    const page = await t
      .http()
      .get('/api/v1/roles?limit=1&offset=1')
      .set(bearer(dept.tokens.admin))
      .expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(2);
  });
});
