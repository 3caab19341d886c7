import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from './browser';

/** What global teardown needs: kept on the global object of the process that ran setup. */
export interface E2eServer {
  child: ChildProcess;
  exited: Promise<void>;
  dataDir: string;
}
export const SERVER_KEY = '__himE2eServer';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const OUTPUT_DIR = join(WORKSPACE_ROOT, 'test-output', 'e2e');
const START_TIMEOUT_MS = 180_000;

function log(message: string): void {
  process.stderr.write(`[e2e] ${message}\n`);
}

/** Without Jest's NODE_ENV=test, so the build and the server behave as `npm start` does. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  delete env['NODE_ENV'];
  delete env['JEST_WORKER_ID'];
  return env;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** The production build of the API and the dashboard; Nx's cache makes a repeat cheap. */
function build(): void {
  if (process.env['HIM_E2E_SKIP_BUILD'] === '1') {
    log('HIM_E2E_SKIP_BUILD=1: using the build already in dist/');
  } else {
    log('building api and dashboard (production) ...');
    const args = ['nx', 'run-many', '-t', 'build', '-p', 'api', 'dashboard'];
    args.push('--configuration=production', '--output-style=static');
    const result = spawnSync('npx', args, {
      cwd: WORKSPACE_ROOT,
      env: cleanEnv(),
      stdio: ['ignore', process.stderr, process.stderr],
    });
    if (result.status !== 0) {
      throw new Error(`The production build failed (exit ${result.status}): see the output above.`);
    }
  }
  if (!existsSync(join(WORKSPACE_ROOT, 'dist/apps/api/main.js'))) {
    throw new Error('dist/apps/api/main.js is missing after the build.');
  }
}

async function startServer(): Promise<{ server: E2eServer; baseUrl: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'him-e2e-'));
  // The embedded PostgreSQL runs as the postgres user when we are root: it must get in.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env = cleanEnv();
  env['PORT'] = String(port);
  env['DATA_DIR'] = dataDir;
  env['EMBEDDED_PG_PORT'] = String(await freePort());
  for (const name of [
    'DATABASE_URL',
    'SEED_DEMO',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'DASHBOARD_DIR',
  ]) {
    delete env[name];
  }

  log(`starting the server on port ${port} (data in ${dataDir}) ...`);
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: WORKSPACE_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const server: E2eServer = { child, exited, dataDir };

  mkdirSync(OUTPUT_DIR, { recursive: true });
  const logFile = createWriteStream(join(OUTPUT_DIR, 'server.log'));
  let output = '';
  const collect = (chunk: Buffer) => {
    logFile.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // If Jest dies without teardown, still ask the server (and its PostgreSQL) to stop.
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGINT');
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!output.includes('Press Ctrl-C to stop')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const why =
        child.exitCode !== null ? `exited with ${child.exitCode}` : 'did not start in time';
      if (child.exitCode === null) child.kill('SIGINT');
      throw new Error(`The server ${why}. Its last output:\n${output.slice(-4000)}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

export default async function globalSetup(): Promise<void> {
  // No browser means no browser tests: say so before spending time on a build.
  const chromiumPath = findChromium();
  log(`Chromium: ${chromiumPath}`);
  build();
  const { server, baseUrl } = await startServer();
  (globalThis as Record<string, unknown>)[SERVER_KEY] = server;
  // Environment variables reach the test files in band and in worker processes alike.
  process.env['HIM_E2E_CHROMIUM'] = chromiumPath;
  process.env['HIM_E2E_BASE_URL'] = baseUrl;
  log(`server ready at ${baseUrl}`);
}
