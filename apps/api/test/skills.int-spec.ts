import { caller, type DepartmentFixture } from './fixtures';
import { openCatalogTest } from './support/catalog';
import type { TestApp } from './test-app';

/**
 * Access, conflicts, paging and a skill's creation to deletion, shared by the catalog APIs, are
 * in catalog.int-spec.ts.
 */
describe('skills API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;

  beforeAll(async () => {
    ({ t, dept } = await openCatalogTest());
  });
  afterAll(() => t.close());

  it('rejects bad input with 400 naming the field and writes nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*) FROM skill`);
    const res = await caller(t, dept.tokens.admin)
      .post('/api/v1/skills', { name: '', category: 'magic', extra: 1 })
      .expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.message.join('\n')).toMatch(/name/);
    expect(res.body.message.join('\n')).toMatch(/category/);
    expect(res.body.message.join('\n')).toMatch(/extra/);
    expect(await t.dataSource.query(`SELECT count(*) FROM skill`)).toEqual(before);
  });

  it('refuses to delete a skill in use with 409', async () => {
    const s = await caller(t, dept.tokens.admin)
      .post('/api/v1/skills', { name: 'HIPAA privacy', category: 'regulatory' })
      .expect(201);
    await t.dataSource.query(
      `INSERT INTO assessment (department_id, staff_id, skill_id, level, assessed_on, source) VALUES ($1, $2, $3, 2, '2026-01-05', 'manager')`,
      [dept.departmentId, dept.staffStaffId, s.body.id],
    );
    await caller(t, dept.tokens.admin).delete(`/api/v1/skills/${s.body.id}`).expect(409);
  });
});
