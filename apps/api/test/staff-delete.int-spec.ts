import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { auditOf } from './member-records';
import { createTestApp, type TestApp } from './test-app';

describe('deleting a staff record created by mistake', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
    other = await createDepartment(t, 'b');
  });
  afterAll(() => t.close());

  async function createMember(name: string): Promise<string> {
    const created = await t
      .http()
      .post('/api/v1/staff')
      .set(bearer(dept.tokens.manager))
      .send({
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
        teamId: dept.teamId,
        roleId: dept.roleId,
        status: 'active',
        hireDate: '2026-01-05',
      })
      .expect(201);
    return created.body.id;
  }

  it('an admin deletes a record nothing refers to; the audit trail keeps what it was', async () => {
    const id = await createMember('Typo Person');
    await t
      .http()
      .delete(`/api/v1/staff/${id}?note=${encodeURIComponent('entered twice')}`)
      .set(bearer(dept.tokens.admin))
      .expect(204);
    await t.http().get(`/api/v1/staff/${id}`).set(bearer(dept.tokens.admin)).expect(404);
    const audit = await auditOf(t, id);
    expect(audit.map((row) => row.action)).toEqual(['create', 'delete']);
    expect(audit[1]).toMatchObject({
      entity: 'staff',
      user_email: dept.emails.admin,
      note: 'entered twice',
      after: null,
    });
    expect(audit[1].before).toMatchObject({ id, name: 'Typo Person', status: 'active' });
  });

  it('refuses with 409 naming what refers to the member, and says to terminate; nothing changes', async () => {
    const id = await createMember('Has Records');
    await t
      .http()
      .post(`/api/v1/staff/${id}/ce-activities`)
      .set(bearer(dept.tokens.manager))
      .send({ title: 'Coding Clinic', provider: 'AHIMA', completedOn: '2026-01-10', hours: 1 })
      .expect(201);
    const refused = await t
      .http()
      .delete(`/api/v1/staff/${id}`)
      .set(bearer(dept.tokens.admin))
      .expect(409);
    expect(JSON.stringify(refused.body.message)).toContain('1 CE activity');
    expect(JSON.stringify(refused.body.message)).toContain('terminated');
    await t.http().get(`/api/v1/staff/${id}`).set(bearer(dept.tokens.admin)).expect(200);
    expect((await auditOf(t, id)).map((row) => row.action)).not.toContain('delete');

    // The member who signs in has an account: the same answer.
    const account = await t
      .http()
      .delete(`/api/v1/staff/${dept.staffStaffId}`)
      .set(bearer(dept.tokens.admin))
      .expect(409);
    expect(JSON.stringify(account.body.message)).toContain('sign-in account');
  });

  it('only an admin, only in their department', async () => {
    const id = await createMember('Not Yours');
    await t.http().delete(`/api/v1/staff/${id}`).set(bearer(dept.tokens.manager)).expect(403);
    await t.http().delete(`/api/v1/staff/${id}`).set(bearer(dept.tokens.staff)).expect(403);
    await t.http().delete(`/api/v1/staff/${id}`).set(bearer(other.tokens.admin)).expect(404);
    await t.http().delete(`/api/v1/staff/${id}`).expect(401);
    await t.http().get(`/api/v1/staff/${id}`).set(bearer(dept.tokens.admin)).expect(200);
  });
});
