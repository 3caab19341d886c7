#!/usr/bin/env node
// The README's first command, exercised the way a new user would: start the built server
// with no configuration (embedded PostgreSQL in a fresh data directory, demo department),
// sign in with a demo login, read the readiness, load the dashboard; stop it with Ctrl-C
// (SIGINT) and check the embedded database stopped too; start again and check that nothing
// was lost or seeded twice; kill it hard (SIGKILL) and check a restart recovers; kill it hard
// in the middle of a 10,000-row import and of a report export, and check that the import is all
// or nothing, the server starts cleanly and no temporary file or large object is left behind.
// Prints "N passed, N failed" and exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : ` — ${detail}`}`);
}

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

const dataDir = mkdtempSync(join(tmpdir(), 'him-smoke-'));
chmodSync(dataDir, 0o755);
const port = await freePort();
const pgPort = await freePort();
const base = `http://127.0.0.1:${port}`;
// The server's own temporary directory, so a crash that left a file behind is seen.
const serverTmp = join(dataDir, 'tmp');
mkdirSync(serverTmp);
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: String(pgPort),
  TMPDIR: serverTmp,
};
delete env.DATABASE_URL;
delete env.SEED_DEMO;

function start() {
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.output = '';
  child.stdout.on('data', (d) => (child.output += d));
  child.stderr.on('data', (d) => (child.output += d));
  child.exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return child;
}

