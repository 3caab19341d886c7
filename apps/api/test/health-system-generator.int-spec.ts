import type { CeGroup, ReadinessResponse } from '@him/contracts';
import { runMigrations } from '../src/database/migrate';
import {
  generateHealthSystem,
  resolveOptions,
  type HealthSystem,
} from '../../../tools/test-data/health-system.cjs';
import { caller } from './fixtures';
import { createTestApp, type TestApp } from './test-app';
import { createTestDatabase } from './test-database';

const OPTIONS = { staff: 600, departments: 3, seed: 7, today: '2026-11-24' };

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Every generated row, less what the database stamps itself (times) or salts (password hashes). */
async function digest(query: Query, table: string): Promise<unknown> {
  const [{ md5 }] = await query(
    `SELECT md5(string_agg((to_jsonb(x) - 'created_at' - 'updated_at' - 'recorded_at' - 'last_login_at' - 'password_hash')::text, ',' ORDER BY to_jsonb(x)::text)) AS md5 FROM ${table} x`,
  );
  return md5;
}

const TABLES = [
  'department',
  'skill',
  'credential_type',
  'credential_type_skill',
  'ce_rule',
  'job_role',
  'team',
  'requirement',
  'requirement_credential_type',
  'staff',
  'team_manager',
  'app_user',
  'credential',
  'ce_activity',
  'assessment',
];

/**
 * tools/test-data/health-system.cjs (the bench's and the large tests' data): written with COPY
 * into a migrated database, the same rows for the same seed, counts that follow the scale, and
 * data that reads like a real health system through the API.
 */
