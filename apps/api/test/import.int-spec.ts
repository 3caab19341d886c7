import { ConflictException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { ImportResult } from '@him/contracts';
import { updateVersionedRows } from '../src/import/batch-sql';
import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { countRows, daysFromToday, insertCredentialType, insertSkill } from './member-records';
import { createTestApp, type TestApp } from './test-app';

const STAFF_HEADER = 'Employee ID,Name,Email,Team,Role,Status,Hire date';

/** A staff CSV as an HR export writes it; `label` keeps emails unique per test. */
function staffCsv(rows: string[]): Buffer {
  return Buffer.from([STAFF_HEADER, ...rows].join('\r\n') + '\r\n');
}

describe('import API', () => {
  let t: TestApp;
  let d: DepartmentFixture;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t, 'imp');
    await t.dataSource.query(`INSERT INTO team (department_id, name) VALUES ($1, 'CDI')`, [
      d.departmentId,
    ]);
    await t.dataSource.query(
      `INSERT INTO job_role (department_id, name) VALUES ($1, 'CDI Specialist')`,
      [d.departmentId],
    );
  });
  afterAll(() => t.close());

  const upload = (
    kind: string,
    file: Buffer,
    name: string,
    mode: 'dry-run' | 'commit' = 'dry-run',
    token = d.tokens.admin,
  ) =>
    t
      .http()
      .post(`/api/v1/import/${kind}?mode=${mode}`)
      .set(bearer(token))
      .attach('file', file, name);

  const departmentRows = async (table: string) =>
    Number(
      (
        await t.dataSource.query(`SELECT count(*) FROM ${table} WHERE department_id = $1`, [
          d.departmentId,
        ])
      )[0].count,
    );
  const importEvents = () =>
    t.dataSource.query(
      `SELECT after, note, user_email FROM audit_event WHERE department_id = $1 AND entity = 'import' ORDER BY at`,
      [d.departmentId],
    ) as Promise<{ after: Record<string, unknown>; note: string; user_email: string }[]>;

  describe('staff', () => {
    const withErrors = staffCsv([
      'E-100,Ana Ruiz,ana.ruiz@example.org,Coding,Medical Coder,active,2021-03-15',
      'E-101,Ben Okafor,ben.okafor@example.org,Codng,Medical Coder,active,2022-01-10',
      'E-102,Cy Lam,cy.lam@example.org,CDI,CDI Specialist,leave,2026-02-30',
      'E-100,Dee Park,dee.park@example.org,coding,medical coder,Active,2020-05-01',
      'E-103,Eve Stone,,Coding,Medical Coder,terminated,2019-11-30',
      '"E-104","Fay Hill, Jr.",fay.hill@example.org,CDI,CDI Specialist,active,2023-07-01',
    ]);
    const fixed = staffCsv([
      'E-100,Ana Ruiz,ana.ruiz@example.org,Coding,Medical Coder,active,2021-03-15',
      'E-101,Ben Okafor,ben.okafor@example.org,Coding,Medical Coder,active,2022-01-10',
      'E-102,Cy Lam,cy.lam@example.org,CDI,CDI Specialist,leave,2026-02-28',
      'E-105,Dee Park,dee.park@example.org,coding,medical coder,Active,2020-05-01',
      'E-103,Eve Stone,eve.stone@example.org,Coding,Medical Coder,terminated,2019-11-30',
      '"E-104","Fay Hill, Jr.",fay.hill@example.org,CDI,CDI Specialist,active,2023-07-01',
    ]);

    it('dry run lists each problem with its spreadsheet line and column, and writes nothing', async () => {
      const before = await departmentRows('staff');
      const res = await upload('staff', withErrors, 'hr-export.csv').expect(200);
      const body = res.body as ImportResult;
      expect(body).toMatchObject({
        kind: 'staff',
        mode: 'dry-run',
        fileName: 'hr-export.csv',
        rows: 6,
        errorCount: 4,
        create: 2,
        update: 0,
        unchanged: 0,
        importId: null,
      });
      expect(body.errors).toEqual([
        { line: 3, field: 'Team', message: expect.stringContaining('no team named "Codng"') },
        {
          line: 4,
          field: 'Hire date',
          message: 'must be a calendar date written YYYY-MM-DD (got "2026-02-30")',
        },
        {
          line: 5,
          field: 'Employee ID',
          message: 'employee ID "E-100" appears more than once in the file (first on line 2)',
        },
        { line: 6, field: 'Email', message: 'is required' },
      ]);
      expect(body.errors[0].message).toContain('(teams: CDI, Coding)');
      expect(body.preview.map((p) => [p.line, p.action, p.key])).toEqual([
        [2, 'create', 'E-100'],
        [7, 'create', 'E-104'],
      ]);
      expect(body.preview[1].values).toMatchObject({ Name: 'Fay Hill, Jr.', Team: 'CDI' });
      expect(await departmentRows('staff')).toBe(before);
    });

    it('refuses to commit a file with a problem: 400 with the same list, nothing written', async () => {
      const staffBefore = await departmentRows('staff');
      const auditBefore = await departmentRows('audit_event');
      const res = await upload('staff', withErrors, 'hr-export.csv', 'commit').expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        mode: 'commit',
        errorCount: 4,
        importId: null,
      });
      expect(
        res.body.errors.map((e: { line: number; field: string }) => [e.line, e.field]),
      ).toEqual([
        [3, 'Team'],
        [4, 'Hire date'],
        [5, 'Employee ID'],
        [6, 'Email'],
      ]);
      expect(res.body.message).toContain('line 6, Email: is required');
      expect(await departmentRows('staff')).toBe(staffBefore);
      expect(await departmentRows('audit_event')).toBe(auditBefore);
    });

    it('commits the fixed file: every row created, one import event and one event per member', async () => {
      const staffBefore = await departmentRows('staff');
      const res = await upload('staff', fixed, 'hr-export.csv', 'commit').expect(200);
      expect(res.body).toMatchObject({
        mode: 'commit',
        rows: 6,
        errors: [],
        create: 6,
        update: 0,
        unchanged: 0,
        importId: expect.any(String),
      });
      expect(await departmentRows('staff')).toBe(staffBefore + 6);

      const list = await t
        .http()
        .get('/api/v1/staff?q=Fay')
        .set(bearer(d.tokens.manager))
        .expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          name: 'Fay Hill, Jr.',
          employeeId: 'E-104',
          status: 'active',
          hireDate: '2023-07-01',
          version: 1,
        }),
      ]);
      const dee = (
        await t.http().get('/api/v1/staff?q=E-105').set(bearer(d.tokens.admin)).expect(200)
      ).body.items[0];
      expect(dee).toMatchObject({ teamId: d.teamId, roleId: d.roleId, status: 'active' });

      const events = await importEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        user_email: d.emails.admin,
        after: {
          kind: 'staff',
          fileName: 'hr-export.csv',
          rows: 6,
          create: 6,
          update: 0,
          unchanged: 0,
        },
      });
      const perRecord = await t.dataSource.query(
        `SELECT action, after, note FROM audit_event WHERE department_id = $1 AND entity = 'staff' AND note LIKE $2`,
        [d.departmentId, `import ${res.body.importId}:%`],
      );
      expect(perRecord).toHaveLength(6);
      expect(
        perRecord.find((e: { after: { employeeId: string } }) => e.after.employeeId === 'E-104'),
      ).toMatchObject({
        action: 'create',
        after: { name: 'Fay Hill, Jr.', version: 1 },
        note: `import ${res.body.importId}: hr-export.csv, line 7`,
      });
    });

    it('re-importing the same file changes nothing: all rows unchanged, only the import itself is audited', async () => {
      const dry = await upload('staff', fixed, 'hr-export.csv').expect(200);
      expect(dry.body).toMatchObject({ rows: 6, create: 0, update: 0, unchanged: 6, preview: [] });
      const auditBefore = await departmentRows('audit_event');
      const res = await upload('staff', fixed, 'hr-export.csv', 'commit').expect(200);
      expect(res.body).toMatchObject({ create: 0, update: 0, unchanged: 6 });
      // one event: the import (a user action, with its counts); none per record
      expect(await departmentRows('audit_event')).toBe(auditBefore + 1);
      const events = await importEvents();
      expect(events[events.length - 1].after).toMatchObject({ unchanged: 6, create: 0 });
    });

    it('updates a member matched by employee id, showing what changes, and audits before and after', async () => {
      const changed = staffCsv([
        'E-101,Ben Okafor,ben.okafor@example.org,CDI,CDI Specialist,leave,2022-01-10',
      ]);
      const dry = await upload('staff', changed, 'changes.csv').expect(200);
      expect(dry.body).toMatchObject({ create: 0, update: 1, unchanged: 0 });
      expect(dry.body.preview[0]).toMatchObject({
        line: 2,
        action: 'update',
        key: 'E-101',
        changes: [
          { field: 'Team', from: 'Coding', to: 'CDI' },
          { field: 'Role', from: 'Medical Coder', to: 'CDI Specialist' },
          { field: 'Status', from: 'active', to: 'leave' },
        ],
      });
      const res = await upload('staff', changed, 'changes.csv', 'commit').expect(200);
      const [ben] = (
        await t.http().get('/api/v1/staff?q=E-101').set(bearer(d.tokens.admin)).expect(200)
      ).body.items;
      expect(ben).toMatchObject({ status: 'leave', version: 2 });
      const [event] = await t.dataSource.query(
        `SELECT action, before, after FROM audit_event WHERE entity_id = $1 AND note LIKE $2`,
        [ben.id, `import ${res.body.importId}%`],
      );
      expect(event).toMatchObject({
        action: 'update',
        before: { status: 'active', version: 1 },
        after: { status: 'leave', version: 2 },
      });
    });

    it('matches a member entered without an employee id by email, and refuses an email of another member', async () => {
      await t
        .http()
        .post('/api/v1/staff')
        .set(bearer(d.tokens.admin))
        .send({
          name: 'Gil Ortiz',
          email: 'gil.ortiz@example.org',
          teamId: d.teamId,
          roleId: d.roleId,
          status: 'active',
          hireDate: '2018-02-01',
        })
        .expect(201);
      const res = await upload(
        'staff',
        staffCsv([
          'E-106,Gil Ortiz,GIL.ORTIZ@example.org,Coding,Medical Coder,active,2018-02-01',
          'E-107,Someone Else,ana.ruiz@example.org,Coding,Medical Coder,active,2018-02-01',
        ]),
        'match.csv',
      ).expect(200);
      expect(res.body.errors).toEqual([
        { line: 3, field: 'Email', message: 'already used by Ana Ruiz (employee ID E-100)' },
      ]);
      expect(res.body.preview[0]).toMatchObject({
        action: 'update',
        changes: expect.arrayContaining([{ field: 'Employee ID', from: null, to: 'E-106' }]),
      });
    });

    it('reads an XLSX file by its content, with real date cells and numeric ids', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('People');
      sheet.addRow(['Employee ID', 'Name', 'Email', 'Team', 'Role', 'Status', 'Hire date']);
      sheet.addRow([
        20001,
        'Hana Ito',
        'hana.ito@example.org',
        'CDI',
        'CDI Specialist',
        'active',
        new Date(Date.UTC(2024, 1, 29)),
      ]);
      sheet.addRow([]);
      sheet.addRow([
        'E-20002',
        { richText: [{ text: 'Ivo ' }, { text: 'Petrov' }] },
        'ivo.petrov@example.org',
        'Coding',
        'Medical Coder',
        'leave',
        '2019-06-30',
      ]);
      sheet.getCell('G2').numFmt = 'dd/mm/yyyy';
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      // named .csv: the content decides
      const res = await upload('staff', file, 'people.csv', 'commit').expect(200);
      expect(res.body).toMatchObject({ rows: 2, create: 2, errors: [] });
      const hana = (
        await t.http().get('/api/v1/staff?q=20001').set(bearer(d.tokens.admin)).expect(200)
      ).body.items[0];
      expect(hana).toMatchObject({ employeeId: '20001', hireDate: '2024-02-29' });
      expect(res.body.preview[1]).toMatchObject({ line: 4, values: { Name: 'Ivo Petrov' } });
    });

    it('accepts a byte order mark, semicolons and other header spellings', async () => {
      const file = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          'employee_id;NAME;E-mail;Team;Role;Status;Hire Date\n' +
            'E-300;Zoë Ångström;zoe.a@example.org;Coding;Medical Coder;active;2020-01-02\n',
        ),
      ]);
      const res = await upload('staff', file, 'semi.csv').expect(200);
      expect(res.body).toMatchObject({ errors: [], create: 1 });
      expect(res.body.preview[0].values.Name).toBe('Zoë Ångström');
    });
  });

  describe('credentials, CE activities and assessments', () => {
    let ccs: string;

    beforeAll(async () => {
      ccs = await insertCredentialType(t, d.departmentId, 'CCS', 'AHIMA');
      await insertCredentialType(t, d.departmentId, 'RHIA', 'AHIMA');
      await insertSkill(t, d.departmentId, 'ICD-10-CM coding');
      await insertSkill(t, d.departmentId, 'HIPAA privacy');
      // members E-200 (the staff account's member) and E-201 (the manager's)
      await t.dataSource.query(`UPDATE staff SET employee_id = 'E-200' WHERE id = $1`, [
        d.staffStaffId,
      ]);
      await t.dataSource.query(`UPDATE staff SET employee_id = 'E-201' WHERE id = $1`, [
        d.managerStaffId,
      ]);
    });

    const credentialCsv = (rows: string[]) =>
      Buffer.from(
        [
          'Employee ID,Credential type (code),Number,Issued on,Expires on,Verification method,Verified on',
          ...rows,
        ].join('\n'),
      );

    it('imports credentials keyed by (type, number): create, unchanged on re-import, update of the dates', async () => {
      const file = credentialCsv([
        'E-200,CCS,CCS-111,2024-07-01,2026-06-30,primary-source,2024-07-15',
        'E-201,rhia,RHIA-222,2023-01-01,,,',
      ]);
      const res = await upload('credentials', file, 'creds.csv', 'commit').expect(200);
      expect(res.body).toMatchObject({ create: 2, update: 0, errors: [] });
      const [created] = (
        await t
          .http()
          .get(`/api/v1/staff/${d.staffStaffId}/credentials`)
          .set(bearer(d.tokens.admin))
          .expect(200)
      ).body.items;
      expect(created).toMatchObject({
        credentialTypeId: ccs,
        number: 'CCS-111',
        issuedOn: '2024-07-01',
        expiresOn: '2026-06-30',
        verification: { method: 'primary-source', verifiedOn: '2024-07-15' },
      });
      const [admin] = await t.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [
        d.emails.admin,
      ]);
      expect(created.verification.verifiedByUserId).toBe(admin.id);

      const again = await upload('credentials', file, 'creds.csv', 'commit').expect(200);
      expect(again.body).toMatchObject({ create: 0, update: 0, unchanged: 2 });

      const renewed = await upload(
        'credentials',
        credentialCsv(['E-200,CCS,CCS-111,2024-07-01,2028-06-30,primary-source,2024-07-15']),
        'renewal.csv',
        'commit',
      ).expect(200);
      expect(renewed.body).toMatchObject({ update: 1 });
      expect(renewed.body.preview[0].changes).toEqual([
        { field: 'Expires on', from: '2026-06-30', to: '2028-06-30' },
      ]);
      const after = (
        await t
          .http()
          .get(`/api/v1/credentials/${created.id}`)
          .set(bearer(d.tokens.admin))
          .expect(200)
      ).body;
      expect(after).toMatchObject({ expiresOn: '2028-06-30', version: 2 });
    });

    it('reads CTR and ODS-C as the ODS type (NCRA renamed the credential)', async () => {
      const ods = await insertCredentialType(t, d.departmentId, 'ODS', 'NCRA');
      const res = await upload(
        'credentials',
        credentialCsv([
          'E-200,CTR,ODS-1,2024-01-01,2025-12-31,,',
          'E-201,ods-c,ODS-2,2024-01-01,2025-12-31,,',
        ]),
        'registrars.csv',
        'commit',
      ).expect(200);
      expect(res.body).toMatchObject({ create: 2, errors: [] });
      const rows = await t.dataSource.query(
        `SELECT number FROM credential WHERE credential_type_id = $1 ORDER BY number`,
        [ods],
      );
      expect(rows.map((r: { number: string }) => r.number)).toEqual(['ODS-1', 'ODS-2']);
    });

    it('imports the source of a verification (Verification source), and refuses one without a verification', async () => {
      const csv = (rows: string[]) =>
        Buffer.from(
          [
            'Employee ID,Credential type (code),Number,Issued on,Expires on,Verification method,Verified on,Verification source',
            ...rows,
          ].join('\n'),
        );
      const res = await upload(
        'credentials',
        csv(['E-200,CCS,SRC-1,2024-07-01,2026-06-30,primary-source,2024-07-15,AHIMA lookup 4471']),
        'src.csv',
        'commit',
      ).expect(200);
      expect(res.body).toMatchObject({ create: 1, errors: [] });
      const [row] = await t.dataSource.query(
        `SELECT verification_reference FROM credential WHERE number = 'SRC-1'`,
      );
      expect(row.verification_reference).toBe('AHIMA lookup 4471');
      const changed = await upload(
        'credentials',
        csv(['E-200,CCS,SRC-1,2024-07-01,2026-06-30,primary-source,2024-07-15,AHIMA lookup 5000']),
        'src2.csv',
        'commit',
      ).expect(200);
      expect(changed.body.preview[0].changes).toEqual([
        { field: 'Verification source', from: 'AHIMA lookup 4471', to: 'AHIMA lookup 5000' },
      ]);
      const bad = await upload(
        'credentials',
        csv([
          `E-200,CCS,SRC-2,2024-07-01,,,,lookup 1`,
          `E-200,CCS,SRC-3,2024-07-01,,primary-source,2024-07-02,${'x'.repeat(501)}`,
        ]),
        'src-bad.csv',
      ).expect(200);
      expect(
        bad.body.errors.map((e: { line: number; field: string }) => [e.line, e.field]),
      ).toEqual([
        [2, 'Verification source'],
        [3, 'Verification source'],
      ]);
    });

    it('refuses credential rows the API would refuse, each on its line', async () => {
      const res = await upload(
        'credentials',
        credentialCsv([
          'E-999,CCS,N-1,2024-07-01,2026-06-30,,',
          'E-200,XYZ,N-2,2024-07-01,,,',
          'E-200,CCS,N-3,2024-07-01,2023-01-01,,',
          'E-200,CCS,N-4,2024-07-01,,primary-source,',
          'E-201,CCS,CCS-111,2024-07-01,,,',
          'E-200,CCS,N-5,2024-07-01,,by-phone,2024-07-02',
          `E-200,CCS,N-6,2024-07-01,,certificate-copy,${daysFromToday(3)}`,
          'E-200,CCS,N-7,2024-07-01,,,',
          'E-200,ccs,N-7,2024-07-01,,,',
        ]),
        'bad-creds.csv',
      ).expect(200);
      expect(
        res.body.errors.map((e: { line: number; field: string }) => [e.line, e.field]),
      ).toEqual([
        [2, 'Employee ID'],
        [3, 'Credential type (code)'],
        [4, 'Expires on'],
        [5, 'Verified on'],
        [6, 'Employee ID'],
        [7, 'Verification method'],
        [8, 'Verified on'],
        [10, 'Number'],
      ]);
      expect(res.body.errors[0].message).toBe('no staff member has employee ID "E-999"');
      expect(res.body.errors[1].message).toContain('no credential type with code or name "XYZ"');
      expect(res.body.errors[2].message).toBe('must be on or after Issued on (2024-07-01)');
      expect(res.body.errors[4].message).toContain('belongs to Sam Staff (employee ID E-200)');
      expect(res.body.errors[5].message).toContain('must be one of the following values');
      expect(res.body.errors[6].message).toContain('must not be in the future');
      expect(res.body.create).toBe(1);
    });

    it('imports CE activities keyed by (employee, title, provider, completed on), linking credentials by number', async () => {
      const header =
        'Employee ID,Title,Provider,Completed on,Hours,Categories (semicolon-separated),Credential numbers';
      const file = Buffer.from(
        [
          header,
          'E-200,Coding Clinic Q1,AHIMA,2026-01-10,1.5,hiim-domain; AHIMA-provided,CCS-111',
          'E-201,Privacy webinar,AAPC,2026-01-12,2,,',
        ].join('\n'),
      );
      const res = await upload('ce-activities', file, 'ce.csv', 'commit').expect(200);
      expect(res.body).toMatchObject({ create: 2, errors: [] });
      const [activity] = (
        await t
          .http()
          .get(`/api/v1/staff/${d.staffStaffId}/ce-activities`)
          .set(bearer(d.tokens.admin))
          .expect(200)
      ).body.items;
      expect(activity).toMatchObject({
        title: 'Coding Clinic Q1',
        hours: 1.5,
        categories: ['hiim-domain', 'ahima-provided'],
        credentialIds: [expect.any(String)],
        status: 'submitted',
      });

      const again = await upload('ce-activities', file, 'ce.csv').expect(200);
      expect(again.body).toMatchObject({ create: 0, update: 0, unchanged: 2 });

      const changed = Buffer.from(
        [header, 'E-200,coding clinic Q1,ahima,2026-01-10,2,hiim-domain;ahima-provided,'].join(
          '\n',
        ),
      );
      const dry = await upload('ce-activities', changed, 'ce.csv').expect(200);
      expect(dry.body).toMatchObject({ update: 1, create: 0 });
      expect(dry.body.preview[0].changes).toEqual([
        { field: 'Title', from: 'Coding Clinic Q1', to: 'coding clinic Q1' },
        { field: 'Provider', from: 'AHIMA', to: 'ahima' },
        { field: 'Hours', from: '1.5', to: '2' },
        { field: 'Credential numbers', from: 'CCS-111', to: null },
      ]);
      await upload('ce-activities', changed, 'ce.csv', 'commit').expect(200);
      const updated = (
        await t
          .http()
          .get(`/api/v1/ce-activities/${activity.id}`)
          .set(bearer(d.tokens.admin))
          .expect(200)
      ).body;
      expect(updated).toMatchObject({ hours: 2, credentialIds: [], version: 2 });
    });

    it("approves CE at once only for a reviewer of the member's team, never for oneself", async () => {
      const file = Buffer.from(
        [
          'Employee ID,Title,Provider,Completed on,Hours,Status',
          'E-200,Audit basics,AHIMA,2026-01-15,1,approved',
          'E-201,Own course,AHIMA,2026-01-15,1,approved',
          `E-200,Future course,AHIMA,${daysFromToday(5)},1,`,
          'E-200,Bad hours,AHIMA,2026-01-15,0.333,',
        ].join('\n'),
      );
      const res = await upload(
        'ce-activities',
        file,
        'ce2.csv',
        'dry-run',
        d.tokens.manager,
      ).expect(200);
      expect(res.body.errors).toEqual([
        {
          line: 3,
          field: 'Status',
          message: expect.stringContaining('may not approve your own activity'),
        },
        {
          line: 4,
          field: 'Completed on',
          message: expect.stringContaining('must not be in the future'),
        },
        { line: 5, field: 'Hours', message: 'must have at most two decimals (got "0.333")' },
      ]);
      expect(res.body.preview[0].values.Status).toBe('approved');
    });

    it('imports assessments keyed by (employee, skill, assessed on, source); a changed level is a correction', async () => {
      const header = 'Employee ID,Skill,Level,Assessed on,Source,Note';
      const file = Buffer.from(
        [
          header,
          'E-200,ICD-10-CM coding,3,2026-01-15,manager,annual review',
          'E-200,hipaa privacy,Proficient,2026-01-15,Manager,',
        ].join('\n'),
      );
      const res = await upload('assessments', file, 'a.csv', 'commit').expect(200);
      expect(res.body).toMatchObject({ create: 2, errors: [] });
      expect(await countRows(t, 'assessment')).toBe(2);
      const again = await upload('assessments', file, 'a.csv', 'commit').expect(200);
      expect(again.body).toMatchObject({ unchanged: 2, create: 0, update: 0 });

      const corrected = Buffer.from(
        [header, 'E-200,ICD-10-CM coding,4,2026-01-15,manager,annual review'].join('\n'),
      );
      const fix = await upload('assessments', corrected, 'a.csv', 'commit').expect(200);
      expect(fix.body).toMatchObject({ update: 1 });
      expect(fix.body.preview[0].changes).toEqual([{ field: 'Level', from: '3', to: '4' }]);
      const history = (
        await t
          .http()
          .get(`/api/v1/staff/${d.staffStaffId}/assessments`)
          .set(bearer(d.tokens.admin))
          .expect(200)
      ).body.items;
      expect(history.map((a: { level: number }) => a.level)).toEqual([4, 3, 3]);
      const after = await upload('assessments', corrected, 'a.csv').expect(200);
      expect(after.body).toMatchObject({ unchanged: 1 });

      const bad = await upload(
        'assessments',
        Buffer.from(
          [
            header,
            'E-200,ICD-10-CM coding,5,2026-01-16,manager,',
            'E-200,ICD-10-CM coding,2,2026-01-16,self,',
            'E-200,Cooking,2,2026-01-16,manager,',
          ].join('\n'),
        ),
        'bad.csv',
      ).expect(200);
      expect(bad.body.errors).toEqual([
        { line: 2, field: 'Level', message: 'must not be greater than 4 (got "5")' },
        {
          line: 3,
          field: 'Source',
          message: "a 'self' assessment can only be recorded by the member themselves",
        },
        { line: 4, field: 'Skill', message: expect.stringContaining('no skill named "Cooking"') },
      ]);
    });
  });

  describe('templates', () => {
    it('serves a CSV template with the header row and an example row', async () => {
      const res = await t
        .http()
        .get('/api/v1/import/credentials/template?format=csv')
        .set(bearer(d.tokens.manager))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain('credentials-import-template.csv');
      const text = (res.body as Buffer).toString('utf8');
      expect(text.split(/\r?\n/)[0]).toBe(
        '\uFEFF"Employee ID","Credential type (code)","Number","Issued on","Expires on","Verification method","Verified on","Verification source"',
      );
      expect(text.split(/\r?\n/)[1]).toBe(
        '"E-10442","CCS","12345678","2024-07-01","2026-06-30","primary-source","2024-07-15","AHIMA credential verification, confirmation 88213"',
      );
    });

    it.each(['staff', 'credentials', 'ce-activities', 'assessments'])(
      'serves an XLSX template for %s that the import reads back',
      async (kind) => {
        const res = await t
          .http()
          .get(`/api/v1/import/${kind}/template?format=xlsx`)
          .set(bearer(d.tokens.admin))
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(res.body);
        expect(workbook.worksheets.map((w) => w.name)[1]).toBe('Columns');
        // the header is accepted as it is (only example values may be unknown here)
        const dry = await upload(kind, res.body, `template.xlsx`).expect(200);
        expect(dry.body.rows).toBe(1);
      },
    );

    it('answers 400 for an unknown kind or format', async () => {
      await t.http().get('/api/v1/import/people/template').set(bearer(d.tokens.admin)).expect(400);
      await t
        .http()
        .get('/api/v1/import/staff/template?format=pdf')
        .set(bearer(d.tokens.admin))
        .expect(400);
    });
  });

  describe('malformed files: a clear 400 and nothing written', () => {
    const expect400 = async (file: Buffer, name: string, message: string | RegExp) => {
      const staffBefore = await departmentRows('staff');
      const res = await upload('staff', file, name, 'commit').expect(400);
      expect(res.body.message.join(' ')).toMatch(message);
      expect(await departmentRows('staff')).toBe(staffBefore);
    };

    it('a PNG named .csv', async () => {
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(200, 7),
      ]);
      await expect400(png, 'staff.csv', 'not a CSV or XLSX file (it looks like a PNG image)');
    });

    it('random bytes', async () => {
      const bytes = Buffer.alloc(4096);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
      await expect400(bytes, 'staff.csv', 'not a CSV or XLSX file');
    });

    it('text that is not UTF-8 (Latin-1)', async () => {
      const latin1 = Buffer.from(
        `${STAFF_HEADER}\nE-1,Zoé Roy,zoe@example.org,Coding,Medical Coder,active,2020-01-01\n`,
        'latin1',
      );
      await expect400(latin1, 'staff.csv', 'file is not UTF-8 text');
    });

    it('UTF-16 text', async () => {
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(STAFF_HEADER, 'utf16le'),
      ]);
      await expect400(utf16, 'staff.csv', 'file is not UTF-8 text (it is UTF-16)');
    });

    it('a missing or an unknown column', async () => {
      await expect400(
        Buffer.from(
          'Name,Email,Team,Role,Status,Hire date\nA,a@example.org,Coding,Medical Coder,active,2020-01-01\n',
        ),
        'staff.csv',
        'missing column Employee ID',
      );
      await expect400(staffCsvWith('Shoe size'), 'staff.csv', 'unknown column "Shoe size"');
    });

    it('a header and no data rows', async () => {
      await expect400(Buffer.from(`${STAFF_HEADER}\n\n,,,\n`), 'staff.csv', 'no data rows');
    });

    it('an empty file, an unclosed quote, a ZIP that is no workbook', async () => {
      await expect400(Buffer.alloc(0), 'staff.csv', 'the file is empty');
      await expect400(
        Buffer.from(
          `${STAFF_HEADER}\nE-1,"Ana,ana@example.org,Coding,Medical Coder,active,2020-01-01\n`,
        ),
        'staff.csv',
        'a quoted value is never closed',
      );
      const zip = Buffer.from(
        // a ZIP holding one empty a.txt
        'UEsDBBQAAAAAAFsWeF0AAAAAAAAAAAAAAAAFAAAAYS50eHRQSwECFAMUAAAAAABbFnhdAAAAAAAAAAAAAAAABQAAAAAAAAAAAAAAgAEAAAAAYS50eHRQSwUGAAAAAAEAAQAzAAAAIwAAAAAA',
        'base64',
      );
      await expect400(zip, 'staff.xlsx', 'a ZIP archive without an Excel workbook');
    });

    it('a value under a column without a header is a row problem', async () => {
      const res = await upload(
        'staff',
        Buffer.from(
          `${STAFF_HEADER}\nE-900,Al Bo,al.bo@example.org,Coding,Medical Coder,active,2020-01-01,extra\n`,
        ),
        'staff.csv',
      ).expect(200);
      expect(res.body.errors).toEqual([
        {
          line: 2,
          field: 'Column H',
          message: 'has a value ("extra") but the column has no header',
        },
      ]);
    });

    it('no file at all, or a JSON body', async () => {
      const res = await t
        .http()
        .post('/api/v1/import/staff')
        .set(bearer(d.tokens.admin))
        .send({ rows: [] })
        .expect(400);
      expect(res.body.message).toEqual([
        'file: attach the CSV or XLSX file as the multipart form field "file"',
      ]);
      await t
        .http()
        .post('/api/v1/import/staff?mode=yes')
        .set(bearer(d.tokens.admin))
        .attach('file', staffCsv([]), 'x.csv')
        .expect(400);
    });

    it('a file over IMPORT_MAX_BYTES (20 MB) answers 413', async () => {
      const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
      const res = await upload('staff', big, 'big.csv', 'commit').expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(res.body.message[0]).toContain('larger than the 20 MB');
    });
  });

  describe('writes', () => {
    it('stops with 409 and writes nothing when a record changed after it was read', async () => {
      const [member] = await t.dataSource.query(`SELECT id, version FROM staff WHERE id = $1`, [
        d.otherStaffId,
      ]);
      const attempt = t.dataSource.transaction(async (em) => {
        await updateVersionedRows(
          em,
          'staff',
          'staff member',
          ['name::text'],
          [[member.id, member.version + 5, 'Stale Write']],
        );
      });
      await expect(attempt).rejects.toBeInstanceOf(ConflictException);
      const [after] = await t.dataSource.query(`SELECT name, version FROM staff WHERE id = $1`, [
        d.otherStaffId,
      ]);
      expect(after).toEqual({ name: 'Olga Other', version: member.version });
    });
  });

  describe('access', () => {
    it('refuses staff with 403 and a missing token with 401', async () => {
      const file = staffCsv(['E-1,A B,ab@example.org,Coding,Medical Coder,active,2020-01-01']);
      await upload('staff', file, 'x.csv', 'dry-run', d.tokens.staff).expect(403);
      await upload('assessments', file, 'x.csv', 'dry-run', d.tokens.staff).expect(403);
      await t.http().get('/api/v1/import/staff/template').set(bearer(d.tokens.staff)).expect(403);
      await t.http().post('/api/v1/import/staff').attach('file', file, 'x.csv').expect(401);
      await upload('staff', file, 'x.csv', 'dry-run', d.tokens.manager).expect(200);
    });

    it("reads only the caller's department", async () => {
      const other = await createDepartment(t, 'other');
      const res = await upload(
        'credentials',
        Buffer.from(
          'Employee ID,Credential type (code),Number,Issued on\nE-200,CCS,X-1,2024-01-01\n',
        ),
        'c.csv',
        'dry-run',
        other.tokens.admin,
      ).expect(200);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'Employee ID',
        'Credential type (code)',
      ]);
    });
  });
});

function staffCsvWith(extraColumn: string): Buffer {
  return Buffer.from(
    `${STAFF_HEADER},${extraColumn}\nE-1,A B,ab@example.org,Coding,Medical Coder,active,2020-01-01,42\n`,
  );
}
