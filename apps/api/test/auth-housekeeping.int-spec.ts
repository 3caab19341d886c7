import { AUTH_HOUSEKEEPING_CRON, AUTH_HOUSEKEEPING_QUEUE } from '../src/auth/auth-housekeeping';
import { JobEngine } from '../src/jobs/job-engine';
import { createDepartment } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * The sign-in housekeeping is a recurring job of the PostgreSQL job engine, not a timer of each
 * process: two API processes over one database share one schedule of it and one singleton queue,
 * and a job sent by either sweeps stale rows and keeps live ones.
 */
describe('sign-in housekeeping on the job engine', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ databaseUrl: a.databaseUrl });
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('is scheduled once every ten minutes, on a singleton queue, whatever the number of processes', async () => {
    const schedules: { name: string; cron: string }[] = await a.dataSource.query(
      `SELECT name, cron FROM pgboss.schedule WHERE name = $1`,
      [AUTH_HOUSEKEEPING_QUEUE],
    );
    expect(schedules).toEqual([{ name: AUTH_HOUSEKEEPING_QUEUE, cron: AUTH_HOUSEKEEPING_CRON }]);
    expect(AUTH_HOUSEKEEPING_CRON).toBe('*/10 * * * *');
    const [queue] = await a.dataSource.query(`SELECT policy FROM pgboss.queue WHERE name = $1`, [
      AUTH_HOUSEKEEPING_QUEUE,
    ]);
    expect(queue).toEqual({ policy: 'singleton' });
  });

  it('sweeps stale throttle counters, sessions and failed sign-ins, and keeps live ones', async () => {
    const d = await createDepartment(a);
    const [{ id: userId }] = await a.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [
      d.emails.staff,
    ]);
    await a.dataSource.query(
      `INSERT INTO rate_limit (key, hits, window_ends_at, blocked_until) VALUES
         ('hk-stale', 3, now() - interval '1 hour', NULL),
         ('hk-blocked', 9, now() - interval '1 hour', now() + interval '1 hour'),
         ('hk-live', 1, now() + interval '1 hour', NULL)`,
    );
    await a.dataSource.query(
      `INSERT INTO sign_in_failure (at, email, reason) VALUES
         (now() - interval '91 days', 'hk-old@example.org', 'wrong-credentials'),
         (now() - interval '1 day', 'hk-new@example.org', 'wrong-credentials')`,
    );
    await a.dataSource.query(
      `INSERT INTO auth_session (user_id, method, created_at, expires_at) VALUES
         ($1, 'password', now() - interval '3 days', now() - interval '2 days'),
         ($1, 'password', now() - interval '1 hour', now() + interval '1 hour')`,
      [userId],
    );
    const sessionsBefore = Number(
      (
        await a.dataSource.query(
          `SELECT count(*) AS n FROM auth_session WHERE user_id = $1 AND expires_at > now()`,
          [userId],
        )
      )[0].n,
    );

    // both processes ask; the singleton queue runs one sweep at a time
    const sent = [
      await a.app.get(JobEngine).send(AUTH_HOUSEKEEPING_QUEUE, {}),
      await b.app.get(JobEngine).send(AUTH_HOUSEKEEPING_QUEUE, {}),
    ].filter((id): id is string => id !== null);
    expect(sent.length).toBeGreaterThan(0);
    for (let i = 0; i < 60; i++) {
      const [{ open }] = await a.dataSource.query(
        `SELECT count(*)::int AS open FROM pgboss.job
          WHERE name = $1 AND id = ANY($2::uuid[]) AND state <> 'completed'`,
        [AUTH_HOUSEKEEPING_QUEUE, sent],
      );
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const keys = (await a.dataSource.query(
      `SELECT key FROM rate_limit WHERE key LIKE 'hk-%' ORDER BY key`,
    )) as { key: string }[];
    expect(keys.map((k) => k.key)).toEqual(['hk-blocked', 'hk-live']);
    const failures = (await a.dataSource.query(
      `SELECT email FROM sign_in_failure WHERE email LIKE 'hk-%'`,
    )) as { email: string }[];
    expect(failures.map((f) => f.email)).toEqual(['hk-new@example.org']);
    const sessions = (await a.dataSource.query(
      `SELECT expires_at > now() AS live FROM auth_session WHERE user_id = $1`,
      [userId],
    )) as { live: boolean }[];
    expect(sessions.every((s) => s.live)).toBe(true);
    expect(sessions).toHaveLength(sessionsBefore);
  }, 60_000);
});