describe('the generated health system', () => {
  let t: TestApp;
  let system: HealthSystem;
  let adminToken: string;
  const get = async <T>(token: string, path: string): Promise<T> =>
    (await caller(t, token).get(`/api/v1${path}`).expect(200)).body as T;
  const login = async (email: string, password: string): Promise<string> =>
    (await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200)).body
      .accessToken;

  beforeAll(async () => {
    t = await createTestApp();
    system = await generateHealthSystem({ databaseUrl: t.databaseUrl, ...OPTIONS });
    adminToken = await login(system.accounts.admins[0].email, system.accounts.password);
  }, 120_000);
  afterAll(() => t.close());

  it('writes the counts the scale asks for, in teams of about 50 over the departments', async () => {
    const scale = OPTIONS.staff / 10_000;
    expect(system.counts).toMatchObject({
      department: 3,
      staff: 600,
      team: 12,
      credential: Math.round(25_000 * scale),
      ce_activity: Math.round(200_000 * scale),
      assessment: Math.round(300_000 * scale),
      // catalog floors: the real HIM skills, credentials.md's 13 types and 12 roles, per department
      skill: 3 * 46,
      credential_type: 3 * 13,
      job_role: 3 * 12,
      app_user: 3 + 2,
    });
    for (const [table, rows] of Object.entries(system.counts)) {
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
      expect([table, count]).toEqual([table, rows]);
    }
    const sizes = system.departments.flatMap((d) => d.teams.map((team) => team.size));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(75);
    expect(system.departments.map((d) => d.staff)).toEqual([200, 200, 200]);
    expect(system.departments[0].credentialTypes.slice(0, 4)).toEqual([
      'RHIA',
      'RHIT',
      'CCS',
      'CCS-P',
    ]);
  });

  it('keeps every foreign key, though it may skip the per-row checks while writing', async () => {
    const keys: { child: string; parent: string; cols: string[]; refcols: string[] }[] =
      await t.dataSource.query(
        `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
                array_agg(a.attname::text ORDER BY k.ord) AS cols,
                array_agg(af.attname::text ORDER BY k.ord) AS refcols
           FROM pg_constraint c
           CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, refcol, ord)
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
           JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.refcol
          WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
          GROUP BY c.oid, c.conrelid, c.confrelid`,
      );
    expect(keys.length).toBeGreaterThan(20);
    for (const { child, parent, cols, refcols } of keys) {
      const [{ orphans }] = await t.dataSource.query(
        `SELECT count(*)::int AS orphans FROM ${child} x
          WHERE ${cols.map((c) => `x.${c} IS NOT NULL`).join(' AND ')}
            AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE ${cols.map((c, i) => `p.${refcols[i]} = x.${c}`).join(' AND ')})`,
      );
      expect([child, cols, orphans]).toEqual([child, cols, 0]);
    }
  });

  it('scales every count: 0.1 is 1,000 staff, 10 is 100,000', () => {
    expect(resolveOptions({ scale: 0.1 })).toMatchObject({
      staff: 1_000,
      counts: { team: 20, credential: 2_500, ceActivity: 20_000, assessment: 30_000 },
    });
    expect(resolveOptions({ scale: 10, departments: 20 })).toMatchObject({
      staff: 100_000,
      departments: 20,
      counts: {
        team: 2_000,
        role: 600,
        skill: 1_500,
        credentialType: 200,
        credential: 250_000,
        ceActivity: 2_000_000,
        assessment: 3_000_000,
      },
    });
    expect(resolveOptions({ staff: 10_000 }).counts).toEqual({
      team: 200,
      role: 60,
      skill: 150,
      credentialType: 20,
      credential: 25_000,
      ceActivity: 200_000,
      assessment: 300_000,
    });
    expect(() => resolveOptions({ staff: 100, scale: 1 })).toThrow(/staff or scale/);
    expect(() => resolveOptions({ staff: 10, departments: 11 })).toThrow(/departments/);
    expect(() => resolveOptions({ today: '2026-02-30' })).toThrow(/today/);
  });

  it('gives the same rows for the same seed, ids included', async () => {
    const again = await createTestDatabase();
    try {
      await runMigrations(again.url);
      await generateHealthSystem({ databaseUrl: again.url, ...OPTIONS });
      const { Client } = await import('pg');
      const client = new Client({ connectionString: again.url });
      await client.connect();
      try {
        const theirs: Query = async (sql) => (await client.query(sql)).rows;
        const ours: Query = (sql) => t.dataSource.query(sql);
        for (const table of TABLES) {
          expect([table, await digest(theirs, table)]).toEqual([table, await digest(ours, table)]);
        }
      } finally {
        await client.end();
      }
    } finally {
      await again.drop();
    }
  }, 120_000);

  it('has credentials expired, expiring, current and not yet valid around today', async () => {
    const rows: { status: string; count: number }[] = await t.dataSource.query(
      `SELECT CASE WHEN revoked_on <= $1 THEN 'revoked'
                   WHEN issued_on > $1 THEN 'not-yet-valid'
                   WHEN expires_on IS NULL THEN 'does not expire'
                   WHEN expires_on < $1 THEN 'expired'
                   WHEN expires_on < $1::date + 90 THEN 'expiring'
                   ELSE 'current' END AS status, count(*)::int AS count
         FROM credential GROUP BY 1`,
      [OPTIONS.today],
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.count]));
    for (const status of [
      'current',
      'expiring',
      'expired',
      'not-yet-valid',
      'revoked',
      'does not expire',
    ]) {
      expect([status, byStatus[status] > 0]).toEqual([status, true]);
    }
    expect(byStatus['current']).toBeGreaterThan(system.counts['credential'] / 2);
    const expirations = await get<unknown[]>(adminToken, `/expirations?asOf=${OPTIONS.today}`);
    expect(expirations.length).toBeGreaterThan(0);
  });

  it('has CE groups in every status and readiness that is neither 0 nor 100%', async () => {
    const groups = await get<CeGroup[]>(adminToken, `/ce-status?asOf=${OPTIONS.today}`);
    const statuses = new Set(groups.map((g) => g.status));
    expect([...statuses].sort()).toEqual(['at-risk', 'behind', 'met', 'on-track']);
    expect(new Set(groups.map((g) => g.issuingBody)).size).toBeGreaterThanOrEqual(3);

    const readiness = await get<ReadinessResponse>(adminToken, `/readiness?asOf=${OPTIONS.today}`);
    expect(readiness.members.length).toBeGreaterThan(180);
    for (const figure of [readiness.staffReadyPct, readiness.requirementsMetPct]) {
      expect(figure).toBeGreaterThan(0.05);
      expect(figure).toBeLessThan(0.95);
    }
    expect(readiness.targetsMet.met).toBeGreaterThan(0);
    expect(readiness.targetsMet.met).toBeLessThan(readiness.targetsMet.total);
    for (const team of readiness.teams) {
      expect(team.staffReadyPct).toBeGreaterThan(0);
      expect(team.staffReadyPct).toBeLessThan(1);
    }
  });

  it('logs in an admin of every department, the first team manager and a staff member', async () => {
    const { accounts } = system;
    for (const [i, admin] of accounts.admins.entries()) {
      const token = await login(admin.email, accounts.password);
      const readiness = await get<ReadinessResponse>(token, `/readiness?asOf=${OPTIONS.today}`);
      expect(readiness.teams.map((team) => team.teamId).sort()).toEqual(
        system.departments[i].teams.map((team) => team.id).sort(),
      );
    }
    const manager = await login(accounts.manager.email, accounts.password);
    const team = await get<ReadinessResponse>(
      manager,
      `/readiness?asOf=${OPTIONS.today}&teamId=${accounts.manager.teamId}`,
    );
    expect(team.members.length).toBeGreaterThan(20);
    const staff = await login(accounts.staff.email, accounts.password);
    const me = await get<{ staffId: string; role: string }>(staff, '/auth/me');
    expect(me).toMatchObject({ staffId: accounts.staff.staffId, role: 'staff' });
    const own = await get<{ items: { staffId: string }[] }>(
      staff,
      `/staff/${accounts.staff.staffId}/ce-activities`,
    );
    expect(own.items.length).toBeGreaterThan(0);
  });

  it('leaves every Nth member without credentials when asked, keeping the total', async () => {
    const other = await createTestDatabase();
    try {
      await runMigrations(other.url);
      const small = await generateHealthSystem({
        databaseUrl: other.url,
        staff: 400,
        seed: 3,
        withoutCredentialsEvery: 10,
      });
      expect(small.counts['credential']).toBe(1_000);
      const { Client } = await import('pg');
      const client = new Client({ connectionString: other.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT count(*)::int AS count FROM staff s
            WHERE NOT EXISTS (SELECT 1 FROM credential c WHERE c.staff_id = s.id)`,
        );
        expect(rows[0].count).toBeGreaterThanOrEqual(40);
      } finally {
        await client.end();
      }
    } finally {
      await other.drop();
    }
  }, 120_000);
});
