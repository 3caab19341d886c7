import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/** Access, conflicts and paging, shared by the catalog APIs, are in catalog.int-spec.ts. */
describe('skills API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
  });
  afterAll(() => t.close());

  const auditCount = async (entityId: string) =>
    Number(
      (
        await t.dataSource.query(`SELECT count(*) FROM audit_event WHERE entity_id = $1`, [
          entityId,
        ])
      )[0].count,
    );

  it('creates, reads, updates and deletes a skill, auditing each change', async () => {
    const created = await t
      .http()
      .post('/api/v1/skills')
      .set(bearer(dept.tokens.admin))
      .send({ name: 'CPT coding', category: 'technical', description: 'Procedure codes' })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'CPT coding', category: 'technical', version: 1 });
    const id = created.body.id;

    const list = await t.http().get('/api/v1/skills').set(bearer(dept.tokens.staff)).expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(id);

    const updated = await t
      .http()
      .patch(`/api/v1/skills/${id}`)
      .set(bearer(dept.tokens.admin))
      .send({ name: 'CPT procedure coding', version: 1, note: 'clearer name' })
      .expect(200);
    expect(updated.body.version).toBe(2);

    const audit = await t
      .http()
      .get(`/api/v1/audit?entity=skill&entityId=${id}`)
      .set(bearer(dept.tokens.manager))
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.body.items[0]).toMatchObject({
      userEmail: dept.emails.admin,
      before: { name: 'CPT coding' },
      after: { name: 'CPT procedure coding' },
      note: 'clearer name',
    });

    await t.http().delete(`/api/v1/skills/${id}`).set(bearer(dept.tokens.admin)).expect(204);
    await t.http().get(`/api/v1/skills/${id}`).set(bearer(dept.tokens.admin)).expect(404);
    expect(await auditCount(id)).toBe(3);
  });

  it('rejects bad input with 400 naming the field and writes nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*) FROM skill`);
    const res = await t
      .http()
      .post('/api/v1/skills')
      .set(bearer(dept.tokens.admin))
      .send({ name: '', category: 'magic', extra: 1 })
      .expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.message.join('\n')).toMatch(/name/);
    expect(res.body.message.join('\n')).toMatch(/category/);
    expect(res.body.message.join('\n')).toMatch(/extra/);
    expect(await t.dataSource.query(`SELECT count(*) FROM skill`)).toEqual(before);
  });

  it('refuses to delete a skill in use with 409', async () => {
    const s = await t
      .http()
      .post('/api/v1/skills')
      .set(bearer(dept.tokens.admin))
      .send({ name: 'HIPAA privacy', category: 'regulatory' })
      .expect(201);
    await t.dataSource.query(
      `INSERT INTO assessment (department_id, staff_id, skill_id, level, assessed_on, source) VALUES ($1, $2, $3, 2, '2026-01-05', 'manager')`,
      [dept.departmentId, dept.staffStaffId, s.body.id],
    );
    await t.http().delete(`/api/v1/skills/${s.body.id}`).set(bearer(dept.tokens.admin)).expect(409);
  });
});