async function waitForUp(child) {
  for (let i = 0; i < 600; i++) {
    if (child.output.includes('Press Ctrl-C to stop')) return true;
    if (child.exitCode !== null) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function postmasterPid() {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function login(email, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: await res.json() };
}

if (!existsSync('dist/apps/api/main.js')) {
  console.error('dist/apps/api/main.js is missing: build first (npm run build)');
  process.exit(1);
}

// 1. First start: embedded database, migrations, demo department, console output.
let server = start();
check(
  'starts with no configuration and prints the URL',
  await waitForUp(server),
  server.output.slice(-2000),
);
check(
  'prints the demo logins',
  /director@riverside-demo\.org/.test(server.output) && /Director!Demo2026/.test(server.output),
);
const director = await login('director@riverside-demo.org', 'Director!Demo2026');
check(
  'the demo admin signs in',
  director.status === 200 && director.body.user?.role === 'admin',
  JSON.stringify(director.body),
);
const auth = { authorization: `Bearer ${director.body.accessToken}` };
const readiness = await (await fetch(`${base}/api/v1/readiness`, { headers: auth })).json();
check(
  'readiness of the demo department',
  readiness.members?.length > 30 && readiness.forecast?.length === 4,
  JSON.stringify(readiness).slice(0, 300),
);
const page = await fetch(`${base}/`);
const html = await page.text();
check(
  'serves the dashboard on the same port',
  page.status === 200 && /<him-root|<app-root|<html/i.test(html),
  `status ${page.status}`,
);
const deep = await fetch(`${base}/overview`, { headers: { accept: 'text/html' } });
check('client routes fall back to the dashboard', deep.status === 200);
const unknownApi = await fetch(`${base}/api/v1/no-such-thing`, { headers: auth });
check('unknown API paths answer 404, not the dashboard', unknownApi.status === 404);
const skill = await fetch(`${base}/api/v1/skills`, {
  method: 'POST',
  headers: { ...auth, 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'Smoke-test skill', category: 'soft' }),
});
check('a write is acknowledged', skill.status === 201, String(skill.status));
const pid = postmasterPid();

// 2. Ctrl-C stops the server and the embedded database.
server.kill('SIGINT');
const exit = await server.exited;
check('Ctrl-C stops the server cleanly', exit.code === 0, JSON.stringify(exit));
await new Promise((r) => setTimeout(r, 500));
check('the embedded PostgreSQL stopped with it', pid !== null && !alive(pid), `postmaster ${pid}`);

// 3. Restart: data kept, demo not seeded again.
server = start();
check('restarts on the same data', await waitForUp(server), server.output.slice(-2000));
check('does not seed the demo twice', !server.output.includes('Demo department created'));
const again = await login('director@riverside-demo.org', 'Director!Demo2026');
const skills = await (
  await fetch(`${base}/api/v1/skills?limit=500`, {
    headers: { authorization: `Bearer ${again.body.accessToken}` },
  })
).json();
check(
  'the acknowledged write survived the restart',
  skills.items?.some((s) => s.name === 'Smoke-test skill'),
);

// 4. A crash (SIGKILL) leaves an orphaned postmaster; the next start must recover.
server.kill('SIGKILL');
await server.exited;
server = start();
check('recovers after the server was killed', await waitForUp(server), server.output.slice(-2000));
const afterCrash = await login('director@riverside-demo.org', 'Director!Demo2026');
check('data intact after the crash', afterCrash.status === 200);
server.kill('SIGINT');
await server.exited;

// 6. Crash safety: kill -9 in the middle of a 10,000-row import and of a report export.
const db = () => {
  const client = new pg.Client({
    connectionString: `postgres://him:him-embedded@127.0.0.1:${pgPort}/postgres`,
  });
  return client.connect().then(() => client);
};
const count = async (sql) => {
  const client = await db();
  try {
    return Number((await client.query(sql)).rows[0].count);
  } finally {
    await client.end();
  }
};
const signIn = async () =>
  `Bearer ${(await login('director@riverside-demo.org', 'Director!Demo2026')).body.accessToken}`;
const staffCsv = () => {
  const lines = ['Employee ID,Name,Email,Team,Role,Status,Hire date'];
  for (let i = 1; i <= 10_000; i++)
    lines.push(
      `K-${i},Crash Test ${i},crash.${i}@crash.example,Coding,Medical Coder (Inpatient),active,2021-04-0${1 + (i % 9)}`,
    );
  return lines.join('\r\n');
};
const upload = (token) => {
  const form = new FormData();
  form.append('file', new Blob([staffCsv()], { type: 'text/csv' }), 'crash.csv');
  return fetch(`${base}/api/v1/import/staff?mode=commit`, {
    method: 'POST',
    headers: { authorization: token },
    body: form,
  });
};
const waitFor = async (what, check, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(`  (timed out waiting until ${what})`);
  return false;
};
const startsCleanly = async () => {
  server = start();
  const up = await waitForUp(server);
  return up && !/\bERROR\b/.test(server.output);
};

server = start();
await waitForUp(server);
const largeObjectsBefore = await count(`SELECT count(*) FROM pg_largeobject_metadata`);
let token = await signIn();
const importing = upload(token).catch(() => null);
// the import holds its department's advisory lock for the whole transaction
const midImport = await waitFor(
  'the import is inside its transaction',
  async () =>
    (await count(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted`)) > 0,
);
server.kill('SIGKILL');
await server.exited;
await importing;
check('killed in the middle of a 10,000-row import', midImport);
check(
  'starts cleanly after the import was killed',
  await startsCleanly(),
  server.output.slice(-2000),
);
check(
  'the killed import wrote nothing (all or nothing)',
  (await count(`SELECT count(*) FROM staff WHERE employee_id LIKE 'K-%'`)) === 0 &&
    (await count(`SELECT count(*) FROM audit_event WHERE note LIKE 'import of crash.csv%'`)) === 0,
);
token = await signIn();
const reimport = await upload(token);
check(
  'the same import then commits whole',
  reimport.status === 200 &&
    (await count(`SELECT count(*) FROM staff WHERE employee_id LIKE 'K-%'`)) === 10_000,
  String(reimport.status),
);

// A PDF of 10,000 members takes a while to stream: kill the server once the first bytes are out.
const exporting = await fetch(`${base}/api/v1/reports/compliance?format=pdf`, {
  headers: { authorization: token },
});
const reader = exporting.body.getReader();
const first = await reader.read();
server.kill('SIGKILL');
await server.exited;
let cut = false;
try {
  while (!(await reader.read()).done);
} catch {
  cut = true;
}
check('killed in the middle of a report export', exporting.status === 200 && !first.done && cut);
check(
  'starts cleanly after the export was killed',
  await startsCleanly(),
  server.output.slice(-2000),
);
check(
  'no temporary file is left behind',
  readdirSync(serverTmp).length === 0,
  readdirSync(serverTmp).join(', '),
);
check(
  'no large object is left behind',
  (await count(`SELECT count(*) FROM pg_largeobject_metadata`)) === largeObjectsBefore,
);
const exportAgain = await fetch(`${base}/api/v1/reports/compliance?format=csv`, {
  headers: { authorization: await signIn() },
});
check(
  'exports again after the crash',
  exportAgain.status === 200 && (await exportAgain.text()).length > 0,
);
server.kill('SIGINT');
await server.exited;

// 5. A bad environment fails fast and names the variable.
const bad = spawn(process.execPath, ['dist/apps/api/main.js'], {
  env: { ...env, PORT: 'eighty' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let badOut = '';
bad.stderr.on('data', (d) => (badOut += d));
const badExit = await new Promise((resolve) => bad.once('exit', resolve));
check(
  'a bad PORT stops the start with a message naming it',
  badExit === 2 && /PORT/.test(badOut),
  badOut,
);

console.log(`\nsmoke: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
