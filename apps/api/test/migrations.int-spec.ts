import { createDataSource } from '../src/database/data-source';
import { createTestDatabase } from './test-database';

describe('migrations', () => {
  it('apply on an empty database, roll back completely with down(), and apply again', async () => {
    const db = await createTestDatabase();
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      const tables = async () =>
        (
          await ds.query(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration' ORDER BY 1`,
          )
        ).map((r: { table_name: string }) => r.table_name);
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied.length).toBeGreaterThan(0);
      const afterUp = await tables();
      expect(afterUp).toEqual(
        expect.arrayContaining([
          'staff',
          'credential',
          'ce_activity',
          'audit_event',
          'requirement',
        ]),
      );
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual([]);
      await ds.runMigrations({ transaction: 'each' });
      expect(await tables()).toEqual(afterUp);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('enforce the rules in the database itself', async () => {
    const db = await createTestDatabase();
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      await ds.runMigrations();
      const [{ id: dept }] = await ds.query(
        `INSERT INTO department (name) VALUES ('D') RETURNING id`,
      );
      const [{ id: team }] = await ds.query(
        `INSERT INTO team (department_id, name) VALUES ($1, 'T') RETURNING id`,
        [dept],
      );
      const [{ id: role }] = await ds.query(
        `INSERT INTO job_role (department_id, name) VALUES ($1, 'R') RETURNING id`,
        [dept],
      );
      const [{ id: staff }] = await ds.query(
        `INSERT INTO staff (department_id, team_id, role_id, name, email, status, hire_date) VALUES ($1, $2, $3, 'A', 'a@x.org', 'active', '2020-01-01') RETURNING id`,
        [dept, team, role],
      );
      const [{ id: skill }] = await ds.query(
        `INSERT INTO skill (department_id, name, category) VALUES ($1, 'S', 'soft') RETURNING id`,
        [dept],
      );
      const [{ id: type }] = await ds.query(
        `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus) VALUES ($1, 'RHIA', 'RHIA', 'AHIMA', 30) RETURNING id`,
        [dept],
      );
      const rejects = (sql: string, params: unknown[]) =>
        expect(ds.query(sql, params)).rejects.toThrow();
      await rejects(
        `INSERT INTO assessment (department_id, staff_id, skill_id, level, assessed_on, source) VALUES ($1, $2, $3, 5, '2026-01-01', 'self')`,
        [dept, staff, skill],
      );
      await rejects(
        `INSERT INTO ce_activity (department_id, staff_id, title, provider, completed_on, hours, status) VALUES ($1, $2, 'x', 'y', '2026-01-01', 0, 'submitted')`,
        [dept, staff],
      );
      await rejects(
        `INSERT INTO credential (department_id, staff_id, credential_type_id, issued_on, expires_on) VALUES ($1, $2, $3, '2026-02-01', '2026-01-31')`,
        [dept, staff, type],
      );
      await rejects(
        `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus) VALUES ($1, 'rhia', 'dup', 'AHIMA', 30)`,
        [dept],
      );
      await rejects(
        `INSERT INTO staff (department_id, team_id, role_id, name, email, status, hire_date) VALUES ($1, $2, $3, 'B', 'A@X.org', 'active', '2020-01-01')`,
        [dept, team, role],
      );
      await ds.query(
        `INSERT INTO assessment (department_id, staff_id, skill_id, level, assessed_on, source) VALUES ($1, $2, $3, 4, '2026-01-01', 'self')`,
        [dept, staff, skill],
      );
      await rejects(`DELETE FROM skill WHERE id = $1`, [skill]);
      const [{ id: event }] = await ds.query(
        `INSERT INTO audit_event (department_id, action, entity, entity_id) VALUES ($1, 'create', 'skill', $2) RETURNING id`,
        [dept, skill],
      );
      await rejects(`UPDATE audit_event SET note = 'changed' WHERE id = $1`, [event]);
      await rejects(`DELETE FROM audit_event WHERE id = $1`, [event]);
      // removing a whole department removes its trail too
      await ds.query(`DELETE FROM department WHERE id = $1`, [dept]);
      expect(await ds.query(`SELECT id FROM audit_event WHERE id = $1`, [event])).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('upgrade an existing department: RHIA supersedes RHIT, default after-lapse states, CTR becomes ODS', async () => {
    const db = await createTestDatabase();
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      await ds.runMigrations();
      // back to before issue 10's two migrations (and every later one), with a catalog written then
      const lastApplied = async (): Promise<number> =>
        Number((await ds.query(`SELECT max("timestamp") AS t FROM schema_migration`))[0].t);
      while ((await lastApplied()) >= 1797000000000) await ds.undoLastMigration();
      const dept = async (name: string) =>
        (await ds.query(`INSERT INTO department (name) VALUES ($1) RETURNING id`, [name]))[0]
          .id as string;
      const type = async (department: string, code: string, name: string, body: string) =>
        (
          await ds.query(
            `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus) VALUES ($1, $2, $3, $4, 20) RETURNING id`,
            [department, code, name, body],
          )
        )[0].id as string;
      const a = await dept('A');
      const b = await dept('B');
      const rhia = await type(a, 'RHIA', 'RHIA', 'AHIMA');
      const rhit = await type(a, 'RHIT', 'RHIT', 'AHIMA');
      const ctr = await type(a, 'CTR', 'Certified Tumor Registrar', 'NCRA');
      // B renamed its registrar type and already holds an ODS: nothing of B is renamed
      const ownCtr = await type(b, 'CTR', 'Tumor registrar (ours)', 'NCRA');
      await type(b, 'ODS', 'Oncology Data Specialist', 'NCRA');
      await ds.query(
        `INSERT INTO ce_rule (department_id, issuing_body, cycle_months) VALUES ($1, 'AHIMA', 24), ($1, 'NCRA', 24), ($1, 'aapc', 24)`,
        [a],
      );
      await ds.runMigrations();

      expect(
        await ds.query(
          `SELECT credential_type_id, superseded_type_id FROM credential_type_supersession`,
        ),
      ).toEqual([{ credential_type_id: rhia, superseded_type_id: rhit }]);
      const states = await ds.query(
        `SELECT issuing_body, after_lapse FROM ce_rule WHERE department_id = $1 ORDER BY issuing_body`,
        [a],
      );
      expect(states).toEqual([
        { issuing_body: 'AHIMA', after_lapse: [{ state: 'inactive', days: 180 }] },
        { issuing_body: 'NCRA', after_lapse: [] },
        { issuing_body: 'aapc', after_lapse: [{ state: 'grace', days: 90 }] },
      ]);
      const codeOf = async (id: string) =>
        (await ds.query(`SELECT code, name FROM credential_type WHERE id = $1`, [id]))[0];
      expect(await codeOf(ctr)).toEqual({ code: 'ODS', name: 'Oncology Data Specialist' });
      expect(await codeOf(ownCtr)).toEqual({ code: 'CTR', name: 'Tumor registrar (ours)' });
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
