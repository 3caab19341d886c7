import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * What the five catalog APIs (skills, credential types, CE rules, roles, teams) share, one table
 * row per API: who may read and write, conflicts, paging; and, for roles and teams, the
 * requirements they hold. What only one API does stays in its own file (`skills.int-spec.ts` ...).
 */

let t: TestApp;
let dept: DepartmentFixture;
let other: DepartmentFixture;
/** ids in `dept` (icd, ccs, cpc) and in `other` (foreignSkill, foreignType) */
const ids = { icd: '', ccs: '', cpc: '', foreignSkill: '', foreignType: '' };

const count = async (table: string) =>
  Number((await t.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);
const rowCounts = (tables: string[]) => Promise.all([...tables, 'audit_event'].map(count));
const post = (path: string, body: object, token = dept.tokens.admin) =>
  t.http().post(path).set(bearer(token)).send(body);
const patch = (path: string, body: object, token = dept.tokens.admin) =>
  t.http().patch(path).set(bearer(token)).send(body);

type Row = { id: string } & Record<string, unknown>;

interface CatalogApi {
  label: string;
  path: string;
  /** a valid new record whose name (code, issuing body) is `name` */
  create: (name: string) => object;
  /** the field that names a record, unique in the department in any letter case */
  nameField: string;
  /** the path segment a record answers at: its id, or a CE rule's issuing body */
  key: (row: Row) => string;
  /** a PATCH (without version) that changes the record, and a second one */
  changes: [object, object];
  /** a path segment that is not a key at all (400), where there is one */
  malformedKey: string | null;
  names: {
    access: string;
    first: string;
    firstOtherCase: string;
    second: string;
    /** what `second` is renamed to: `first` in another letter case */
    renameOnto: string;
  };
  duplicate: string;
}

const ceRule = (issuingBody: string) => ({
  issuingBody,
  cycleMonths: 24,
  extraPerAdditional: 4,
  cap: 52,
  minimums: [],
});

const CATALOG_APIS: CatalogApi[] = [
  {
    label: 'skills',
    path: '/api/v1/skills',
    create: (name) => ({ name, category: 'technical' }),
    nameField: 'name',
    key: (row) => row.id,
    changes: [{ category: 'regulatory' }, { category: 'soft' }],
    malformedKey: 'not-a-uuid',
    names: {
      access: 'Ethics',
      first: 'HCPCS',
      firstOtherCase: 'hcpcs',
      second: 'CPT',
      renameOnto: 'Hcpcs',
    },
    duplicate: 'name: a skill with this name already exists',
  },
  {
    label: 'credential types',
    path: '/api/v1/credential-types',
    create: (code) => ({
      code,
      name: 'Certified Coding Specialist',
      issuingBody: 'AHIMA',
      baseCeus: 20,
      evidencesSkills: [],
    }),
    nameField: 'code',
    key: (row) => row.id,
    changes: [{ baseCeus: 30 }, { baseCeus: 35 }],
    malformedKey: 'not-a-uuid',
    names: {
      access: 'CCA',
      first: 'CDIP',
      firstOtherCase: 'cdip',
      second: 'CHDA',
      renameOnto: 'Cdip',
    },
    duplicate: 'code: a credential type with this code already exists',
  },
  {
    label: 'CE rules',
    path: '/api/v1/ce-rules',
    create: ceRule,
    nameField: 'issuingBody',
    // read and written by its issuing body in any letter case
    key: (row) => String(row['issuingBody']).toLowerCase(),
    changes: [{ cap: 60 }, { cap: 70 }],
    malformedKey: null,
    names: {
      access: 'CDIP-Body',
      first: 'AAPC',
      firstOtherCase: 'aapc',
      second: 'ACDIS',
      renameOnto: 'Aapc',
    },
    duplicate: 'issuingBody: a CE rule for this issuing body already exists',
  },
  {
    label: 'roles',
    path: '/api/v1/roles',
    create: (name) => ({ name, requirements: [] }),
    nameField: 'name',
    key: (row) => row.id,
    changes: [{ description: 'ROI' }, { description: 'x' }],
    malformedKey: 'nope',
    names: {
      access: 'Cancer Registrar',
      first: 'Release of Information Specialist',
      firstOtherCase: 'release of information specialist',
      second: 'Privacy Officer',
      renameOnto: 'Release Of Information Specialist',
    },
    duplicate: 'name: a role with this name already exists',
  },
  {
    label: 'teams',
    path: '/api/v1/teams',
    create: (name) => ({ name, coverageTargets: [] }),
    nameField: 'name',
    key: (row) => row.id,
    changes: [{ name: 'Registry' }, { name: 'Tumor Registry' }],
    malformedKey: '123',
    names: {
      access: 'CDI',
      first: 'Cancer Registry',
      firstOtherCase: 'CANCER REGISTRY',
      second: 'Release of Information',
      renameOnto: 'Cancer registry',
    },
    duplicate: 'name: a team with this name already exists',
  },
];

beforeAll(async () => {
  t = await createTestApp();
  dept = await createDepartment(t, 'a');
  other = await createDepartment(t, 'b');
  const skill = async (d: DepartmentFixture, name: string) =>
    (await post('/api/v1/skills', { name, category: 'technical' }, d.tokens.admin).expect(201)).body
      .id as string;
  const type = async (d: DepartmentFixture, code: string) =>
    (
      await post(
        '/api/v1/credential-types',
        { code, name: code, issuingBody: 'AHIMA', baseCeus: 20, evidencesSkills: [] },
        d.tokens.admin,
      ).expect(201)
    ).body.id as string;
  ids.icd = await skill(dept, 'ICD-10-CM coding');
  ids.ccs = await type(dept, 'CCS');
  ids.cpc = await type(dept, 'CPC');
  ids.foreignSkill = await skill(other, 'ICD-10-CM coding');
  ids.foreignType = await type(other, 'CCS');
});
afterAll(() => t.close());

describe.each(CATALOG_APIS)('$label API', (api) => {
  const at = (row: Row) => `${api.path}/${encodeURIComponent(api.key(row))}`;

  it('answers 401 without a token, 403 to managers and staff writing, 404 across departments', async () => {
    await t.http().get(api.path).expect(401);
    await t.http().get(api.path).set('Authorization', 'Bearer nonsense').expect(401);
    const mine = (await post(api.path, api.create(api.names.access)).expect(201)).body as Row;
    for (const role of ['manager', 'staff'] as const) {
      await t.http().get(at(mine)).set(bearer(dept.tokens[role])).expect(200);
      await post(api.path, api.create('X'), dept.tokens[role]).expect(403);
      await patch(at(mine), { version: 1, ...api.changes[0] }, dept.tokens[role]).expect(403);
      await t.http().delete(at(mine)).set(bearer(dept.tokens[role])).expect(403);
    }
    await t.http().get(at(mine)).set(bearer(other.tokens.admin)).expect(404);
    await t.http().get(at(mine)).set(bearer(other.tokens.manager)).expect(404);
    await patch(at(mine), { version: 1, ...api.changes[0] }, other.tokens.admin).expect(404);
    await t.http().delete(at(mine)).set(bearer(other.tokens.admin)).expect(404);
    const theirs = await t.http().get(api.path).set(bearer(other.tokens.admin)).expect(200);
    expect(theirs.body.items.map((row: Row) => row.id)).not.toContain(mine.id);
    await t.http().get(at(mine)).set(bearer(dept.tokens.admin)).expect(200, mine);

    if (api.malformedKey)
      await t
        .http()
        .get(`${api.path}/${api.malformedKey}`)
        .set(bearer(dept.tokens.admin))
        .expect(400);
    const nulled = await patch(at(mine), { version: 1, [api.nameField]: null }).expect(400);
    expect(nulled.body.message.join(' ')).toMatch(new RegExp(api.nameField));
  });

  it('answers 409 on a duplicate name (any letter case), a rename onto another and a stale version', async () => {
    const first = (await post(api.path, api.create(api.names.first)).expect(201)).body as Row;
    const dup = await post(api.path, api.create(api.names.firstOtherCase)).expect(409);
    expect(dup.body.message).toEqual([api.duplicate]);
    // the same name in another department is fine
    await post(api.path, api.create(api.names.first), other.tokens.admin).expect(201);

    const second = (await post(api.path, api.create(api.names.second)).expect(201)).body as Row;
    const renamed = await patch(at(second), {
      version: 1,
      [api.nameField]: api.names.renameOnto,
    }).expect(409);
    expect(renamed.body.message).toEqual([api.duplicate]);

    await patch(at(first), { version: 1, ...api.changes[0] }).expect(200);
    const stale = await patch(at(first), { version: 1, ...api.changes[1] }).expect(409);
    expect(stale.body.message[0]).toMatch(/version/);
  });

  it('pages the list', async () => {
    const one = await t.http().get(`${api.path}?limit=1&offset=1`).set(bearer(dept.tokens.admin));
    expect(one.status).toBe(200);
    expect(one.body.items).toHaveLength(1);
    expect(one.body.total).toBeGreaterThan(2);
    const two = await t
      .http()
      .get(`${api.path}?limit=2&offset=1`)
      .set(bearer(dept.tokens.admin))
      .expect(200);
    expect(two.body.items).toHaveLength(2);
    expect(two.body.total).toBe(one.body.total);
    await t.http().get(`${api.path}?limit=501`).set(bearer(dept.tokens.admin)).expect(400);
  });
});

// ---------- requirements: a role's, and a team's coverage targets ----------

interface RequirementOwner {
  label: string;
  path: string;
  tables: string[];
  /** a valid body holding `requirements` */
  body: (name: string, requirements: unknown[]) => object;
  /** the body field holding them, for a PATCH */
  field: string;
  /** the path of requirement `i` in messages */
  at: (i: number) => string;
}

const REQUIREMENT_OWNERS: RequirementOwner[] = [
  {
    label: 'role',
    path: '/api/v1/roles',
    tables: ['job_role', 'requirement', 'requirement_credential_type'],
    body: (name, requirements) => ({ name, requirements }),
    field: 'requirements',
    at: (i) => `requirements.${i}`,
  },
  {
    label: 'team',
    path: '/api/v1/teams',
    tables: ['team', 'team_manager', 'requirement', 'requirement_credential_type'],
    // minHolders differ: a target is the same requirement whatever its number of holders
    body: (name, requirements) => ({
      name,
      coverageTargets: requirements.map((requirement, i) => ({ requirement, minHolders: i + 1 })),
    }),
    field: 'coverageTargets',
    at: (i) => `coverageTargets.${i}.requirement`,
  },
];

describe.each(REQUIREMENT_OWNERS)('the requirements of a $label', (owner) => {
  it('validates the requirement union and names the path, writing nothing', async () => {
    const before = await rowCounts(owner.tables);
    const { icd, ccs } = ids;
    const cases: [unknown, string, string?][] = [
      [{ kind: 'skill', skillId: icd, minLevel: 5 }, 'minLevel'],
      [{ kind: 'skill', skillId: icd, minLevel: 2, anyOf: [ccs] }, 'anyOf'],
      [{ kind: 'credential', anyOf: [ccs], skillId: icd }, 'skillId'],
      [{ kind: 'credential', anyOf: [ccs], minLevel: 2 }, 'minLevel'],
      [{ kind: 'credential', anyOf: [] }, 'anyOf'],
      [{ kind: 'credential', anyOf: [ccs, ccs] }, 'anyOf'],
      [{ kind: 'magic' }, 'kind must be one of: skill, credential', 'skillId'],
      [{ kind: 'team-spirit' }, 'kind'],
      [{ skillId: icd, minLevel: 1 }, 'kind'],
      [null, ''],
    ];
    const res = await post(
      owner.path,
      owner.body(
        'Bad',
        cases.map(([requirement]) => requirement),
      ),
    ).expect(400);
    const text = res.body.message.join('\n');
    cases.forEach(([, named, notNamed], i) => {
      expect(text).toContain(named ? `${owner.at(i)}.${named}` : owner.at(i));
      if (notNamed) expect(text).not.toContain(`${owner.at(i)}.${notNamed}`);
    });
    expect(await rowCounts(owner.tables)).toEqual(before);
  });

  it('refuses references outside the department and repeated requirements with 400 naming the path', async () => {
    const before = await rowCounts(owner.tables);
    const { icd, ccs, cpc, foreignSkill, foreignType } = ids;
    const res = await post(
      owner.path,
      owner.body('Foreign', [
        { kind: 'skill', skillId: foreignSkill, minLevel: 1 },
        { kind: 'credential', anyOf: [ccs, foreignType] },
        { kind: 'skill', skillId: icd, minLevel: 2 },
        { kind: 'credential', anyOf: [cpc, ccs] },
        { kind: 'credential', anyOf: [ccs, cpc] },
      ]),
    ).expect(400);
    expect(res.body.message).toEqual([
      `${owner.at(4)}: the same requirement as ${owner.at(3)}`,
      `${owner.at(0)}.skillId: no skill with this id in the department`,
      `${owner.at(1)}.anyOf.1: no credential type with this id in the department`,
    ]);
    expect(await rowCounts(owner.tables)).toEqual(before);
  });

  it('a PATCH with a bad reference or without its list changes nothing, not even the name', async () => {
    const created = await post(
      owner.path,
      owner.body('Coder II', [{ kind: 'skill', skillId: ids.icd, minLevel: 2 }]),
    ).expect(201);
    const path = `${owner.path}/${created.body.id}`;
    const before = await rowCounts(owner.tables);
    const { [owner.field]: list } = owner.body('', [
      { kind: 'credential', anyOf: [ids.foreignType] },
    ]) as Record<string, unknown>;
    const res = await patch(path, { version: 1, name: 'Coder III', [owner.field]: list }).expect(
      400,
    );
    expect(res.body.message).toEqual([
      `${owner.at(0)}.anyOf.0: no credential type with this id in the department`,
    ]);
    await patch(path, { version: 1, [owner.field]: null }).expect(400);
    expect(await rowCounts(owner.tables)).toEqual(before);
    await t.http().get(path).set(bearer(dept.tokens.admin)).expect(200, created.body);
  });
});
