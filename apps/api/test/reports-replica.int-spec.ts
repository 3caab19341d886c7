import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { generateHealthSystem } from '../../../tools/test-data/health-system.cjs';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { createTestApp, type TestApp } from './test-app';
import { createTestDatabase } from './test-database';

const OPTIONS = { staff: 60, password: 'replica-report-password-1' } as const;
const AS_OF = '2026-11-24';

/**
 * DATABASE_READ_URL: a second database on the same server, generated with the same rows (the
 * generator's ids are deterministic), stands in for the replica; the test writes to it through
 * a TypeORM DataSource of its own. One member is renamed in the replica only, so the report's
 * rows say which database they were read from; the replica's data version decides.
 */
describe('compliance reports read from the replica once it has caught up', () => {
  let t: TestApp;
  let replicaDb: { url: string; drop: () => Promise<void> };
  let replica: DataSource;
  let token: string;
  let departmentId: string;
  let staffId: string;
  let primaryName: string;

  beforeAll(async () => {
    replicaDb = await createTestDatabase();
    await runMigrations(replicaDb.url);
    await generateHealthSystem({ databaseUrl: replicaDb.url, ...OPTIONS });
    t = await createTestApp({ env: { DATABASE_READ_URL: replicaDb.url } });
    const system = await generateHealthSystem({ databaseUrl: t.databaseUrl, ...OPTIONS });
    departmentId = system.accounts.admins[0].departmentId;
    replica = createDataSource(replicaDb.url);
    await replica.initialize();
    [{ id: staffId, name: primaryName }] = await t.dataSource.query(
      `SELECT id, name FROM staff WHERE department_id = $1 AND status = 'active' ORDER BY name LIMIT 1`,
      [departmentId],
    );
    await replica.query(`UPDATE staff SET name = 'Replica Reading' WHERE id = $1`, [staffId]);
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: system.accounts.admins[0].email, password: OPTIONS.password });
    token = res.body.accessToken;
  }, 300_000);
  afterAll(async () => {
    await replica?.destroy();
    await t?.close();
    await replicaDb?.drop();
  });

  const setReplicaVersion = async (delta: number) => {
    const [{ version }] = await t.dataSource.query(
      `SELECT version FROM department_data_version WHERE department_id = $1`,
      [departmentId],
    );
    await replica.query(
      `UPDATE department_data_version SET version = $2 WHERE department_id = $1`,
      [departmentId, Number(version) + delta],
    );
  };
  const csv = async () => {
    const res = await t
      .http()
      .get(`/api/v1/reports/compliance?asOf=${AS_OF}&format=csv`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(res.status).toBe(200);
    return res.body as string;
  };
  const xlsxStaffNames = async () => {
    const res = await t
      .http()
      .get(`/api/v1/reports/compliance?asOf=${AS_OF}&format=xlsx`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const names: string[] = [];
    workbook.getWorksheet('Staff')?.eachRow((row) => names.push(String(row.getCell(1).value)));
    return names;
  };

  it('a replica at or past the primary data version: the rows are the replica', async () => {
    await setReplicaVersion(0);
    const text = await csv();
    expect(text).toContain('"Replica Reading"');
    expect(text).not.toContain(`"${primaryName}"`);
    await setReplicaVersion(3);
    expect(await xlsxStaffNames()).toContain('Replica Reading');
  });

  it('a replica behind the primary: the rows are the primary', async () => {
    await setReplicaVersion(-1);
    const text = await csv();
    expect(text).toContain(`"${primaryName}"`);
    expect(text).not.toContain('Replica Reading');
    const names = await xlsxStaffNames();
    expect(names).toContain(primaryName);
    expect(names).not.toContain('Replica Reading');
  });
});
