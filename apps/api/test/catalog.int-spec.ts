import type { Response } from 'supertest';
import { caller, createDepartment, type DepartmentFixture } from './fixtures';
import {
  ahimaCeRule,
  countOf,
  createCredentialType,
  createSkill,
  deleteEvent,
  openCatalogTest,
  tableCounts,
} from './support/catalog';
import type { TestApp } from './test-app';

/**
 * What the five catalog APIs (skills, credential types, CE rules, roles, teams) share, one table
 * row per API: who may read and write, conflicts, paging; and, for roles and teams, the
 * requirements they hold; and one record of each from creation to deletion. What only one API
 * does stays in its own file (`skills.int-spec.ts` ...).
 */

let t: TestApp;
let dept: DepartmentFixture;
let other: DepartmentFixture;
/** ids in `dept` (icd, ccs, cpc) and in `other` (foreignSkill, foreignType) */
const ids = { icd: '', ccs: '', cpc: '', foreignSkill: '', foreignType: '' };

const rowCounts = (tables: string[]) => tableCounts(t, [...tables, 'audit_event']);
const post = (path: string, body: object, token = dept.tokens.admin) =>
  caller(t, token).post(path, body);
const patch = (path: string, body: object, token = dept.tokens.admin) =>
  caller(t, token).patch(path, body);

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
  ({ t, dept, other } = await openCatalogTest());
  ids.icd = await createSkill(t, dept, 'ICD-10-CM coding');
  ids.ccs = await createCredentialType(t, dept, 'CCS');
  ids.cpc = await createCredentialType(t, dept, 'CPC');
  ids.foreignSkill = await createSkill(t, other, 'ICD-10-CM coding');
  ids.foreignType = await createCredentialType(t, other, 'CCS');
});
afterAll(() => t.close());

describe.each(CATALOG_APIS)('$label API', (api) => {
  const at = (row: Row) => `${api.path}/${encodeURIComponent(api.key(row))}`;

  it('answers 401 without a token, 403 to managers and staff writing, 404 across departments', async () => {
    await t.http().get(api.path).expect(401);
    await t.http().get(api.path).set('Authorization', 'Bearer nonsense').expect(401);
    const mine = (await post(api.path, api.create(api.names.access)).expect(201)).body as Row;
    for (const role of ['manager', 'staff'] as const) {
      await caller(t, dept.tokens[role]).get(at(mine)).expect(200);
      await post(api.path, api.create('X'), dept.tokens[role]).expect(403);
      await patch(at(mine), { version: 1, ...api.changes[0] }, dept.tokens[role]).expect(403);
      await caller(t, dept.tokens[role]).delete(at(mine)).expect(403);
    }
    await caller(t, other.tokens.admin).get(at(mine)).expect(404);
    await caller(t, other.tokens.manager).get(at(mine)).expect(404);
    await patch(at(mine), { version: 1, ...api.changes[0] }, other.tokens.admin).expect(404);
    await caller(t, other.tokens.admin).delete(at(mine)).expect(404);
    const theirs = await caller(t, other.tokens.admin).get(api.path).expect(200);
    expect(theirs.body.items.map((row: Row) => row.id)).not.toContain(mine.id);
    await caller(t, dept.tokens.admin).get(at(mine)).expect(200, mine);

    if (api.malformedKey)
      await caller(t, dept.tokens.admin).get(`${api.path}/${api.malformedKey}`).expect(400);
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
    const one = await caller(t, dept.tokens.admin).get(`${api.path}?limit=1&offset=1`);
    expect(one.status).toBe(200);
    expect(one.body.items).toHaveLength(1);
    expect(one.body.total).toBeGreaterThan(2);
    const two = await caller(t, dept.tokens.admin).get(`${api.path}?limit=2&offset=1`).expect(200);
    expect(two.body.items).toHaveLength(2);
    expect(two.body.total).toBe(one.body.total);
    await caller(t, dept.tokens.admin).get(`${api.path}?limit=501`).expect(400);
  });
});

// ---------- one record from creation to deletion, each API in a department of its own ----------

type Body = Response['body'];

