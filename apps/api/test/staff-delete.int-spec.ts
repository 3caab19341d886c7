import { caller, createDepartment, type DepartmentFixture } from './fixtures';
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
    const created = await caller(t, dept.tokens.manager)
      .post('/api/v1/staff', {
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
    await caller(t, dept.tokens.admin)
      .delete(`/api/v1/staff/${id}?note=${encodeURIComponent('entered twice')}`)
      .expect(204);
    await caller(t, dept.tokens.admin).get(`/api/v1/staff/${id}`).expect(404);
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
    await caller(t, dept.tokens.manager)
      .post(`/api/v1/staff/${id}/ce-activities`, {
        title: 'Coding Clinic',
        provider: 'AHIMA',
        completedOn: '2026-01-10',
        hours: 1,
      })
      .expect(201);
    const refused = await caller(t, dept.tokens.admin).delete(`/api/v1/staff/${id}`).expect(409);
    expect(JSON.stringify(refused.body.message)).toContain('1 CE activity');
    expect(JSON.stringify(refused.body.message)).toContain('terminated');
    await caller(t, dept.tokens.admin).get(`/api/v1/staff/${id}`).expect(200);
    expect((await auditOf(t, id)).map((row) => row.action)).not.toContain('delete');

    // The member who signs in has an account: the same answer.
    const account = await caller(t, dept.tokens.admin)
      .delete(`/api/v1/staff/${dept.staffStaffId}`)
      .expect(409);
    expect(JSON.stringify(account.body.message)).toContain('sign-in account');
  });

  it('only an admin, only in their department', async () => {
    const id = await createMember('Not Yours');
    await caller(t, dept.tokens.manager).delete(`/api/v1/staff/${id}`).expect(403);
    await caller(t, dept.tokens.staff).delete(`/api/v1/staff/${id}`).expect(403);
    await caller(t, other.tokens.admin).delete(`/api/v1/staff/${id}`).expect(404);
    await t.http().delete(`/api/v1/staff/${id}`).expect(401);
    await caller(t, dept.tokens.admin).get(`/api/v1/staff/${id}`).expect(200);
  });
});
