import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import {
  generateHealthSystem,
  type HealthSystem,
} from '../../../tools/test-data/health-system.cjs';
import { createTestApp, type TestApp } from './test-app';
import { CSV_COLUMNS } from '../src/reports/render-csv';

/** The member's name: after the six header columns every row carries. */
const MEMBER_COLUMN = CSV_COLUMNS.findIndex((column) => column.header === 'Member');

const STAFF = 10_000;
const AS_OF = '2026-11-24';
const PASSWORD = 'large-report-password-1';

/**
 * A department of 10,000 staff from the bench's generator (tools/test-data), every 40th member
 * without credentials (their report row has no credential), its compliance report streamed as
 * CSV over a real socket: the rows are counted as they arrive. The first bytes must leave early
 * (within a third of the whole time, which holds on a loaded machine; building the whole report
 * first took most of it) and the process (server and client here) must grow by less than 200 MB
 * (building it first took 440 MB more); the times are printed.
 */
describe('a 10,000-member compliance report streams', () => {
  let t: TestApp;
  let baseUrl: string;
  let token: string;
  let departmentId: string;
  let system: HealthSystem;

  beforeAll(async () => {
    t = await createTestApp();
    system = await generateHealthSystem({
      databaseUrl: t.databaseUrl,
      staff: STAFF,
      withoutCredentialsEvery: 40,
      password: PASSWORD,
    });
    departmentId = system.accounts.admins[0].departmentId;
    console.log(`generated ${STAFF} staff in ${system.seconds.toFixed(1)} s`);
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: system.accounts.admins[0].email, password: PASSWORD }),
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
            members.add(record[MEMBER_COLUMN]);
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
    // the first batch of members leaves before the rest is loaded
    expect(result.firstByteMs).toBeLessThan(totalMs / 3);
    expect(rssPeak - rssBefore).toBeLessThan(200 * 1024 * 1024);

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
      `${baseUrl}/api/v1/reports/compliance?asOf=${AS_OF}&format=csv&teamId=${largestTeam(system)}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(res.status).toBe(200);
    expect((await res.text()).split('\r\n').length).toBeGreaterThan(100);
  }, 300_000);
});

function largestTeam(system: HealthSystem): string {
  const [team] = [...system.departments[0].teams].sort((a, b) => b.size - a.size);
  return team.id;
}
