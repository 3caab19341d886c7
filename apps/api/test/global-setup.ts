import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * One PostgreSQL for the whole run: the server in DATABASE_URL when set, otherwise an
 * embedded one in a temporary directory. Each test file then makes its own database.
 */
export default async function globalSetup(): Promise<void> {
  process.env['TZ'] = 'UTC';
  if (process.env['DATABASE_URL']) {
    process.env['HIM_TEST_PG_URL'] = process.env['DATABASE_URL'];
    return;
  }
  const parent = mkdtempSync(join(tmpdir(), 'him-test-pg-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'pg');
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    persistent: false,
  });
  (globalThis as Record<string, unknown>)['__HIM_EMBEDDED_PG__'] = embedded;
  process.env['HIM_TEST_PG_URL'] = embedded.url;
}
