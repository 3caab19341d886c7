import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { hashPassword } from '../src/auth/passwords';
import { createTestApp, type TestApp } from './test-app';

const STAFF = 10_000;
const AS_OF = '2026-11-24';
const PASSWORD = 'large-report-password-1';

/**
 * A department of 10,000 staff generated in SQL (as tools/bench.mjs does), its compliance report
 * streamed as CSV over a real socket: the rows are counted as they arrive, and the time and the
 * process's memory are printed (not asserted: machines differ).
 */
describe('a 10,000-member compliance report streams', () => {
  let t: TestApp;
  let baseUrl: string;
  let token: string;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const started = Date.now();
    departmentId = await fillDepartment(t, STAFF);
    console.log(`generated ${STAFF} staff in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'large.admin@example.org', password: PASSWORD }),
    });
    token = ((await res.json()) as { accessToken: string }).accessToken;
  }, 300_000);
  afterAll(() => t.close());

  it('as CSV, row by row, in chunks, without building the file in memory', async () => {
    const [{ expected }] = await t.dataSource.query(
      `SELECT sum(greatest(1, (SELECT count(*) FROM credential c WHERE c.staff_id = s.id)))::int AS expected
         FROM staff s WHERE s.department_id = $1 AND s.status <> 'terminated'`,
      [departmentId],
    );

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 10);

    const started = process.hrtime.bigint();
    const result = await new Promise<{
      status: number;
      headers: Record<string, unknown>;
      chunks: number;
      bytes: number;
      records: number;
      firstByteMs: number;
      members: Set<string>;
    }>((resolve, reject) => {
      const req = request(
        `${baseUrl}/api/v1/reports/compliance?asOf=${AS_OF}&format=csv`,
        { headers: { authorization: `Bearer ${token}` } },
        (res) => {
          let chunks = 0;
          let bytes = 0;
          let firstByteMs = -1;
          let records = 0;
          const members = new Set<string>();
          res.on('data', (chunk: Buffer) => {
            if (firstByteMs < 0) firstByteMs = Number(process.hrtime.bigint() - started) / 1e6;
            chunks++;
            bytes += chunk.length;
          });
          const parser = res.pipe(parse({ bom: true, from_line: 2 }));
          parser.on('data', (record: string[]) => {
            records++;
            members.add(record[0]);
          });
          parser.on('error', reject);
          parser.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              chunks,
              bytes,
              records,
              firstByteMs,
              members,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    const heapAfter = process.memoryUsage().heapUsed;

    expect(result.status).toBe(200);
    expect(result.headers['transfer-encoding']).toBe('chunked');
    expect(result.headers['content-length']).toBeUndefined();
    expect(result.chunks).toBeGreaterThan(10);
    expect(result.records).toBe(expected);
    expect(result.members.size).toBeGreaterThan(9_000);

    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      [
        `compliance CSV, ${STAFF} staff: ${result.records} rows, ${mb(result.bytes)} in ${result.chunks} chunks`,
        `time to first byte ${result.firstByteMs.toFixed(0)} ms, total ${totalMs.toFixed(0)} ms`,
        `RSS before ${mb(rssBefore)}, peak ${mb(rssPeak)}, delta ${mb(rssPeak - rssBefore)}; heap used delta ${mb(heapAfter - heapBefore)}`,
      ].join('\n'),
    );
  }, 300_000);

  it('as XLSX through the streaming workbook writer (printed for comparison)', async () => {
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 10);
    const started = process.hrtime.bigint();
    const res = await fetch(`${baseUrl}/api/v1/reports/compliance?asOf=${AS_OF}&format=xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = Buffer.from(await res.arrayBuffer());
    const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(body.subarray(0, 2).toString()).toBe('PK');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const [{ credentials }] = await t.dataSource.query(
      `SELECT count(*)::int AS credentials FROM credential c JOIN staff s ON s.id = c.staff_id
        WHERE c.department_id = $1 AND s.status <> 'terminated'`,
      [departmentId],
    );
    expect(workbook.getWorksheet('Credentials')?.rowCount).toBe(credentials + 1);

    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `compliance XLSX, ${STAFF} staff: ${mb(body.length)} in ${totalMs.toFixed(0)} ms; RSS before ${mb(rssBefore)}, peak ${mb(rssPeak)}, delta ${mb(rssPeak - rssBefore)} (the client holds the file too)`,
    );
  }, 300_000);

  it('as PDF, laid out in turns so other requests are answered meanwhile (printed)', async () => {
    const started = process.hrtime.bigint();
    const download = fetch(`${baseUrl}/api/v1/reports/compliance?asOf=${AS_OF}&format=pdf`, {
      headers: { authorization: `Bearer ${token}` },
    }).then(async (res) => ({ status: res.status, body: Buffer.from(await res.arrayBuffer()) }));
    // while the PDF is being laid out, a small request still gets through
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const probeStarted = process.hrtime.bigint();
    const probe = await fetch(`${baseUrl}/api/health`);
    const probeMs = Number(process.hrtime.bigint() - probeStarted) / 1e6;
    const { status, body } = await download;
    const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(probe.status).toBe(200);
    expect(status).toBe(200);
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (body.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    console.log(
      `compliance PDF, ${STAFF} staff: ${pages} pages, ${(body.length / 1024 / 1024).toFixed(1)} MB in ${totalMs.toFixed(0)} ms; /api/health answered in ${probeMs.toFixed(0)} ms meanwhile`,
    );
  }, 600_000);

  it('a client hanging up mid-download (CSV, XLSX, PDF) leaves the server serving', async () => {
    for (const format of ['csv', 'xlsx', 'pdf']) {
      await new Promise<void>((resolve, reject) => {
        const req = request(
          `${baseUrl}/api/v1/reports/compliance?asOf=${AS_OF}&format=${format}`,
          { headers: { authorization: `Bearer ${token}` } },
          (res) => {
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) =>
          error.code === 'ECONNRESET' ? resolve() : reject(error),
        );
        req.end();
        // the PDF sends nothing until it is laid out: hang up before that
        if (format === 'pdf') setTimeout(() => req.destroy(), 2000);
      });
    }
    const res = await fetch(
      `${baseUrl}/api/v1/reports/compliance?asOf=${AS_OF}&format=csv&teamId=${await oneTeam(t)}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(res.status).toBe(200);
    expect((await res.text()).split('\r\n').length).toBeGreaterThan(100);
  }, 300_000);
});

async function oneTeam(t: TestApp): Promise<string> {
  const [{ id }] = await t.dataSource.query(`SELECT id FROM team WHERE name = 'Team 1'`);
  return id;
}

/** tools/bench.mjs's generator: teams, roles, three credentials, ten assessments and ten CE activities per member. */
async function fillDepartment(t: TestApp, n: number): Promise<string> {
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const [{ id: dept }] = await q(
    `INSERT INTO department (name, time_zone) VALUES ('Large HIM', 'UTC') RETURNING id`,
  );
  await q(
    `INSERT INTO skill (department_id, name, category) SELECT $1, 'Skill ' || i, (ARRAY['technical','regulatory','soft'])[1 + i % 3] FROM generate_series(1, 20) i`,
    [dept],
  );
  await q(
    `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus)
     SELECT $1, 'CT' || i, 'Credential ' || i, (ARRAY['AHIMA','AAPC','NCRA','ACDIS'])[1 + i % 4], 20 + (i % 3) * 10 FROM generate_series(1, 10) i`,
    [dept],
  );
  await q(
    `INSERT INTO credential_type_skill (credential_type_id, skill_id, level)
     SELECT t.id, s.id, 3 FROM credential_type t JOIN skill s ON s.department_id = t.department_id
      WHERE t.department_id = $1 AND substring(s.name from 7)::int = substring(t.code from 3)::int`,
    [dept],
  );
  await q(
    `INSERT INTO ce_rule (department_id, issuing_body, cycle_months, extra_per_additional, cap, minimums) VALUES
     ($1, 'AHIMA', 24, 10, 50, '[{"categories":["hiim-domain"],"share":0.8},{"categories":["ahima-provided"],"share":0.4}]'),
     ($1, 'AAPC', 24, 4, 52, '[]'), ($1, 'NCRA', 24, 0, NULL, '[{"categories":["ctr-category-a"],"hours":4}]'), ($1, 'ACDIS', 24, 0, NULL, '[]')`,
    [dept],
  );
  await q(
    `INSERT INTO team (department_id, name) SELECT $1, 'Team ' || i FROM generate_series(1, 12) i`,
    [dept],
  );
  await q(
    `INSERT INTO job_role (department_id, name) SELECT $1, 'Role ' || i FROM generate_series(1, 10) i`,
    [dept],
  );
  await q(
    `INSERT INTO requirement (department_id, role_id, position, kind, skill_id, min_level)
     SELECT $1, r.id, k, 'skill', s.id, 2 + k % 2
       FROM job_role r CROSS JOIN generate_series(0, 1) k
       JOIN skill s ON s.department_id = r.department_id
        AND substring(s.name from 7)::int = 1 + (substring(r.name from 6)::int + k * 7) % 20
      WHERE r.department_id = $1`,
    [dept],
  );
  await q(
    `INSERT INTO requirement (department_id, role_id, position, kind) SELECT $1, id, 2, 'credential' FROM job_role WHERE department_id = $1`,
    [dept],
  );
  await q(
    `INSERT INTO requirement (department_id, team_id, position, kind, min_holders) SELECT $1, id, 0, 'credential', 50 FROM team WHERE department_id = $1`,
    [dept],
  );
  await q(
    `INSERT INTO requirement_credential_type (requirement_id, credential_type_id)
     SELECT r.id, t.id FROM requirement r JOIN credential_type t ON t.department_id = r.department_id
      WHERE r.department_id = $1 AND r.kind = 'credential' AND substring(t.code from 3)::int IN (1, 2)`,
    [dept],
  );
  await q(
    `INSERT INTO staff (department_id, team_id, role_id, name, email, employee_id, status, hire_date)
     SELECT $1, (SELECT id FROM team WHERE department_id = $1 AND name = 'Team ' || (1 + i % 12)),
            (SELECT id FROM job_role WHERE department_id = $1 AND name = 'Role ' || (1 + i % 10)),
            'Member ' || lpad(i::text, 5, '0'), 'member' || i || '@large.example', 'E' || i,
            CASE WHEN i % 50 = 0 THEN 'leave' WHEN i % 97 = 0 THEN 'terminated' ELSE 'active' END,
            DATE '2015-01-01' + (i % 3000)
       FROM generate_series(1, $2::int) i`,
    [dept, n],
  );
  // three credentials for most members, none for every 40th (their report row has no credential)
  await q(
    `INSERT INTO credential (department_id, staff_id, credential_type_id, number, issued_on, expires_on, verification_method, verified_on)
     SELECT $1, s.id, (SELECT id FROM credential_type WHERE department_id = $1 AND code = 'CT' || (1 + (k * 3 + s.n) % 10)),
            'N' || s.n || '-' || k, e - 730, e, CASE WHEN s.n % 5 = 0 THEN NULL ELSE 'primary-source' END, CASE WHEN s.n % 5 = 0 THEN NULL ELSE e - 720 END
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM staff WHERE department_id = $1) s
       CROSS JOIN generate_series(0, 2) k
       CROSS JOIN LATERAL (SELECT DATE '2026-01-01' + ((s.n * 37 + k * 101) % 700)::int AS e) d
      WHERE s.n % 40 <> 0`,
    [dept],
  );
  await q(
    `INSERT INTO assessment (department_id, staff_id, skill_id, level, assessed_on, source)
     SELECT $1, s.id, (SELECT id FROM skill WHERE department_id = $1 AND name = 'Skill ' || (1 + (s.n + k) % 20)),
            (s.n + k) % 5, DATE '2025-01-01' + ((s.n * 13 + k * 29) % 650)::int, CASE WHEN k % 2 = 0 THEN 'manager' ELSE 'self' END
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM staff WHERE department_id = $1) s
       CROSS JOIN generate_series(0, 9) k`,
    [dept],
  );
  await q(
    `INSERT INTO ce_activity (department_id, staff_id, title, provider, completed_on, hours, categories, status)
     SELECT $1, s.id, 'Webinar ' || k, 'AHIMA', DATE '2025-01-01' + ((s.n * 17 + k * 31) % 690)::int, 1 + (k % 4) * 0.5,
            CASE WHEN k % 3 = 0 THEN '{hiim-domain,ahima-provided}'::text[] ELSE '{hiim-domain}'::text[] END,
            CASE WHEN k % 7 = 0 THEN 'submitted' WHEN k % 11 = 0 THEN 'rejected' ELSE 'approved' END
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM staff WHERE department_id = $1) s
       CROSS JOIN generate_series(0, 9) k`,
    [dept],
  );
  await q(
    `INSERT INTO app_user (department_id, email, password_hash, role) VALUES ($1, $2, $3, 'admin')`,
    [dept, 'large.admin@example.org', await hashPassword(PASSWORD)],
  );
  await q('ANALYZE');
  return dept;
}
