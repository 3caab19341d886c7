import { MIGRATIONS } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { createTestDatabase } from './test-database';

/** Two processes starting at once over one empty database (two replicas behind a balancer). */
describe('migrations under the startup lock', () => {
  it('applies every migration once when two processes start together', async () => {
    const db = await createTestDatabase();
    try {
      const [first, second] = await Promise.all([runMigrations(db.url), runMigrations(db.url)]);
      // one applied them all; the other waited for the lock and found nothing pending
      expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, MIGRATIONS.length]);
      expect(await runMigrations(db.url)).toEqual([]);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
