import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';

/** The advisory lock every starting process takes for the migrations and first-run setup. */
export const STARTUP_LOCK_KEY = 'him-readiness startup';

/**
 * Runs `work` while holding a PostgreSQL advisory lock (session level, on a connection of its
 * own): two processes starting at once over one database, such as two replicas behind a load
 * balancer, apply the migrations, seed and create the first admin one after the other, and the
 * second finds the work done. The lock goes with the connection if the process dies.
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    await client
      .query(`SELECT pg_advisory_unlock(hashtext($1))`, [STARTUP_LOCK_KEY])
      .catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/**
 * Applies every pending migration, each in its own transaction, under the startup lock (so a
 * second process waits, then finds nothing pending); returns their names.
 */
export async function runMigrations(url: string): Promise<string[]> {
  return withStartupLock(url, async () => {
    const dataSource: DataSource = createDataSource(url);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  });
}
