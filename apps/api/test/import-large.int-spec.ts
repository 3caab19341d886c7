import { credentialImportCsv, staffImportCsv } from '../../../tools/test-data/health-system.cjs';
import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { insertCredentialType } from './member-records';
import { createTestApp, type TestApp } from './test-app';

const ROWS = 10_000;

/** Members B-1 .. B-n of the fixture's Coding and CDI teams (the bench imports files of the same shape). */
function staffFile(rows: number, status = 'active'): Buffer {
  return Buffer.from(
    staffImportCsv({
      rows,
      employeeIdPrefix: 'B-',
      name: 'Member',
      emailDomain: 'bulk.example',
      teams: ['CDI', 'Coding'],
      roles: ['Medical Coder'],
      status,
      hiredIn: '2020-03',
    }),
  );
}

/**
 * Performance and limits: 10,000 rows dry-run and commit in seconds (lookups loaded once,
 * multi-row INSERTs), and a file over 50,000 rows is refused before any row is checked.
 */
describe('import of large files', () => {
  let t: TestApp;
  let d: DepartmentFixture;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t, 'bulk');
    await t.dataSource.query(`INSERT INTO team (department_id, name) VALUES ($1, 'CDI')`, [
      d.departmentId,
    ]);
    await insertCredentialType(t, d.departmentId, 'CCS');
  });
  afterAll(() => t.close());

  const upload = (kind: string, file: Buffer, mode: 'dry-run' | 'commit') =>
    t
      .http()
      .post(`/api/v1/import/${kind}?mode=${mode}`)
      .set(bearer(d.tokens.manager))
      .attach('file', file, `${kind}.csv`);

  const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const start = process.hrtime.bigint();
    const result = await fn();
    console.log(`${label}: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`);
    return result;
  };

  it(`dry-runs, commits and re-imports ${ROWS} staff rows`, async () => {
    const file = staffFile(ROWS);
    const dry = await timed(`staff dry run, ${ROWS} rows`, () =>
      upload('staff', file, 'dry-run').expect(200),
    );
    expect(dry.body).toMatchObject({ rows: ROWS, errorCount: 0, create: ROWS });
    expect(dry.body.preview).toHaveLength(20);

    const commit = await timed(`staff commit, ${ROWS} rows`, () =>
      upload('staff', file, 'commit').expect(200),
    );
    expect(commit.body).toMatchObject({ create: ROWS, importId: expect.any(String) });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*) FROM staff WHERE department_id = $1 AND employee_id LIKE 'B-%'`,
      [d.departmentId],
    );
    expect(Number(count)).toBe(ROWS);
    const [{ events }] = await t.dataSource.query(
      `SELECT count(*) AS events FROM audit_event
        WHERE department_id = $1 AND (note LIKE $2 OR (entity = 'import' AND entity_id = $3))`,
      [d.departmentId, `import ${commit.body.importId}:%`, commit.body.importId],
    );
    expect(Number(events)).toBe(ROWS + 1);

    const again = await timed(`staff re-import (unchanged), ${ROWS} rows`, () =>
      upload('staff', file, 'commit').expect(200),
    );
    expect(again.body).toMatchObject({ unchanged: ROWS, create: 0, update: 0 });

    const leave = await timed(`staff commit of ${ROWS} updates`, () =>
      upload('staff', staffFile(ROWS, 'leave'), 'commit').expect(200),
    );
    expect(leave.body).toMatchObject({ update: ROWS });
  });

  it(`commits ${ROWS} credential rows`, async () => {
    const file = Buffer.from(
      credentialImportCsv({
        rows: ROWS,
        employeeIdPrefix: 'B-',
        codes: ['CCS'],
        numberPrefix: 'N-',
        issuedIn: '2024-07',
        expiresIn: '2026-06',
      }),
    );
    const dry = await timed(`credentials dry run, ${ROWS} rows`, () =>
      upload('credentials', file, 'dry-run').expect(200),
    );
    expect(dry.body).toMatchObject({ create: ROWS, errorCount: 0 });
    const commit = await timed(`credentials commit, ${ROWS} rows`, () =>
      upload('credentials', file, 'commit').expect(200),
    );
    expect(commit.body).toMatchObject({ create: ROWS });
  });

  it('lists at most 1,000 problems but counts them all', async () => {
    const lines = ['Employee ID,Name,Email,Team,Role,Status,Hire date'];
    for (let i = 1; i <= 1500; i++)
      lines.push(`X-${i},Member ${i},x${i}@bulk.example,Nowhere,Medical Coder,active,2020-01-01`);
    const res = await upload('staff', Buffer.from(lines.join('\n')), 'commit').expect(400);
    expect(res.body).toMatchObject({ errorCount: 1500 });
    expect(res.body.errors).toHaveLength(1000);
    expect(res.body.message).toHaveLength(101);
    expect(res.body.message[100]).toBe('... and 1400 more problems');
  });

  it('refuses a file of more than 50,000 rows', async () => {
    const res = await upload('staff', staffFile(50_001), 'dry-run').expect(400);
    expect(res.body.message).toEqual([
      'file: the file has more than 50000 data rows; at most 50000 per import',
    ]);
  });
});
