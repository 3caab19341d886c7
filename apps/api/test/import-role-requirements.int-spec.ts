import ExcelJS from 'exceljs';
import type { ImportResult, ReadinessResponse, Role } from '@him/contracts';
import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { insertCredentialType, insertSkill } from './member-records';
import { createTestApp, type TestApp } from './test-app';

const HEADER = 'Role,Skill,Level,Credential types (any of),Verified only';

function csv(rows: string[]): Buffer {
  return Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n');
}

/**
 * POST /import/role-requirements (docs/import.md): a role's skill and credential requirements
 * from a file, `verifiedOnly` included (R5), dry run and commit like the other kinds, every
 * problem by line and column, nothing written on any problem; admins only.
 */
describe('import of role requirements', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  let types: Record<string, string>;
  let icd: string;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t, 'rri');
    types = {};
    for (const code of ['CCS', 'CPC', 'RHIT', 'ODS'])
      types[code] = await insertCredentialType(t, d.departmentId, code);
    icd = await insertSkill(t, d.departmentId, 'ICD-10-CM coding');
    await insertSkill(t, d.departmentId, 'HIPAA privacy');
    await t.dataSource.query(
      `INSERT INTO job_role (department_id, name) VALUES ($1, 'Cancer Registrar')`,
      [d.departmentId],
    );
    // Medical Coder (the fixture's role) starts with one requirement: ICD-10-CM at 2
    await t.dataSource.query(
      `INSERT INTO requirement (department_id, role_id, position, kind, skill_id, min_level)
       VALUES ($1, $2, 0, 'skill', $3, 2)`,
      [d.departmentId, d.roleId, icd],
    );
    // the staff member (a Medical Coder) holds a current CCS nobody has verified
    await t.dataSource.query(
      `INSERT INTO credential (department_id, staff_id, credential_type_id, number, issued_on, expires_on)
       VALUES ($1, $2, $3, 'CCS-1', '2024-01-01', '2099-12-31')`,
      [d.departmentId, d.staffStaffId, types.CCS],
    );
  });
  afterAll(() => t.close());

  const upload = (
    file: Buffer,
    name: string,
    mode: 'dry-run' | 'commit' = 'dry-run',
    token = d.tokens.admin,
  ) =>
    t
      .http()
      .post(`/api/v1/import/role-requirements?mode=${mode}`)
      .set(bearer(token))
      .attach('file', file, name);
  const role = async (id = d.roleId): Promise<Role> =>
    (await t.http().get(`/api/v1/roles/${id}`).set(bearer(d.tokens.admin)).expect(200)).body;
  const snapshot = async () => ({
    requirements: Number(
      (
        await t.dataSource.query(`SELECT count(*) FROM requirement WHERE department_id = $1`, [
          d.departmentId,
        ])
      )[0].count,
    ),
    versions: await t.dataSource.query(
      `SELECT name, version FROM job_role WHERE department_id = $1 ORDER BY name`,
      [d.departmentId],
    ),
    audit: Number(
      (
        await t.dataSource.query(`SELECT count(*) FROM audit_event WHERE department_id = $1`, [
          d.departmentId,
        ])
      )[0].count,
    ),
  });
  const staffMet = async () => {
    const readiness = (
      await t.http().get('/api/v1/readiness').set(bearer(d.tokens.admin)).expect(200)
    ).body as ReadinessResponse;
    const member = readiness.members.find((m) => m.staffId === d.staffStaffId);
    return member ? [member.met, member.total] : null;
  };

  const withErrors = csv([
    'Medical Coder,,,CCS; CPC,yes',
    'Medical Codr,,,CCS,',
    'Medical Coder,ICD-10-CM coding,7,,',
    'Medical Coder,,,CCS; XYZ,no',
    'Medical Coder,,,CPC; CCS,',
    'Medical Coder,HIPAA privacy,3,,yes',
    'Medical Coder,,,,',
    'Cancer Registrar,,,ODS,maybe',
    'Medical Coder,HIPAA privacy,3,RHIT,',
  ]);

  it('a dry run names each problem by line and column, and writes nothing', async () => {
    const before = await snapshot();
    const res = await upload(withErrors, 'roles.csv').expect(200);
    const body = res.body as ImportResult;
    expect(body).toMatchObject({
      kind: 'role-requirements',
      mode: 'dry-run',
      rows: 9,
      errorCount: 8,
      create: 1,
      importId: null,
    });
    expect(body.errors).toEqual([
      { line: 3, field: 'Role', message: expect.stringContaining('no role named "Medical Codr"') },
      { line: 4, field: 'Level', message: expect.stringContaining('must not be greater than 4') },
      {
        line: 5,
        field: 'Credential types (any of)',
        message: expect.stringContaining('no credential type with code or name "XYZ"'),
      },
      {
        line: 6,
        field: 'Credential types (any of)',
        message: expect.stringContaining('appears more than once in the file (first on line 2)'),
      },
      {
        line: 7,
        field: 'Verified only',
        message: 'applies to credential requirements only, not to a skill',
      },
      { line: 8, field: 'Skill', message: expect.stringContaining('give a Skill') },
      {
        line: 9,
        field: 'Verified only',
        message: 'must be yes or no (got "maybe"); empty means no',
      },
      {
        line: 10,
        field: 'Credential types (any of)',
        message: expect.stringContaining('not both'),
      },
    ]);
    expect(body.errors[0].message).toContain('(roles: Cancer Registrar, Medical Coder)');
    expect(body.preview).toEqual([
      {
        line: 2,
        action: 'create',
        key: 'Medical Coder: CCS or CPC',
        values: {
          Role: 'Medical Coder',
          Skill: null,
          Level: null,
          'Credential types (any of)': 'CCS; CPC',
          'Verified only': 'yes',
        },
        changes: [],
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to commit a file with a problem: 400 with the same problems, nothing written', async () => {
    const before = await snapshot();
    const res = await upload(withErrors, 'roles.csv', 'commit').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, mode: 'commit', errorCount: 8 });
    expect(res.body.message[0]).toBe(
      'line 3, Role: no role named "Medical Codr" (roles: Cancer Registrar, Medical Coder)',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('commits: adds credential requirements with verified only, corrects a level, audits each role once', async () => {
    // the unverified CCS meets "CCS or CPC" until the requirement asks for verification
    expect(await staffMet()).toEqual([0, 1]);
    const file = csv([
      'Medical Coder,icd-10-cm coding,Proficient,,',
      'medical coder,,,CPC; CCS,yes',
      'Cancer Registrar,,,CTR,yes',
      'Cancer Registrar,HIPAA privacy,2,,',
    ]);
    const dry = await upload(file, 'roles.csv').expect(200);
    expect(dry.body).toMatchObject({ errorCount: 0, create: 3, update: 1, unchanged: 0 });
    expect(dry.body.preview[0]).toMatchObject({
      action: 'update',
      key: 'Medical Coder: ICD-10-CM coding at 3',
      changes: [{ field: 'Level', from: '2', to: '3' }],
    });
    const versionBefore = (await role()).version;

    const res = await upload(file, 'roles.csv', 'commit').expect(200);
    expect(res.body).toMatchObject({ mode: 'commit', create: 3, update: 1 });
    const coder = await role();
    expect(coder.version).toBe(versionBefore + 1);
    expect(coder.requirements).toEqual([
      { kind: 'skill', skillId: icd, minLevel: 3 },
      { kind: 'credential', anyOf: [types.CCS, types.CPC], verifiedOnly: true },
    ]);
    const registrarId = (
      await t.dataSource.query(
        `SELECT id FROM job_role WHERE department_id = $1 AND name = 'Cancer Registrar'`,
        [d.departmentId],
      )
    )[0].id;
    expect((await role(registrarId)).requirements).toEqual([
      { kind: 'credential', anyOf: [types.ODS], verifiedOnly: true },
      { kind: 'skill', skillId: expect.any(String), minLevel: 2 },
    ]);
    // R5: the unverified CCS no longer meets a verified-only requirement
    expect(await staffMet()).toEqual([0, 2]);

    const events: { entity: string; before: Role | null; after: Role; note: string }[] =
      await t.dataSource.query(
        `SELECT entity, before, after, note FROM audit_event
          WHERE department_id = $1 AND (note LIKE $2 OR entity_id = $3) ORDER BY entity, entity_id`,
        [d.departmentId, `import ${res.body.importId}%`, res.body.importId],
      );
    expect(events.map((e) => e.entity).sort()).toEqual(['import', 'role', 'role']);
    const coderEvent = events.find((e) => e.entity === 'role' && e.after.id === d.roleId);
    expect(coderEvent?.before?.requirements).toEqual([
      { kind: 'skill', skillId: icd, minLevel: 2 },
    ]);
    expect(coderEvent?.after).toEqual(coder);
    expect(coderEvent?.note).toBe(`import ${res.body.importId}: roles.csv, lines 2, 3`);

    // the same file again changes nothing, and no role's version moves
    const again = await upload(file, 'roles.csv', 'commit').expect(200);
    expect(again.body).toMatchObject({ create: 0, update: 0, unchanged: 4 });
    expect((await role()).version).toBe(coder.version);

    // verified only off again: an update of the flag, and the unverified CCS counts again
    const off = await upload(csv(['Medical Coder,,,CCS; CPC,no']), 'off.csv', 'commit').expect(200);
    expect(off.body).toMatchObject({ update: 1 });
    expect(off.body.preview[0].changes).toEqual([
      { field: 'Verified only', from: 'yes', to: 'no' },
    ]);
    expect((await role()).requirements[1]).toEqual({
      kind: 'credential',
      anyOf: [types.CCS, types.CPC],
    });
    expect(await staffMet()).toEqual([1, 2]);
  });

  it('reads an XLSX file (real number cells) and serves a template the import reads back', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Requirements');
    sheet.addRow(['Role', 'Skill', 'Level', 'Credential types (any of)', 'Verified only']);
    sheet.addRow(['Medical Coder', 'HIPAA privacy', 4, null, null]);
    sheet.addRow(['Medical Coder', null, null, 'RHIT', 'Yes']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(file, 'roles.xlsx').expect(200);
    expect(res.body).toMatchObject({ errorCount: 0, create: 2 });
    expect(res.body.preview.map((p: { values: Record<string, string> }) => p.values)).toEqual([
      expect.objectContaining({ Skill: 'HIPAA privacy', Level: '4 (Expert)' }),
      expect.objectContaining({ 'Credential types (any of)': 'RHIT', 'Verified only': 'yes' }),
    ]);

    const template = await t
      .http()
      .get('/api/v1/import/role-requirements/template?format=xlsx')
      .set(bearer(d.tokens.admin))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(template.body);
    expect(read.worksheets.map((w) => w.name)).toEqual(['Role requirements', 'Columns']);
    expect((read.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([
      'Role',
      'Skill',
      'Level',
      'Credential types (any of)',
      'Verified only',
    ]);
    const dry = await upload(template.body, 'template.xlsx').expect(200);
    expect(dry.body.rows).toBe(1);
  });

  it('is for admins only: a manager and a staff member get 403, nothing written', async () => {
    const before = await snapshot();
    const file = csv(['Medical Coder,,,RHIT,yes']);
    for (const token of [d.tokens.manager, d.tokens.staff]) {
      await upload(file, 'roles.csv', 'commit', token).expect(403);
      await t
        .http()
        .get('/api/v1/import/role-requirements/template?format=csv')
        .set(bearer(token))
        .expect(403);
    }
    expect(await snapshot()).toEqual(before);
  });
});
