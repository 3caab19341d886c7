#!/usr/bin/env node
// `node tools/generate.mjs --database-url postgres://... --staff 10000 --departments 20`:
// writes a generated health system (tools/test-data/health-system.cjs) into that database and
// prints what it wrote and how long it took. Creates the database when it does not exist and
// applies the real migrations when its schema is missing (or with --migrate).
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateHealthSystem } from './test-data/health-system.cjs';

const USAGE = `usage: node tools/generate.mjs --database-url URL [--staff N | --scale X] [--departments N]
       [--seed N] [--today YYYY-MM-DD] [--password P] [--without-credentials-every N] [--migrate]

  --staff N          staff in the whole system (default 10000); every other count follows
  --scale X          the same as --staff 10000*X (0.1: 1,000 staff; 10: 100,000 staff)
  --departments N    departments the staff are spread over (default 1)
  --seed N           the same seed gives the same rows (default 1)
  --today DATE       the day the dates spread around (default 2026-11-24)
  --password P       password of the generated accounts (default generated-password-1)
  --without-credentials-every N   every Nth member holds no credential (default none)
  --migrate          apply the migrations even when the schema is there`;

function fail(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      staff: { type: 'string' },
      scale: { type: 'string' },
      departments: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      password: { type: 'string' },
      'without-credentials-every': { type: 'string' },
      migrate: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  fail(error.message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const databaseUrl = args['database-url'];
if (!databaseUrl) fail('--database-url (or DATABASE_URL) is required');
const number = (name) => {
  const value = args[name];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) fail(`--${name} must be a number (got ${value})`);
  return n;
};

async function ensureDatabase(url) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(
      `SELECT to_regclass('public.department') IS NOT NULL AS migrated`,
    );
    return rows[0].migrated;
  } catch (error) {
    if (error.code !== '3D000') throw error;
    const server = new URL(url);
    const name = decodeURIComponent(server.pathname.slice(1));
    server.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    await admin.end();
    console.log(`created database ${name}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The real migrations, through TypeORM's CLI and the API's data source (as `npm run migration:show`). */
function migrate(url) {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/ts-node/dist/bin.js',
      '-P',
      'apps/api/tsconfig.app.json',
      '-r',
      'tsconfig-paths/register',
      'node_modules/typeorm/cli.js',
      'migration:run',
      '-d',
      'apps/api/src/database/data-source.ts',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DATABASE_URL: url, TS_NODE_TRANSPILE_ONLY: 'true' },
    },
  );
  if (run.status !== 0) throw new Error('the migrations failed');
  console.log(`migrated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  const migrated = await ensureDatabase(databaseUrl);
  if (!migrated || args.migrate) migrate(databaseUrl);
  const result = await generateHealthSystem({
    databaseUrl,
    staff: number('staff'),
    scale: number('scale'),
    departments: number('departments'),
    seed: number('seed'),
    today: args.today,
    password: args.password,
    withoutCredentialsEvery: number('without-credentials-every'),
    log: console.log,
  });
  const { accounts } = result;
  console.log(
    [
      `log in with password ${accounts.password}:`,
      ...accounts.admins.slice(0, 3).map((a) => `  admin    ${a.email}`),
      ...(accounts.admins.length > 3
        ? [`  ... and ${accounts.admins.length - 3} more admins`]
        : []),
      `  manager  ${accounts.manager.email}`,
      `  staff    ${accounts.staff.email}`,
    ].join('\n'),
  );
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