interface Lifecycle {
  d: DepartmentFixture;
  /** what `setup` made for the record to refer to */
  refs: Record<string, string>;
  id: string;
  created: Body;
  /** the answers of the PATCHes, in order */
  updated: Body[];
}

type Step = 'get' | 'update' | 'delete' | 'gone';

interface CatalogLifecycle {
  label: string;
  path: string;
  auditEntity: string;
  setup?: (d: DepartmentFixture) => Promise<Record<string, string>>;
  create: (c: Omit<Lifecycle, 'id' | 'created' | 'updated'>) => object;
  /** the path segment of the record at each step (default: its id) */
  at?: (step: Step, c: Lifecycle, update?: number) => string;
  checkCreated: (c: Lifecycle) => void | Promise<void>;
  /** the list, read by a staff member */
  checkList: (list: Body, c: Lifecycle) => void;
  updates: {
    body: (c: Lifecycle) => object;
    check: (body: Body, c: Lifecycle) => void | Promise<void>;
  }[];
  /** who reads the audit trail, and what its events (newest first) hold */
  auditReader: 'admin' | 'manager';
  checkAudit: (items: Body[], c: Lifecycle) => void;
  beforeDelete?: (c: Lifecycle) => Promise<void>;
  deleteNote?: string;
  checkDeleted: (c: Lifecycle) => Promise<void>;
}

