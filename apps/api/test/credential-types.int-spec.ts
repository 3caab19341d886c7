import { caller, type DepartmentFixture } from './fixtures';
import { countOf, createSkill, openCatalogTest, tableCounts } from './support/catalog';
import type { TestApp } from './test-app';

/**
 * Access, conflicts, paging and a type's creation to deletion, shared by the catalog APIs, are in
 * catalog.int-spec.ts.
 */
describe('credential types API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let icd: string;
  let cpt: string;
  let foreignSkill: string;

  const rowCounts = () =>
    tableCounts(t, ['credential_type', 'credential_type_skill', 'audit_event']);
  const ccs = (overrides: Record<string, unknown> = {}) => ({
    code: 'CCS',
    name: 'Certified Coding Specialist',
    issuingBody: 'AHIMA',
    baseCeus: 20,
    evidencesSkills: [
      { skillId: icd, level: 3 },
      { skillId: cpt, level: 2 },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    ({ t, dept, other } = await openCatalogTest());
    icd = await createSkill(t, dept, 'ICD-10-CM coding');
    cpt = await createSkill(t, dept, 'CPT coding');
    foreignSkill = await createSkill(t, other, 'ICD-10-CM coding');
  });
  afterAll(() => t.close());

  it('rejects bad input with 400 naming the field and writes nothing', async () => {
    const before = await rowCounts();
    const bad = await caller(t, dept.tokens.admin)
      .post('/api/v1/credential-types', {
        code: '  ',
        name: 5,
        baseCeus: -1.234,
        evidencesSkills: [{ skillId: 'x', level: 5, extra: true }],
        colour: 'red',
      })
      .expect(400);
    const text = bad.body.message.join('\n');
    for (const field of [
      'code',
      'name',
      'issuingBody',
      'baseCeus',
      'evidencesSkills.0.skillId',
      'evidencesSkills.0.level',
      'evidencesSkills.0.extra',
      'colour',
    ]) {
      expect(text).toContain(field);
    }

    const foreign = await caller(t, dept.tokens.admin)
      .post(
        '/api/v1/credential-types',
        ccs({ evidencesSkills: [{ skillId: foreignSkill, level: 3 }] }),
      )
      .expect(400);
    expect(foreign.body.message).toEqual([
      'evidencesSkills.0.skillId: no skill with this id in the department',
    ]);

    const duplicate = await caller(t, dept.tokens.admin)
      .post(
        '/api/v1/credential-types',
        ccs({
          evidencesSkills: [
            { skillId: icd, level: 3 },
            { skillId: icd, level: 1 },
          ],
        }),
      )
      .expect(400);
    expect(duplicate.body.message.join('\n')).toMatch(
      /evidencesSkills must not name a skill twice/,
    );

    await caller(t, dept.tokens.admin)
      .post('/api/v1/credential-types', ccs({ evidencesSkills: [null] }))
      .expect(400);
    await caller(t, dept.tokens.admin)
      .post('/api/v1/credential-types', ccs({ baseCeus: 10000 }))
      .expect(400);
    expect(await rowCounts()).toEqual(before);

    // a PATCH with bad references or a null for a required field writes nothing either
    const ok = await caller(t, dept.tokens.admin)
      .post('/api/v1/credential-types', ccs({ code: 'RHIT' }))
      .expect(201);
    const afterCreate = await rowCounts();
    const patch = await caller(t, dept.tokens.admin)
      .patch(`/api/v1/credential-types/${ok.body.id}`, {
        version: 1,
        name: 'Renamed',
        evidencesSkills: [
          { skillId: icd, level: 1 },
          { skillId: foreignSkill, level: 1 },
        ],
      })
      .expect(400);
    expect(patch.body.message).toEqual([
      'evidencesSkills.1.skillId: no skill with this id in the department',
    ]);
    const nulls = await caller(t, dept.tokens.admin)
      .patch(`/api/v1/credential-types/${ok.body.id}`, {
        version: 1,
        name: null,
        evidencesSkills: null,
      })
      .expect(400);
    expect(nulls.body.message.join('\n')).toMatch(/name/);
    expect(nulls.body.message.join('\n')).toMatch(/evidencesSkills/);
    await caller(t, dept.tokens.admin)
      .patch(`/api/v1/credential-types/${ok.body.id}`, { name: 'No version' })
      .expect(400);
    expect(await rowCounts()).toEqual(afterCreate);
    await caller(t, dept.tokens.admin)
      .get(`/api/v1/credential-types/${ok.body.id}`)
      .expect(200, ok.body);
  });

  it('refuses to delete a credential type used by a credential, a role requirement or a coverage target', async () => {
    const create = async (code: string) =>
      (
        await caller(t, dept.tokens.admin)
          .post('/api/v1/credential-types', ccs({ code }))
          .expect(201)
      ).body.id as string;
    const held = await create('CPC');
    await t.dataSource.query(
      `INSERT INTO credential (department_id, staff_id, credential_type_id, issued_on, expires_on) VALUES ($1, $2, $3, '2025-01-01', '2026-12-31')`,
      [dept.departmentId, dept.staffStaffId, held],
    );
    const res = await caller(t, dept.tokens.admin)
      .delete(`/api/v1/credential-types/${held}`)
      .expect(409);
    expect(res.body.message[0]).toMatch(/1 credential/);

    const required = await create('RHIA');
    await caller(t, dept.tokens.admin)
      .patch(`/api/v1/roles/${dept.roleId}`, {
        version: 1,
        requirements: [{ kind: 'credential', anyOf: [required] }],
      })
      .expect(200);
    expect(
      (
        await caller(t, dept.tokens.admin)
          .delete(`/api/v1/credential-types/${required}`)
          .expect(409)
      ).body.message[0],
    ).toMatch(/1 role requirement/);

    const targeted = await create('CTR');
    await caller(t, dept.tokens.admin)
      .patch(`/api/v1/teams/${dept.teamId}`, {
        version: 1,
        coverageTargets: [
          { requirement: { kind: 'credential', anyOf: [targeted] }, minHolders: 1 },
        ],
      })
      .expect(200);
    expect(
      (
        await caller(t, dept.tokens.admin)
          .delete(`/api/v1/credential-types/${targeted}`)
          .expect(409)
      ).body.message[0],
    ).toMatch(/1 coverage target/);

    expect(
      await countOf(t, `SELECT count(*) FROM credential_type WHERE id = ANY($1::uuid[])`, [
        [held, required, targeted],
      ]),
    ).toBe(3);
  });

  it('pages the list and documents the endpoints', async () => {
    const page = await caller(t, dept.tokens.admin)
      .get('/api/v1/credential-types?limit=2&offset=1')
      .expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(3);
    await caller(t, dept.tokens.admin).get('/api/v1/credential-types?limit=501').expect(400);
    const docs = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths['/api/v1/credential-types/{id}'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    expect(docs.body.components.schemas.CreateCredentialTypeDto.required).toEqual(
      expect.arrayContaining(['code', 'name', 'issuingBody', 'baseCeus', 'evidencesSkills']),
    );
  });
});
