import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { AuditEvent, CeGroup, ReadinessResponse } from '@him/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { buildDemoDepartment } from '../src/seed/demo-department';
import { DEMO_LOGINS, loadDemoDepartment } from '../src/seed/seed-demo';
import { bearer } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

const run = promisify(execFile);

/** A fixed "today" for the demo department: every demo date is an offset from it. */
const TODAY = '2026-05-01';
const TOOLS_PDF_TEXT = resolve(__dirname, '../../../tools/pdf-text.mjs');
const ODD_NAME = 'O\'Brien, "Pat"';
const EMOJI_NAME = 'Zoë Ng 🌟';

interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** CSV row as the header names it. */
type CsvRow = Record<string, string>;

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `expiring` + days as the PDF says it. */
function statusInWords(status: string, days: string): string {
  if (status === 'expiring')
    return days === '0'
      ? 'expiring today'
      : days === '1'
        ? 'expiring in 1 day'
        : `expiring in ${days} days`;
  return status;
}

describe('GET /reports/compliance (DOMAIN.md, Reports)', () => {
  let t: TestApp;
  let departmentId: string;
  let ids: Map<string, string>;
  const tokens: Record<'admin' | 'manager' | 'staff', string> = {
    admin: '',
    manager: '',
    staff: '',
  };
  let oddStaffId: string;
  let emojiStaffId: string;
  let dir: string;

  const download = async (token: string, query: string): Promise<Download> => {
    const res: Response = await t
      .http()
      .get(`/api/v1/reports/compliance?${query}`)
      .set(bearer(token))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    if (process.env['KEEP_REPORTS_DIR'] && res.status === 200) {
      const name =
        /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))?.[1] ?? 'x';
      writeFileSync(join(process.env['KEEP_REPORTS_DIR'], name), res.body as Buffer);
    }
    return {
      status: res.status,
      headers: res.headers as Record<string, string>,
      body: res.body as Buffer,
    };
  };
  const ok = async (token: string, query: string): Promise<Download> => {
    const d = await download(token, query);
    if (d.status !== 200) throw new Error(`${query}: ${d.status} ${d.body.toString('utf8')}`);
    return d;
  };
  const csvRows = (d: Download): { header: string[]; rows: CsvRow[] } => {
    const records: string[][] = parse(d.body, { bom: true, relax_column_count: false });
    const [header, ...rest] = records;
    return { header, rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
  };
  const xlsx = async (d: Download): Promise<ExcelJS.Workbook> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(d.body as unknown as ArrayBuffer);
    return workbook;
  };
  /** A sheet's rows as objects keyed by the header row's texts. */
  const sheetRows = (sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] => {
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    const rows: Record<string, ExcelJS.CellValue>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    return rows;
  };
  let pdfCount = 0;
  const pdfPages = async (d: Download): Promise<string[]> => {
    const file = join(dir, `report-${++pdfCount}.pdf`);
    writeFileSync(file, d.body);
    const { stdout } = await run(process.execPath, [TOOLS_PDF_TEXT, file], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as string[];
  };
  const get = async <T>(token: string, path: string): Promise<T> =>
    (await t.http().get(`/api/v1${path}`).set(bearer(token)).expect(200)).body as T;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'him-reports-'));
    t = await createTestApp();
    const demo = buildDemoDepartment(TODAY);
    ({ departmentId, ids } = await t.dataSource.transaction((em) => loadDemoDepartment(em, demo)));
    // A member whose name needs CSV quoting and who holds no credentials, and one whose name
    // the PDF's standard font cannot draw in full.
    const [{ id: odd }] = await t.dataSource.query(
      `INSERT INTO staff (department_id, team_id, role_id, name, email, employee_id, status, hire_date)
       VALUES ($1, $2, $3, $4, 'pat.obrien@riverside-demo.org', '=E99999', 'active', '2024-02-01') RETURNING id`,
      [departmentId, ids.get('team:coding'), ids.get('role:records-clerk'), ODD_NAME],
    );
    oddStaffId = odd;
    const [{ id: emoji }] = await t.dataSource.query(
      `INSERT INTO staff (department_id, team_id, role_id, name, email, employee_id, status, hire_date)
       VALUES ($1, $2, $3, $4, 'zoe.ng@riverside-demo.org', 'E99998', 'active', '2024-02-01') RETURNING id`,
      [departmentId, ids.get('team:roi'), ids.get('role:records-clerk'), EMOJI_NAME],
    );
    emojiStaffId = emoji;
    for (const login of DEMO_LOGINS) {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: login.email, password: login.password })
        .expect(200);
      tokens[login.role] = res.body.accessToken;
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('CSV', () => {
    let d: Download;
    let header: string[];
    let rows: CsvRow[];
    beforeAll(async () => {
      d = await ok(tokens.manager, `asOf=${TODAY}&format=csv`);
      ({ header, rows } = csvRows(d));
    });

    it('is UTF-8 text with a BOM, a header row first, and a download name that says what it is', () => {
      expect(d.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(d.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const firstLine = d.body.subarray(3).toString('utf8').split('\r\n')[0];
      expect(
        firstLine.startsWith(
          '"Department","Scope","As of","Generated at","Generated by","Projection","Member","Employee ID","Team","Role","Status","Ready"',
        ),
      ).toBe(true);
      expect(d.headers['content-disposition']).toBe(
        `attachment; filename="compliance-riverside-regional-medical-center-health-department-${TODAY}.csv"`,
      );
      expect(d.headers['x-report-as-of']).toBe(TODAY);
      expect(d.headers['x-report-generated-at']).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
      );
      expect(Math.abs(Date.parse(d.headers['x-report-generated-at']) - Date.now())).toBeLessThan(
        5 * 60_000,
      );
      expect(d.headers['x-report-generated-by']).toBe('manager@riverside-demo.org');
      expect(header).toEqual(
        expect.arrayContaining([
          'Credential code',
          'Credential status',
          'Days to expiry',
          'Verified',
          'Verification method',
          'Verified on',
          'Verified by',
          'Issued on',
          'Expires on',
          'CE required',
          'CE earned',
          'CE pending',
          'CE status',
        ]),
      );
    });

    it('has one row per member-credential, a row for a member without credentials, and no terminated member (R1)', async () => {
      const staff: { id: string; name: string; status: string }[] = await t.dataSource.query(
        `SELECT id, name, status FROM staff WHERE department_id = $1`,
        [departmentId],
      );
      const credentialCounts: { staff_id: string; n: number }[] = await t.dataSource.query(
        `SELECT staff_id, count(*)::int AS n FROM credential WHERE department_id = $1 GROUP BY staff_id`,
        [departmentId],
      );
      const counts = new Map(credentialCounts.map((c) => [c.staff_id, c.n]));
      const nonTerminated = staff.filter((s) => s.status !== 'terminated');
      expect(rows).toHaveLength(
        nonTerminated.reduce((sum, s) => sum + Math.max(1, counts.get(s.id) ?? 0), 0),
      );
      expect(new Set(rows.map((r) => r['Member']))).toEqual(
        new Set(nonTerminated.map((s) => s.name)),
      );
      expect(rows.some((r) => r['Member'] === 'Olivia Brennan')).toBe(false);

      const odd = rows.filter((r) => r['Member'] === ODD_NAME);
      expect(odd).toHaveLength(1);
      expect(odd[0]['Credential code']).toBe('');
      expect(odd[0]['Credential status']).toBe('');
      // a cell that Excel would run as a formula is defused
      expect(odd[0]['Employee ID']).toBe("'=E99999");
      // RFC 4180: every field is quoted and quotes are doubled in the raw text
      expect(d.body.toString('utf8')).toContain(`"O'Brien, ""Pat""","'=E99999","Coding",`);
      expect(rows.find((r) => r['Member'] === 'Kevin Nguyen')?.['Status']).toBe('on leave');
      expect(rows.find((r) => r['Member'] === 'Kevin Nguyen')?.['Ready']).toBe('');
    });

    it('writes dates as YYYY-MM-DD, statuses as words and flags unverified credentials', () => {
      for (const row of rows) {
        for (const column of [
          'Issued on',
          'Expires on',
          'Verified on',
          'Revoked on',
          'CE cycle end',
        ]) {
          expect(row[column]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
        }
        expect(['', 'current', 'expiring', 'expired', 'revoked', 'not yet valid']).toContain(
          row['Credential status'],
        );
        if (row['Credential code']) expect(['yes', 'no']).toContain(row['Verified']);
        if (row['Verified'] === 'yes')
          expect(row['Verified by']).toBe('Margaret Okonkwo, Director of HIM');
        if (row['Credential status'] === 'expiring')
          expect(Number(row['Days to expiry'])).toBeLessThanOrEqual(90);
      }
      const statuses = new Set(rows.map((r) => r['Credential status']));
      for (const status of ['current', 'expiring', 'expired']) expect(statuses).toContain(status);
      expect(rows.some((r) => r['Verified'] === 'no')).toBe(true);
    });

    it('agrees with /readiness (R6) and /ce-status (R15) for the same date', async () => {
      const readiness = await get<ReadinessResponse>(tokens.manager, `/readiness?asOf=${TODAY}`);
      const byName = new Map(rows.map((r) => [r['Member'], r]));
      for (const member of readiness.members) {
        const row = byName.get(member.name);
        expect(row).toBeDefined();
        expect([row?.['Ready'], row?.['Requirements met'], row?.['Requirements total']]).toEqual([
          member.ready ? 'yes' : 'no',
          String(member.met),
          String(member.total),
        ]);
      }
      for (const member of readiness.onLeave)
        expect(byName.get(member.name)?.['Status']).toBe('on leave');

      const groups = await get<CeGroup[]>(tokens.manager, `/ce-status?asOf=${TODAY}`);
      const names = new Map(
        [...readiness.members, ...readiness.onLeave].map((m) => [m.staffId, m.name]),
      );
      const withCe = rows.filter((r) => r['CE body']);
      expect(withCe.length).toBeGreaterThan(10);
      for (const group of groups) {
        for (const code of group.credentialTypeCodes) {
          const row = rows.find(
            (r) => r['Member'] === names.get(group.staffId) && r['Credential code'] === code,
          );
          expect([
            row?.['CE body'],
            row?.['CE cycle end'],
            row?.['CE required'],
            row?.['CE earned'],
            row?.['CE pending'],
            row?.['CE status'],
          ]).toEqual([
            group.issuingBody,
            group.cycleEnd,
            String(group.required),
            String(group.earned),
            String(group.pending),
            group.status.replace(/-/g, ' '),
          ]);
        }
      }
      expect(withCe).toHaveLength(groups.reduce((sum, g) => sum + g.credentialIds.length, 0));
    });
  });

  describe('XLSX', () => {
    let workbook: ExcelJS.Workbook;
    let d: Download;
    beforeAll(async () => {
      d = await ok(tokens.manager, `asOf=${TODAY}&format=xlsx`);
      workbook = await xlsx(d);
    });

    it('has a sheet per section, each with a bold frozen header row and an auto-filter', () => {
      expect(d.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(d.headers['content-disposition']).toMatch(
        /filename="compliance-.*-department-2026-05-01\.xlsx"$/,
      );
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'Summary',
        'Staff',
        'Credentials',
        'CE',
        'Coverage gaps',
        'Teams',
        'Competence',
      ]);
      for (const sheet of workbook.worksheets) {
        expect(sheet.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
        expect(sheet.autoFilter).toBeTruthy();
        expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
        expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(8);
      }
    });

    it('stores dates as real dates and percentages as numbers in % format', () => {
      const credentials = workbook.getWorksheet('Credentials') as ExcelJS.Worksheet;
      const issued = credentials.getRow(2).getCell(17);
      expect(credentials.getRow(1).getCell(17).value).toBe('Issued on');
      expect(issued.value).toBeInstanceOf(Date);
      expect(issued.numFmt).toBe('yyyy-mm-dd');
      const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
      const asOf = summary.getRow(4).getCell(2);
      expect(summary.getRow(4).getCell(1).value).toBe('As of');
      expect((asOf.value as Date).toISOString()).toBe(`${TODAY}T00:00:00.000Z`);
      const ready = summary.getRow(9).getCell(2);
      expect(summary.getRow(9).getCell(1).value).toBe('Staff ready');
      expect(typeof ready.value).toBe('number');
      expect(ready.numFmt).toBe('0.0%');
    });

    it('carries the same figures as /readiness on the Summary sheet', async () => {
      const readiness = await get<ReadinessResponse>(tokens.manager, `/readiness?asOf=${TODAY}`);
      const summary = new Map(
        sheetRows(workbook.getWorksheet('Summary') as ExcelJS.Worksheet).map((r) => [
          r['Figure'],
          r['Value'],
        ]),
      );
      expect(summary.get('Department')).toBe(
        'Riverside Regional Medical Center — Health Information Management',
      );
      expect(summary.get('Scope')).toBe('Department');
      expect(summary.get('Generated by')).toBe('Denise Carter, HIM Manager');
      expect(summary.get('Projection')).toBe('no');
      expect(summary.get('Staff ready')).toBe(readiness.staffReadyPct);
      expect(summary.get('Requirements met')).toBe(readiness.requirementsMetPct);
      expect(summary.get('Coverage targets met')).toBe(readiness.targetsMet.met);
      expect(summary.get('Coverage targets')).toBe(readiness.targetsMet.total);
      expect(summary.get('Active staff')).toBe(readiness.members.length);
      expect(summary.get('On leave (listed, not counted)')).toBe(readiness.onLeave.length);

      const teams = sheetRows(workbook.getWorksheet('Teams') as ExcelJS.Worksheet);
      expect(
        teams.map((r) => [
          r['Team'],
          r['Staff ready'],
          r['Requirements met'],
          r['Targets met'],
          r['Targets'],
        ]),
      ).toEqual(
        readiness.teams.map((team) => [
          team.name,
          team.staffReadyPct,
          team.requirementsMetPct,
          team.targetsMet.met,
          team.targetsMet.total,
        ]),
      );
      const coverage = sheetRows(workbook.getWorksheet('Coverage gaps') as ExcelJS.Worksheet);
      expect(coverage.filter((r) => r['Kind'] === 'coverage target').map((r) => r['Gap'])).toEqual(
        readiness.targets.map((x) => x.gap),
      );
      expect(coverage.filter((r) => r['Kind'] === 'single point of failure')).toHaveLength(
        readiness.singlePointsOfFailure.length,
      );
      expect(readiness.singlePointsOfFailure.length).toBeGreaterThan(0);
    });

    it('CE sheet matches /ce-status (R15)', async () => {
      const groups = await get<CeGroup[]>(tokens.manager, `/ce-status?asOf=${TODAY}`);
      const ce = sheetRows(workbook.getWorksheet('CE') as ExcelJS.Worksheet);
      expect(ce).toHaveLength(groups.length);
      // both are in member-name order, then body, then cycle end
      const readiness = await get<ReadinessResponse>(tokens.manager, `/readiness?asOf=${TODAY}`);
      const names = new Map(
        [...readiness.members, ...readiness.onLeave].map((m) => [m.staffId, m.name]),
      );
      const key = (name: unknown, body: unknown, end: unknown) => `${name}|${body}|${end}`;
      const sheet = new Map(
        ce.map((r) => [
          key(r['Member'], r['Issuing body'], (r['Cycle end'] as Date).toISOString().slice(0, 10)),
          r,
        ]),
      );
      for (const group of groups) {
        const row = sheet.get(key(names.get(group.staffId), group.issuingBody, group.cycleEnd));
        expect([
          row?.['Required'],
          row?.['Earned'],
          row?.['Pending'],
          row?.['Remaining'],
          row?.['Status'],
          row?.['Hours expected by as-of date (pace)'],
        ]).toEqual([
          group.required,
          group.earned,
          group.pending,
          group.remaining,
          group.status.replace(/-/g, ' '),
          group.pace,
        ]);
      }
    });
  });

  describe('PDF', () => {
    let pages: string[];
    let d: Download;
    beforeAll(async () => {
      d = await ok(tokens.manager, `asOf=${TODAY}&format=pdf`);
      pages = await pdfPages(d);
    });

    it('puts the header block on every page and numbers the pages "Page n of m"', () => {
      expect(d.headers['content-type']).toBe('application/pdf');
      expect(d.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(d.body.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
      expect(pages.length).toBeGreaterThan(2);
      pages.forEach((page, i) => {
        const text = words(page);
        expect(text).toContain('Riverside Regional Medical Center — Health Information Management');
        expect(text).toContain(`Scope: Department | As of ${TODAY}`);
        expect(text).toMatch(
          /Generated \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2} by Denise Carter, HIM Manager/,
        );
        expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      });
    });

    it('has the five sections, every member, and statuses in words', () => {
      const text = words(pages.join(' '));
      const sections = [
        'Summary figures',
        'Staff readiness',
        'Credentials',
        'CE status',
        'Coverage gaps and single points of failure',
      ];
      let at = 0;
      for (const section of sections) {
        at = text.indexOf(section, at);
        expect([section, at >= 0]).toEqual([section, true]);
      }
      for (const name of [
        'Miguel Álvarez',
        'José Ramírez',
        'André Dubois',
        'Kevin Nguyen',
        ODD_NAME,
      ])
        expect(text).toContain(name);
      expect(text).not.toContain('Olivia Brennan');
      expect(text).toMatch(/expiring in \d+ days/);
      expect(text).toContain('expired');
      // an expired AHIMA credential says where it stands with the body (its CE rule's states)
      expect(text).toMatch(/expired — inactive until \d{4}-\d{2}-\d{2}, can still be reinstated/);
      expect(text).toContain('unverified');
      expect(text).toContain('not counted (on leave)');
      expect(text).toContain('none on record');
      // the emoji cannot be drawn in Helvetica: it becomes "?" rather than garbage
      expect(text).toContain('Zoë Ng ?');
    });

    it('A4 on request', async () => {
      const a4 = await ok(
        tokens.manager,
        `asOf=${TODAY}&format=pdf&paper=a4&teamId=${ids.get('team:cdi')}`,
      );
      expect(a4.body.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
      expect(a4.headers['content-disposition']).toBe(
        `attachment; filename="compliance-riverside-regional-medical-center-health-team-clinical-documentation-integrity-${TODAY}.pdf"`,
      );
    });
  });

  it('the CSV and the XLSX say beside each expired credential where it stands with its issuing body (R18)', async () => {
    // An independent reading of R18 and credentials.md's defaults: the states start the day after
    // expiry; AHIMA inactive 180 days, AAPC grace 90, ACDIS grace 45, then revoked; NCRA none.
    const STEPS: Record<string, { state: string; days: number } | undefined> = {
      AHIMA: { state: 'inactive', days: 180 },
      AAPC: { state: 'grace', days: 90 },
      ACDIS: { state: 'grace', days: 45 },
    };
    const plusDays = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const iso = (value: ExcelJS.CellValue) =>
      value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
    const expected = (body: string, expiresOn: string) => {
      const step = STEPS[body];
      if (!step) return 'expired';
      const until = plusDays(expiresOn, step.days);
      return TODAY <= until
        ? `expired — ${step.state} until ${until}, can still be reinstated`
        : `expired — revoked by the issuing body since ${plusDays(until, 1)}`;
    };

    const workbook = await xlsx(await ok(tokens.manager, `asOf=${TODAY}&format=xlsx`));
    const sheet = workbook.getWorksheet('Credentials') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(header.indexOf('After expiry')).toBe(header.indexOf('Status') + 1);
    const credentials = sheetRows(sheet);
    const expired = credentials.filter((r) => r['Status'] === 'expired');
    expect(expired.length).toBeGreaterThan(0);
    for (const row of credentials) {
      expect([row['Member'], row['Code'], row['After expiry']]).toEqual([
        row['Member'],
        row['Code'],
        row['Status'] === 'expired'
          ? expected(String(row['Issuing body']), iso(row['Expires on']))
          : null,
      ]);
    }
    // the demo shows an AHIMA credential in its inactive state (issue 10)
    expect(
      expired.some((r) =>
        /^expired — inactive until \d{4}-\d{2}-\d{2}, can still be reinstated$/.test(
          String(r['After expiry']),
        ),
      ),
    ).toBe(true);

    // the CSV, parsed by csv-parse, says the same beside the same credentials, in the same order
    const { header: csvHeader, rows } = csvRows(
      await ok(tokens.manager, `asOf=${TODAY}&format=csv`),
    );
    expect(csvHeader.indexOf('After expiry')).toBe(csvHeader.indexOf('Credential status') + 1);
    const csv = rows
      .filter((r) => r['Credential code'])
      .map((r) => [r['Member'], r['Credential code'], r['Credential status'], r['After expiry']]);
    expect(csv).toEqual(
      credentials.map((r) => [r['Member'], r['Code'], r['Status'], r['After expiry'] ?? '']),
    );
    expect(rows.filter((r) => !r['Credential code']).every((r) => r['After expiry'] === '')).toBe(
      true,
    );
  });

  it('the three formats carry the same (member, credential, status) in the same order', async () => {
    const { rows } = csvRows(await ok(tokens.manager, `asOf=${TODAY}&format=csv`));
    const csv = rows
      .filter((r) => r['Credential code'])
      .map((r) => [r['Member'], r['Credential code'], r['Credential status'], r['Days to expiry']]);

    const workbook = await xlsx(await ok(tokens.manager, `asOf=${TODAY}&format=xlsx`));
    const sheet = sheetRows(workbook.getWorksheet('Credentials') as ExcelJS.Worksheet).map((r) => [
      r['Member'],
      r['Code'],
      r['Status'],
      r['Days to expiry'] === null ? '' : String(r['Days to expiry']),
    ]);
    expect(sheet).toEqual(csv);
    const staffSheet = sheetRows(workbook.getWorksheet('Staff') as ExcelJS.Worksheet).map(
      (r) => r['Member'],
    );
    expect(staffSheet).toEqual([...new Set(rows.map((r) => r['Member']))]);

    // PDF: the credentials section holds, in order, each member's name, code and status in words
    const text = words(
      (await pdfPages(await ok(tokens.manager, `asOf=${TODAY}&format=pdf`))).join(' '),
    );
    const section = text.slice(text.indexOf('Status on'), text.indexOf('CE status'));
    let at = 0;
    for (const [member, code, status, days] of csv) {
      for (const part of [member, ` ${code} `, statusInWords(status, days)]) {
        const found = section.indexOf(part, at);
        if (found < 0)
          throw new Error(`PDF lacks "${part}" for ${member} ${code} after position ${at}`);
        at = found + part.length;
      }
    }
  });

  describe('what a surveyor reads', () => {
    const RULE_NUMBER = /\bR\d{1,2}\b/;
    const CATEGORY_CODE = /hiim-domain|ahima-provided|ctr-category-a/;
    const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;

    it('the PDF speaks in words: no rule numbers, no category codes, no e-mail, pace explained', async () => {
      const pages = await pdfPages(await ok(tokens.manager, `asOf=${TODAY}&format=pdf`));
      const text = words(pages.join(' '));
      expect(text).not.toMatch(RULE_NUMBER);
      expect(text).not.toMatch(CATEGORY_CODE);
      expect(text).not.toMatch(EMAIL);
      expect(text).toContain('HIIM domains:');
      expect(text).toMatch(/\d+(\.\d+)? \(\d+(\.\d+)? h expected by 2026-05-01\)/);
      expect(text).toContain('Pace: the hours a steady pace');
      expect(text).toContain('by Margaret Okonkwo, Director of HIM');
    });

    it('the CSV and the XLSX carry no rule number, category code or e-mail either', async () => {
      const csv = (await ok(tokens.manager, `asOf=${TODAY}&format=csv`)).body.toString('utf8');
      expect(csv).not.toMatch(RULE_NUMBER);
      expect(csv).not.toMatch(CATEGORY_CODE);
      expect(csv).not.toMatch(EMAIL);
      const workbook = await xlsx(await ok(tokens.manager, `asOf=${TODAY}&format=xlsx`));
      const cells: string[] = [];
      for (const sheet of workbook.worksheets)
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
      const all = cells.join('\n');
      expect(all).not.toMatch(RULE_NUMBER);
      expect(all).not.toMatch(CATEGORY_CODE);
      expect(all).not.toMatch(EMAIL);
      expect(all).toContain('HIIM domains:');
    });

    it('the PDF lists primary-source verification per credential and the competence behind each skill requirement met, and ends with the attestation block', async () => {
      const miguel = ids.get('staff:miguel-alvarez') as string;
      // TypeORM answers an UPDATE ... RETURNING as [rows, count]
      const [[credential]] = await t.dataSource.query(
        `UPDATE credential SET verification_reference = 'AHIMA lookup, confirmation 88213'
          WHERE id = (SELECT id FROM credential WHERE staff_id = $1 AND verification_method IS NOT NULL
                      ORDER BY issued_on LIMIT 1)
          RETURNING id, verification_method, verified_on`,
        [miguel],
      );
      expect(credential).toBeDefined();
      const pages = await pdfPages(
        await ok(tokens.manager, `asOf=${TODAY}&format=pdf&staffId=${miguel}`),
      );
      const text = words(pages.join(' '));
      const method =
        credential.verification_method === 'primary-source'
          ? 'Primary source'
          : 'Copy of certificate';
      expect(text).toContain(
        `${method} on ${credential.verified_on} by Margaret Okonkwo, Director of HIM Source: AHIMA lookup, confirmation 88213`,
      );

      // competence: every skill requirement met is backed by an assessment (assessor, date) or a credential
      expect(text).toContain('Competence behind each skill requirement met');
      const assessments: { assessed_on: string; source: string }[] = await t.dataSource.query(
        `SELECT assessed_on, source FROM assessment WHERE staff_id = $1 AND assessed_on <= $2`,
        [miguel, TODAY],
      );
      expect(assessments.length).toBeGreaterThan(0);
      expect(text).toMatch(
        /manager assessment \d{4}-\d{2}-\d{2} Margaret Okonkwo, Director of HIM/,
      );

      const last = words(pages[pages.length - 1]);
      const attestation = last.slice(last.indexOf('Attestation'));
      expect(last).toContain('Attestation');
      for (const field of ['Reviewed by (name)', 'Title', 'Date', 'Signature'])
        expect(attestation).toContain(field);
      expect(attestation).toContain('attest that it reflects the records on file');
    });

    it('the XLSX Competence sheet matches the skill requirements met on /readiness', async () => {
      const workbook = await xlsx(await ok(tokens.manager, `asOf=${TODAY}&format=xlsx`));
      const rows = sheetRows(workbook.getWorksheet('Competence') as ExcelJS.Worksheet);
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        if (String(row['Basis']).includes('assessment')) {
          expect(row['Assessed on']).toBeInstanceOf(Date);
          expect(String(row['Assessor'])).toMatch(/Margaret Okonkwo, Director of HIM|\(self\)/);
        } else expect(String(row['Basis'])).toMatch(/credential/);
      }
      const readiness = await get<ReadinessResponse>(tokens.manager, `/readiness?asOf=${TODAY}`);
      // a ready member meets every skill requirement of the role: each one has a row
      // an inpatient coder: the role has skill requirements
      const coder = ids.get('role:coder-inpatient');
      const ready = readiness.members.find((m) => m.ready && m.roleId === coder);
      if (!ready) throw new Error('the demo department has no ready inpatient coder');
      expect(rows.filter((r) => r['Member'] === ready.name).length).toBeGreaterThan(0);
    });

    it('every CSV row carries the header: department, scope, as-of date, generated at and by', async () => {
      const coding = ids.get('team:coding') as string;
      const d = await ok(tokens.manager, `asOf=${TODAY}&teamId=${coding}`);
      const { rows } = csvRows(d);
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) {
        expect([
          row['Department'],
          row['Scope'],
          row['As of'],
          row['Generated at'],
          row['Generated by'],
          row['Projection'],
        ]).toEqual([
          'Riverside Regional Medical Center — Health Information Management',
          'Team: Coding',
          TODAY,
          d.headers['x-report-generated-at'],
          'Denise Carter, HIM Manager',
          'no',
        ]);
      }
    });

    it('a report as of a future day says it is a projection on every PDF page, in the CSV and the XLSX', async () => {
      const future = '2999-01-01';
      const pages = await pdfPages(await ok(tokens.manager, `asOf=${future}&format=pdf`));
      for (const page of pages)
        expect(words(page)).toContain(`Projection: ${future} is after today (`);
      const today = await pdfPages(await ok(tokens.manager, `asOf=${TODAY}&format=pdf`));
      expect(words(today.join(' '))).not.toContain('Projection:');

      const { rows } = csvRows(await ok(tokens.manager, `asOf=${future}`));
      for (const row of rows)
        expect(row['Projection']).toMatch(/^Projection: 2999-01-01 is after today/);
      const workbook = await xlsx(await ok(tokens.manager, `asOf=${future}&format=xlsx`));
      const summary = new Map(
        sheetRows(workbook.getWorksheet('Summary') as ExcelJS.Worksheet).map((r) => [
          r['Figure'],
          r['Value'],
        ]),
      );
      expect(String(summary.get('Projection'))).toContain('assumes nobody renews a credential');
      for (const sheet of workbook.worksheets)
        expect(sheet.headerFooter.oddHeader).toContain('Projection: 2999-01-01');
    });
  });

  describe('scope', () => {
    it('a team: its members only, and its coverage', async () => {
      const coding = ids.get('team:coding') as string;
      const d = await ok(tokens.manager, `asOf=${TODAY}&teamId=${coding}&format=xlsx`);
      expect(d.headers['content-disposition']).toContain('-team-coding-');
      const workbook = await xlsx(d);
      const readiness = await get<ReadinessResponse>(
        tokens.manager,
        `/readiness?asOf=${TODAY}&teamId=${coding}`,
      );
      const summary = new Map(
        sheetRows(workbook.getWorksheet('Summary') as ExcelJS.Worksheet).map((r) => [
          r['Figure'],
          r['Value'],
        ]),
      );
      expect(summary.get('Scope')).toBe('Team: Coding');
      expect(summary.get('Staff ready')).toBe(readiness.staffReadyPct);
      expect(summary.get('Requirements met')).toBe(readiness.requirementsMetPct);
      expect(summary.get('Coverage targets met')).toBe(readiness.targetsMet.met);
      const staff = sheetRows(workbook.getWorksheet('Staff') as ExcelJS.Worksheet);
      expect(new Set(staff.map((r) => r['Team']))).toEqual(new Set(['Coding']));
      expect(staff.map((r) => r['Member'])).toContain(ODD_NAME);
      expect(staff).toHaveLength(readiness.members.length + readiness.onLeave.length);
      expect(
        new Set(
          sheetRows(workbook.getWorksheet('Teams') as ExcelJS.Worksheet).map((r) => r['Team']),
        ),
      ).toEqual(new Set(['Coding']));
    });

    it('a role: its members only, with the coverage of their teams', async () => {
      const role = ids.get('role:coder-inpatient') as string;
      const { rows } = csvRows(await ok(tokens.admin, `asOf=${TODAY}&roleId=${role}`));
      expect(new Set(rows.map((r) => r['Role']))).toEqual(new Set(['Medical Coder (Inpatient)']));
      expect(new Set(rows.map((r) => r['Member']))).toEqual(
        new Set([
          'Miguel Álvarez',
          'Hannah Kowalski',
          'Samuel Osei',
          'Aisha Rahman',
          'Kevin Nguyen',
          'Brianna Jackson',
        ]),
      );
      const workbook = await xlsx(
        await ok(tokens.admin, `asOf=${TODAY}&roleId=${role}&format=xlsx`),
      );
      const summary = new Map(
        sheetRows(workbook.getWorksheet('Summary') as ExcelJS.Worksheet).map((r) => [
          r['Figure'],
          r['Value'],
        ]),
      );
      expect(summary.get('Scope')).toBe('Role: Medical Coder (Inpatient)');
      const readiness = await get<ReadinessResponse>(tokens.manager, `/readiness?asOf=${TODAY}`);
      const coders = readiness.members.filter((m) => m.roleId === role);
      expect(summary.get('Staff ready')).toBe(coders.filter((m) => m.ready).length / coders.length);
      expect(summary.get('Requirements met')).toBe(
        coders.reduce((s, m) => s + m.met, 0) / coders.reduce((s, m) => s + m.total, 0),
      );
      expect(
        new Set(
          sheetRows(workbook.getWorksheet('Teams') as ExcelJS.Worksheet).map((r) => r['Team']),
        ),
      ).toEqual(new Set(['Coding']));
    });

    it('one member: their rows and no team coverage', async () => {
      const miguel = ids.get('staff:miguel-alvarez') as string;
      const d = await ok(tokens.manager, `asOf=${TODAY}&staffId=${miguel}&format=pdf`);
      expect(d.headers['content-disposition']).toContain('-member-miguel-alvarez-');
      const text = words((await pdfPages(d)).join(' '));
      expect(text).toContain('Scope: Member: Miguel Álvarez');
      expect(text).toContain('a one-member report does not carry it');
      expect(text).not.toContain('Hannah Kowalski');
    });

    it('any date: a past day, and a future survey day on which credentials have lapsed', async () => {
      const later = '2027-06-30';
      const now = csvRows(await ok(tokens.manager, `asOf=${TODAY}`)).rows;
      const future = csvRows(await ok(tokens.manager, `asOf=${later}`)).rows;
      const expiredNow = now.filter((r) => r['Credential status'] === 'expired').length;
      expect(future.filter((r) => r['Credential status'] === 'expired').length).toBeGreaterThan(
        expiredNow,
      );
      const past = csvRows(await ok(tokens.manager, 'asOf=2010-01-01')).rows;
      expect(past.some((r) => r['Credential status'] === 'not yet valid')).toBe(true);
    });

    it('defaults to today in the department time zone', async () => {
      const before = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(
        new Date(),
      );
      const d = await ok(tokens.manager, 'format=csv');
      const after = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(
        new Date(),
      );
      expect([before, after]).toContain(d.headers['x-report-as-of']);
    });
  });

  describe('who may see what', () => {
    const miguel = () => ids.get('staff:miguel-alvarez') as string;

    it('staff get their own report whatever scope they ask for', async () => {
      for (const query of [
        '',
        `teamId=${ids.get('team:roi')}`,
        `roleId=${ids.get('role:him-manager')}`,
        `staffId=${miguel()}`,
      ]) {
        const { rows } = csvRows(await ok(tokens.staff, `asOf=${TODAY}&${query}`));
        expect(new Set(rows.map((r) => r['Member']))).toEqual(new Set(['Miguel Álvarez']));
      }
      const d = await ok(
        tokens.staff,
        `asOf=${TODAY}&format=xlsx&teamId=${ids.get('team:coding')}`,
      );
      expect(d.headers['content-disposition']).toContain('-member-miguel-alvarez-');
      const summary = new Map(
        sheetRows((await xlsx(d)).getWorksheet('Summary') as ExcelJS.Worksheet).map((r) => [
          r['Figure'],
          r['Value'],
        ]),
      );
      expect(summary.get('Scope')).toBe('Member: Miguel Álvarez');
      expect(summary.get('Coverage targets')).toBeNull();
    });

    it("answers 404 for another member's report and for unknown ids, 401 without a token", async () => {
      expect(
        (await download(tokens.staff, `staffId=${ids.get('staff:hannah-kowalski')}`)).status,
      ).toBe(404);
      const none = '00000000-0000-4000-8000-000000000000';
      for (const query of [`teamId=${none}`, `roleId=${none}`, `staffId=${none}`]) {
        const d = await download(tokens.manager, query);
        expect(d.status).toBe(404);
      }
      const other = await t.dataSource.query(
        `WITH d AS (INSERT INTO department (name) VALUES ('Elsewhere') RETURNING id),
              tm AS (INSERT INTO team (department_id, name) SELECT id, 'X' FROM d RETURNING id)
         SELECT id FROM tm`,
      );
      expect((await download(tokens.manager, `teamId=${other[0].id}`)).status).toBe(404);
      expect((await t.http().get('/api/v1/reports/compliance')).status).toBe(401);
    });

    it('answers 400 naming the field for bad parameters', async () => {
      const cases: [string, string][] = [
        ['format=docx', 'format'],
        ['paper=a3', 'paper'],
        ['asOf=2026-02-30', 'asOf'],
        ['asOf=9999-12-31', 'asOf'],
        ['teamId=coding', 'teamId'],
        ['staffId=1', 'staffId'],
        [
          `teamId=${ids.get('team:coding')}&roleId=${ids.get('role:him-manager')}`,
          'teamId, roleId',
        ],
        ['colour=red', 'colour'],
      ];
      for (const [query, field] of cases) {
        const d = await download(tokens.manager, query);
        expect(d.status).toBe(400);
        const body = JSON.parse(d.body.toString('utf8'));
        expect(body.message.join(' ')).toContain(field);
      }
    });

    it('records each export in the audit trail', async () => {
      const coding = ids.get('team:coding') as string;
      await ok(tokens.manager, `asOf=2026-04-15&teamId=${coding}&format=pdf`);
      const audit = await get<{ items: AuditEvent[] }>(
        tokens.admin,
        `/audit?entity=report&entityId=${departmentId}&limit=500`,
      );
      const event = audit.items.find((e) => (e.after as { asOf?: string })?.asOf === '2026-04-15');
      expect(event).toEqual(
        expect.objectContaining({
          action: 'export',
          entity: 'report',
          entityId: departmentId,
          userEmail: 'manager@riverside-demo.org',
          after: {
            format: 'pdf',
            scope: { kind: 'team', id: coding, label: 'Team: Coding' },
            asOf: '2026-04-15',
          },
        }),
      );
      const staffExports = audit.items.filter((e) => e.userEmail === 'coder@riverside-demo.org');
      expect(staffExports.length).toBeGreaterThan(0);
      expect(
        staffExports.every((e) => (e.after as { scope: { kind: string } }).scope.kind === 'member'),
      ).toBe(true);
      // a refused request exports nothing
      const before = audit.items.length;
      await download(tokens.manager, 'format=docx');
      const again = await get<{ items: AuditEvent[] }>(
        tokens.admin,
        `/audit?entity=report&entityId=${departmentId}&limit=500`,
      );
      expect(again.items).toHaveLength(before);
    });
  });

  it('is documented in the OpenAPI document with its three file types', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const operation = doc.paths['/api/v1/reports/compliance'].get;
    expect(Object.keys(operation.responses['200'].content).sort()).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv; charset=utf-8',
    ]);
    const format = operation.parameters.find((p: { name: string }) => p.name === 'format');
    expect(format.schema.enum).toEqual(['csv', 'xlsx', 'pdf']);
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'asOf',
      'format',
      'paper',
      'roleId',
      'staffId',
      'teamId',
    ]);
  });

  it('draws a member whose name Helvetica cannot fully show', async () => {
    const text = words(
      (
        await pdfPages(await ok(tokens.manager, `asOf=${TODAY}&format=pdf&staffId=${emojiStaffId}`))
      ).join(' '),
    );
    expect(text).toContain('Member: Zoë Ng ?');
    expect(oddStaffId).toBeTruthy();
  });
});