const CATALOG_LIFECYCLES: CatalogLifecycle[] = [
  {
    label: 'skills',
    path: '/api/v1/skills',
    auditEntity: 'skill',
    create: () => ({ name: 'CPT coding', category: 'technical', description: 'Procedure codes' }),
    checkCreated: ({ created }) => {
      expect(created).toMatchObject({ name: 'CPT coding', category: 'technical', version: 1 });
    },
    checkList: (list, { id }) => {
      expect(list.total).toBe(1);
      expect(list.items[0].id).toBe(id);
    },
    updates: [
      {
        body: () => ({ name: 'CPT procedure coding', version: 1, note: 'clearer name' }),
        check: (body) => expect(body.version).toBe(2),
      },
    ],
    auditReader: 'manager',
    checkAudit: (items, { d }) => {
      expect(items[0]).toMatchObject({
        userEmail: d.emails.admin,
        before: { name: 'CPT coding' },
        after: { name: 'CPT procedure coding' },
        note: 'clearer name',
      });
    },
    checkDeleted: async ({ id }) => {
      expect(await countOf(t, `SELECT count(*) FROM audit_event WHERE entity_id = $1`, [id])).toBe(
        3,
      );
    },
  },
  {
    label: 'credential types',
    path: '/api/v1/credential-types',
    auditEntity: 'credential-type',
    setup: async (d) => ({
      icd: await createSkill(t, d, 'ICD-10-CM coding'),
      cpt: await createSkill(t, d, 'CPT coding'),
    }),
    create: ({ refs }) => ({
      code: ' CCS-P ',
      name: 'Certified Coding Specialist',
      issuingBody: 'AHIMA',
      baseCeus: 20,
      evidencesSkills: [
        { skillId: refs['icd'], level: 3 },
        { skillId: refs['cpt'], level: 2 },
      ],
    }),
    checkCreated: ({ created, refs }) => {
      expect(created).toEqual({
        id: expect.any(String),
        code: 'CCS-P',
        name: 'Certified Coding Specialist',
        issuingBody: 'AHIMA',
        baseCeus: 20,
        evidencesSkills: expect.arrayContaining([
          { skillId: refs['icd'], level: 3 },
          { skillId: refs['cpt'], level: 2 },
        ]),
        supersedes: [],
        version: 1,
      });
      expect(created.evidencesSkills).toHaveLength(2);
    },
    checkList: (list, { created }) => expect(list).toEqual({ items: [created], total: 1 }),
    updates: [
      {
        body: ({ refs }) => ({
          version: 1,
          baseCeus: 30.5,
          evidencesSkills: [{ skillId: refs['cpt'], level: 4 }],
          note: 'AHIMA 2026 update',
        }),
        check: async (body, { id, refs }) => {
          expect(body).toMatchObject({
            code: 'CCS-P',
            baseCeus: 30.5,
            evidencesSkills: [{ skillId: refs['cpt'], level: 4 }],
            version: 2,
          });
          expect(
            await countOf(
              t,
              `SELECT count(*) FROM credential_type_skill WHERE credential_type_id = $1`,
              [id],
            ),
          ).toBe(1);
        },
      },
      {
        // a PATCH without evidencesSkills keeps them
        body: () => ({ version: 2, name: 'CCS-P' }),
        check: (body, { refs }) =>
          expect(body.evidencesSkills).toEqual([{ skillId: refs['cpt'], level: 4 }]),
      },
    ],
    auditReader: 'admin',
    checkAudit: (items, { d, refs, created }) => {
      expect(items[1]).toMatchObject({
        userEmail: d.emails.admin,
        before: { baseCeus: 20, version: 1 },
        after: {
          baseCeus: 30.5,
          evidencesSkills: [{ skillId: refs['cpt'], level: 4 }],
          version: 2,
        },
        note: 'AHIMA 2026 update',
      });
      expect(items[2].after).toEqual(created);
    },
    deleteNote: 'retired',
    checkDeleted: async ({ id }) => {
      expect(
        await countOf(
          t,
          `SELECT count(*) FROM credential_type_skill WHERE credential_type_id = $1`,
          [id],
        ),
      ).toBe(0);
      expect(await deleteEvent(t, id)).toMatchObject({
        before: { code: 'CCS-P', version: 3 },
        note: 'retired',
      });
    },
  },
  {
    label: 'CE rules',
    path: '/api/v1/ce-rules',
    auditEntity: 'ce-rule',
    create: () => ahimaCeRule(),
    // read and written by its issuing body, in any letter case
    at: (step, _c, update) =>
      ({ get: 'ahima', update: ['Ahima', 'AHIMA'][update ?? 0], delete: 'ahima', gone: 'AHIMA' })[
        step
      ],
    checkCreated: async ({ created, d }) => {
      // no afterLapse given: credentials.md's states for the body (AHIMA: inactive 180 days)
      expect(created).toEqual({
        ...ahimaCeRule(),
        afterLapse: [{ state: 'inactive', days: 180 }],
        id: expect.any(String),
        version: 1,
      });
      expect(
        await t.dataSource.query(`SELECT id FROM ce_rule WHERE department_id = $1`, [
          d.departmentId,
        ]),
      ).toEqual([{ id: created.id }]);
    },
    checkList: (list, { created }) => expect(list).toEqual({ items: [created], total: 1 }),
    updates: [
      {
        body: () => ({
          version: 1,
          cap: null,
          minimums: [{ categories: ['hiim-domain', 'coding'], hours: 12.5 }],
          note: 'no cap this cycle',
        }),
        check: (body, { created }) =>
          expect(body).toEqual({
            ...created,
            cap: null,
            minimums: [{ categories: ['hiim-domain', 'coding'], hours: 12.5 }],
            version: 2,
          }),
      },
      {
        // a PATCH without cap keeps it
        body: () => ({ version: 2, cycleMonths: 36 }),
        check: (body, { updated }) =>
          expect(body).toEqual({ ...updated[0], cycleMonths: 36, version: 3 }),
      },
    ],
    auditReader: 'admin',
    checkAudit: (items, { d, created, updated }) => {
      expect(items[1]).toMatchObject({
        before: created,
        after: updated[0],
        note: 'no cap this cycle',
        userEmail: d.emails.admin,
      });
    },
    // deleting is allowed even while a credential type names the body: it then owes no CE
    beforeDelete: async ({ d }) => {
      await post(
        '/api/v1/credential-types',
        { code: 'RHIA', name: 'RHIA', issuingBody: 'AHIMA', baseCeus: 30, evidencesSkills: [] },
        d.tokens.admin,
      ).expect(201);
    },
    deleteNote: 'body retired',
    checkDeleted: async ({ id, updated }) => {
      expect(await deleteEvent(t, id)).toEqual({ before: updated[1], note: 'body retired' });
    },
  },
  {
    label: 'roles',
    path: '/api/v1/roles',
    auditEntity: 'role',
    setup: async (d) => ({
      icd: await createSkill(t, d, 'ICD-10-CM coding'),
      ccs: await createCredentialType(t, d, 'CCS'),
      cpc: await createCredentialType(t, d, 'CPC'),
    }),
    create: ({ refs }) => ({
      name: ' Medical Coder (Inpatient) ',
      description: 'Codes inpatient stays',
      requirements: [
        { kind: 'skill', skillId: refs['icd'], minLevel: 3 },
        { kind: 'credential', anyOf: [refs['ccs'], refs['cpc']] },
      ],
    }),
    checkCreated: async ({ created, id, refs }) => {
      expect(created).toEqual({
        id: expect.any(String),
        name: 'Medical Coder (Inpatient)',
        description: 'Codes inpatient stays',
        requirements: [
          { kind: 'skill', skillId: refs['icd'], minLevel: 3 },
          { kind: 'credential', anyOf: [refs['ccs'], refs['cpc']] },
        ],
        version: 1,
      });
      const rows = await t.dataSource.query(
        `SELECT position, kind, skill_id, min_level, min_holders, team_id FROM requirement WHERE role_id = $1 ORDER BY position`,
        [id],
      );
      expect(rows).toEqual([
        {
          position: 0,
          kind: 'skill',
          skill_id: refs['icd'],
          min_level: 3,
          min_holders: null,
          team_id: null,
        },
        {
          position: 1,
          kind: 'credential',
          skill_id: null,
          min_level: null,
          min_holders: null,
          team_id: null,
        },
      ]);
    },
    checkList: (list, { id, created }) => {
      expect(list.total).toBe(2); // the fixture's role and this one
      expect(list.items.find((r: { id: string }) => r.id === id)).toEqual(created);
    },
    updates: [
      {
        // requirements are replaced wholesale, in the order given
        body: ({ refs }) => ({
          version: 1,
          description: null,
          requirements: reorderedRequirements(refs),
          note: 'CPC only',
        }),
        check: async (body, { id, refs, created }) => {
          expect(body).toEqual({
            ...created,
            description: null,
            requirements: reorderedRequirements(refs),
            version: 2,
          });
          expect(
            await countOf(t, `SELECT count(*) FROM requirement WHERE role_id = $1`, [id]),
          ).toBe(2);
          expect(
            await countOf(
              t,
              `SELECT count(*) FROM requirement_credential_type x JOIN requirement r ON r.id = x.requirement_id WHERE r.role_id = $1`,
              [id],
            ),
          ).toBe(1);
        },
      },
      {
        // without requirements, a PATCH keeps them
        body: () => ({ version: 2, name: 'Inpatient Coder' }),
        check: (body, { refs }) => expect(body.requirements).toEqual(reorderedRequirements(refs)),
      },
    ],
    auditReader: 'admin',
    checkAudit: (items, { d, created, updated }) => {
      expect(items[1]).toMatchObject({
        before: created,
        after: updated[0],
        note: 'CPC only',
        userEmail: d.emails.admin,
      });
    },
    deleteNote: 'merged',
    checkDeleted: async ({ id, updated }) => {
      expect(await countOf(t, `SELECT count(*) FROM requirement WHERE role_id = $1`, [id])).toBe(0);
      expect(await deleteEvent(t, id)).toEqual({ before: updated[1], note: 'merged' });
    },
  },
  {
    label: 'teams',
    path: '/api/v1/teams',
    auditEntity: 'team',
    setup: async (d) => ({
      icd: await createSkill(t, d, 'ICD-10-CM coding'),
      ccs: await createCredentialType(t, d, 'CCS'),
      cpc: await createCredentialType(t, d, 'CPC'),
    }),
    create: ({ d, refs }) => ({
      name: 'Inpatient Coding',
      managerStaffIds: [d.managerStaffId, d.otherStaffId],
      coverageTargets: coverageTargets(refs),
    }),
    checkCreated: async ({ created, id, d, refs }) => {
      expect(created).toEqual({
        id: expect.any(String),
        name: 'Inpatient Coding',
        // managers are given by name: Maria Manager, Olga Other
        managerStaffIds: [d.managerStaffId, d.otherStaffId],
        coverageTargets: coverageTargets(refs),
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
    },
    checkList: (list, { id, created }) => {
      expect(list.total).toBe(2);
      expect(list.items.find((x: { id: string }) => x.id === id)).toEqual(created);
    },
    updates: [
      {
        body: ({ d, refs }) => ({
          version: 1,
          managerStaffIds: [d.otherStaffId],
          coverageTargets: [coverageTargets(refs)[1]],
          note: 'new lead',
        }),
        check: async (body, { id, d, refs, created }) => {
          expect(body).toEqual({
            ...created,
            managerStaffIds: [d.otherStaffId],
            coverageTargets: [coverageTargets(refs)[1]],
            version: 2,
          });
          expect(
            await countOf(t, `SELECT count(*) FROM requirement WHERE team_id = $1`, [id]),
          ).toBe(1);
          expect(
            await countOf(t, `SELECT count(*) FROM team_manager WHERE team_id = $1`, [id]),
          ).toBe(1);
        },
      },
      {
        // fields left out are kept
        body: () => ({ version: 2, name: 'IP Coding' }),
        check: (body, { updated }) =>
          expect(body).toEqual({ ...updated[0], name: 'IP Coding', version: 3 }),
      },
    ],
    auditReader: 'admin',
    checkAudit: (items, { created, updated }) => {
      expect(items[1]).toMatchObject({ before: created, after: updated[0], note: 'new lead' });
    },
    checkDeleted: async ({ id }) => {
      expect(await countOf(t, `SELECT count(*) FROM requirement WHERE team_id = $1`, [id])).toBe(0);
      expect(await countOf(t, `SELECT count(*) FROM team_manager WHERE team_id = $1`, [id])).toBe(
        0,
      );
      expect(
        await countOf(
          t,
          `SELECT count(*) FROM audit_event WHERE entity_id = $1 AND action = 'delete'`,
          [id],
        ),
      ).toBe(1);
    },
  },
];

function reorderedRequirements(refs: Record<string, string>) {
  return [
    { kind: 'credential', anyOf: [refs['cpc']] },
    { kind: 'skill', skillId: refs['icd'], minLevel: 4 },
  ];
}

function coverageTargets(refs: Record<string, string>) {
  return [
    { requirement: { kind: 'credential', anyOf: [refs['ccs'], refs['cpc']] }, minHolders: 2 },
    { requirement: { kind: 'skill', skillId: refs['icd'], minLevel: 2 }, minHolders: 3 },
    { requirement: { kind: 'skill', skillId: refs['icd'], minLevel: 4 }, minHolders: 1 },
  ];
}

describe.each(CATALOG_LIFECYCLES)('$label API, one record', (api) => {
  it('creates, lists, reads, updates and deletes it, auditing each change', async () => {
    const d = await createDepartment(t, `lifecycle-${api.auditEntity}`);
    const refs = (await api.setup?.(d)) ?? {};
    const created = (await post(api.path, api.create({ d, refs }), d.tokens.admin).expect(201))
      .body;
    const c: Lifecycle = { d, refs, id: created.id, created, updated: [] };
    const at = (step: Step, update?: number) =>
      `${api.path}/${api.at ? api.at(step, c, update) : c.id}`;
    await api.checkCreated(c);

    const list = await caller(t, d.tokens.staff).get(api.path).expect(200);
    api.checkList(list.body, c);
    await caller(t, d.tokens.manager).get(at('get')).expect(200, created);

    for (const [i, update] of api.updates.entries()) {
      const res = await patch(at('update', i), update.body(c), d.tokens.admin).expect(200);
      await update.check(res.body, c);
      c.updated.push(res.body);
    }

    const audit = await caller(t, d.tokens[api.auditReader])
      .get(`/api/v1/audit?entity=${api.auditEntity}&entityId=${c.id}`)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      ...api.updates.map(() => 'update'),
      'create',
    ]);
    api.checkAudit(audit.body.items, c);

    await api.beforeDelete?.(c);
    const note = api.deleteNote ? `?note=${encodeURIComponent(api.deleteNote)}` : '';
    await caller(t, d.tokens.admin)
      .delete(`${at('delete')}${note}`)
      .expect(204);
    await caller(t, d.tokens.admin).get(at('gone')).expect(404);
    await api.checkDeleted(c);
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
    await caller(t, dept.tokens.admin).get(path).expect(200, created.body);
  });
});
