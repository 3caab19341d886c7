import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { AuditEvent, CeGroup, Credential } from '@him/contracts';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import type { Response } from 'supertest';
import { buildDemoDepartment } from '../src/seed/demo-department';
import { DEMO_LOGINS, loadDemoDepartment } from '../src/seed/seed-demo';
import { bearer } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

const run = promisify(execFile);
const TODAY = '2026-05-01';
const TOOLS_PDF_TEXT = resolve(__dirname, '../../../tools/pdf-text.mjs');
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function certificatePdf(): Promise<Buffer> {
  return new Promise((done) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.text('CCS certificate');
    doc.end();
  });
}

describe('member files (DOMAIN.md, Reports)', () => {
  let t: TestApp;
  let ids: Map<string, string>;
  let departmentId: string;
  let dir: string;
  const tokens: Record<'admin' | 'manager' | 'staff', string> = {
    admin: '',
    manager: '',
    staff: '',
  };
  const miguel = () => ids.get('staff:miguel-alvarez') as string;

  const download = async (token: string, path: string): Promise<Download> => {
    const res: Response = await t
      .http()
      .get(`/api/v1${path}`)
      .set(bearer(token))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    return {
      status: res.status,
      headers: res.headers as Record<string, string>,
      body: res.body as Buffer,
    };
  };
  const ok = async (token: string, path: string) => {
    const d = await download(token, path);
    if (d.status !== 200) throw new Error(`${path}: ${d.status} ${d.body.toString('utf8')}`);
    return d;
  };
  let pdfCount = 0;
  const pdfPages = async (body: Buffer): Promise<string[]> => {
    const file = join(dir, `file-${++pdfCount}.pdf`);
    writeFileSync(file, body);
    const { stdout } = await run(process.execPath, [TOOLS_PDF_TEXT, file], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as string[];
  };
  const get = async <T>(token: string, path: string): Promise<T> =>
    (await t.http().get(`/api/v1${path}`).set(bearer(token)).expect(200)).body as T;

  let ccs: Credential;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'him-member-files-'));
    t = await createTestApp();
    ({ departmentId, ids } = await t.dataSource.transaction((em) =>
      loadDemoDepartment(em, buildDemoDepartment(TODAY)),
    ));
    for (const login of DEMO_LOGINS) {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: login.email, password: login.password })
        .expect(200);
      tokens[login.role] = res.body.accessToken;
    }
    // A change the audit trail shows, a verification source, and an evidence file on record.
    const credentials = await get<{ items: Credential[] }>(
      tokens.manager,
      `/staff/${miguel()}/credentials`,
    );
    const found = credentials.items.find((c) => c.number === '5769810');
    if (!found) throw new Error('the demo lacks Miguel Álvarez CCS 5769810');
    ccs = (
      await t
        .http()
        .patch(`/api/v1/credentials/${found.id}`)
        .set(bearer(tokens.admin))
        .send({
          verification: {
            method: 'primary-source',
            verifiedOn: '2025-03-05',
            reference: 'AHIMA verify, confirmation 88213',
          },
          version: found.version,
          note: 'source recorded for the survey',
        })
        .expect(200)
    ).body;
    await t
      .http()
      .post(`/api/v1/credentials/${ccs.id}/evidence`)
      .set(bearer(tokens.manager))
      .attach('file', await certificatePdf(), {
        filename: 'ccs-certificate.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('GET /staff/:id/file.pdf', () => {
    let pages: string[];
    let text: string;
    let d: Download;
    beforeAll(async () => {
      d = await ok(tokens.manager, `/staff/${miguel()}/file.pdf?asOf=${TODAY}`);
      pages = await pdfPages(d.body);
      text = words(pages.join(' '));
    });

    it('is a PDF download named for the member, the header and "Page n of m" on every page', () => {
      expect(d.headers['content-type']).toBe('application/pdf');
      expect(d.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(d.headers['content-disposition']).toBe(
        `attachment; filename="member-file-miguel-alvarez-e10166-${TODAY}.pdf"`,
      );
      pages.forEach((page, i) => {
        const p = words(page);
        expect(p).toContain('Riverside Regional Medical Center — Health Information Management');
        expect(p).toContain(`Member file | Miguel Álvarez (E10166) | As of ${TODAY}`);
        expect(p).toContain('by Denise Carter, HIM Manager');
        expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      });
    });

    it('has the role and its requirements, met, with what meets each', () => {
      for (const section of [
        'Member',
        'Role and requirements: Medical Coder (Inpatient)',
        'Credentials and primary-source verification',
        'Competence assessments',
        'Continuing education',
        'Audit trail of these records',
        'Attestation',
      ])
        expect([section, text.includes(section)]).toEqual([section, true]);
      expect(text).toContain('ready: 5 of 5 requirements met');
      expect(text).toMatch(/(CCS or CPC|CPC or CCS)(, verified)? met (CCS 5769810|CPC 12967239)/);
      expect(text).toMatch(
        /ICD-10-CM diagnosis coding at Proficient \(3\) met manager assessment of \d{4}-\d{2}-\d{2}/,
      );
    });

    it('lists each credential with its primary-source verification and the evidence on file', () => {
      expect(text).toContain(
        'Primary source on 2025-03-05 by Margaret Okonkwo, Director of HIM Source: AHIMA verify, confirmation 88213',
      );
      expect(text).toMatch(
        /ccs-certificate\.pdf \(uploaded \d{4}-\d{2}-\d{2} by Denise Carter, HIM Manager\)/,
      );
    });

    it('lists the assessments with assessor, date and the day each stops counting', async () => {
      const rows: { assessed_on: string }[] = await t.dataSource.query(
        `SELECT assessed_on FROM assessment WHERE staff_id = $1 AND assessed_on <= $2`,
        [miguel(), TODAY],
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(text).toContain(row.assessed_on);
      expect(text).toMatch(
        /manager assessment \d{4}-\d{2}-\d{2} Margaret Okonkwo, Director of HIM (does not lapse|\d{4}-\d{2}-\d{2}) (counts|replaced by a later assessment|lapsed after)/,
      );
    });

    it('gives CE per group with the figures of /ce-status', async () => {
      const groups = (await get<CeGroup[]>(tokens.manager, `/ce-status?asOf=${TODAY}`)).filter(
        (g) => g.staffId === miguel(),
      );
      expect(groups.length).toBeGreaterThan(0);
      const ce = text.slice(text.indexOf('Continuing education'), text.indexOf('Audit trail of'));
      for (const group of groups) {
        const at = ce.indexOf(`${group.issuingBody} ${group.credentialTypeCodes.join(', ')}`);
        expect(at).toBeGreaterThanOrEqual(0);
        const row = ce.slice(at);
        expect(row).toContain(
          `${group.cycleStart} to ${group.cycleEnd} ${group.required} h ${group.earned} h ${group.pending} h ${group.remaining} h`,
        );
        expect(row).toContain(`h expected by ${TODAY}`);
      }
    });

    it('carries the audit trail of those records, by name, and ends with the attestation block', () => {
      const trail = text.slice(text.indexOf('Audit trail of these records'));
      expect(trail).toMatch(
        /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}-0[56]:00 Margaret Okonkwo, Director of HIM Credential CCS 5769810 changed Verification: primary source on 2025-03-05 -> primary source on 2025-03-05, source: AHIMA verify, confirmation 88213 source recorded for the survey/,
      );
      expect(trail).toMatch(
        /Denise Carter, HIM Manager Evidence file ccs- ?certificate\.pdf recorded/,
      );
      const last = words(pages[pages.length - 1]);
      const block = last.slice(last.indexOf('Attestation'));
      for (const field of ['Reviewed by (name)', 'Title', 'Date', 'Signature'])
        expect(block).toContain(field);
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text).not.toMatch(/\bR\d{1,2}\b/);
      expect(text).not.toMatch(/hiim-domain|ahima-provided/);
    });

    it('says on every page when it is a projection', async () => {
      const future = await pdfPages(
        (await ok(tokens.manager, `/staff/${miguel()}/file.pdf?asOf=2999-01-01`)).body,
      );
      for (const page of future)
        expect(words(page)).toContain('Projection: 2999-01-01 is after today');
    });

    it('staff get their own file only; unknown, terminated and foreign members 404; bad input 400 naming it', async () => {
      expect((await download(tokens.staff, `/staff/${miguel()}/file.pdf`)).status).toBe(200);
      expect(
        (await download(tokens.staff, `/staff/${ids.get('staff:hannah-kowalski')}/file.pdf`))
          .status,
      ).toBe(404);
      const none = '00000000-0000-4000-8000-000000000000';
      expect((await download(tokens.manager, `/staff/${none}/file.pdf`)).status).toBe(404);
      const [terminated] = await t.dataSource.query(
        `SELECT id FROM staff WHERE department_id = $1 AND status = 'terminated' LIMIT 1`,
        [departmentId],
      );
      expect((await download(tokens.manager, `/staff/${terminated.id}/file.pdf`)).status).toBe(404);
      for (const [path, field] of [
        ['/staff/nope/file.pdf', 'id'],
        [`/staff/${miguel()}/file.pdf?asOf=2026-02-30`, 'asOf'],
        [`/staff/${miguel()}/file.pdf?paper=a3`, 'paper'],
        [`/staff/${miguel()}/file.pdf?colour=red`, 'colour'],
      ]) {
        const bad = await download(tokens.manager, path);
        expect([path, bad.status]).toEqual([path, 400]);
        expect(JSON.parse(bad.body.toString('utf8')).message.join(' ')).toContain(field);
      }
      expect((await t.http().get(`/api/v1/staff/${miguel()}/file.pdf`)).status).toBe(401);
    });
  });

  describe('GET /reports/member-files (zip)', () => {
    it("zips a team's member files, one PDF per non-terminated member, each opening as that member's file", async () => {
      const coding = ids.get('team:coding') as string;
      const d = await ok(tokens.manager, `/reports/member-files?teamId=${coding}&asOf=${TODAY}`);
      expect(d.headers['content-type']).toBe('application/zip');
      expect(d.headers['content-disposition']).toBe(
        `attachment; filename="member-files-riverside-regional-medical-center-health-team-coding-${TODAY}.zip"`,
      );
      expect(d.headers['transfer-encoding']).toBe('chunked');
      const zip = await JSZip.loadAsync(d.body);
      const names = Object.keys(zip.files).sort();
      const members: { name: string }[] = await t.dataSource.query(
        `SELECT name FROM staff WHERE team_id = $1 AND status <> 'terminated'`,
        [coding],
      );
      expect(names).toHaveLength(members.length);
      expect(names).toContain(`member-file-miguel-alvarez-e10166-${TODAY}.pdf`);
      for (const name of names
        .slice(0, 3)
        .concat(`member-file-miguel-alvarez-e10166-${TODAY}.pdf`)) {
        const pdf = await (zip.file(name) as JSZip.JSZipObject).async('nodebuffer');
        const text = words((await pdfPages(pdf)).join(' '));
        expect(text).toContain('Attestation');
        expect(members.some((m) => text.includes(`Member file | ${m.name}`))).toBe(true);
      }
    });

    it('staff get a zip of their own file; an unknown team 404; bad input 400; each download audited', async () => {
      const own = await JSZip.loadAsync(
        (await ok(tokens.staff, `/reports/member-files?teamId=${ids.get('team:roi')}`)).body,
      );
      expect(Object.keys(own.files)).toHaveLength(1);
      expect(Object.keys(own.files)[0]).toMatch(/^member-file-miguel-alvarez-/);
      const none = '00000000-0000-4000-8000-000000000000';
      expect((await download(tokens.manager, `/reports/member-files?teamId=${none}`)).status).toBe(
        404,
      );
      for (const [query, field] of [
        ['format=tar', 'format'],
        ['teamId=coding', 'teamId'],
        ['asOf=someday', 'asOf'],
      ]) {
        const bad = await download(tokens.manager, `/reports/member-files?${query}`);
        expect(bad.status).toBe(400);
        expect(JSON.parse(bad.body.toString('utf8')).message.join(' ')).toContain(field);
      }
      const audit = await get<{ items: AuditEvent[] }>(
        tokens.admin,
        `/audit?entity=report&entityId=${departmentId}&limit=500`,
      );
      const exports = audit.items.filter(
        (e) => (e.after as { kind?: string } | null)?.kind === 'member-file',
      );
      expect(exports.some((e) => (e.after as { format: string }).format === 'zip')).toBe(true);
      expect(exports.some((e) => (e.after as { format: string }).format === 'pdf')).toBe(true);
    });
  });
});
