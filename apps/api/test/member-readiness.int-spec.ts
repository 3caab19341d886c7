import { caller, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

describe('GET /staff/:staffId/readiness (one member, R6)', () => {
  let t: TestApp;
  let dept: DepartmentFixture;

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
  });
  afterAll(() => t.close());

  it('a staff member reads their own readiness, the same as the department figures say', async () => {
    const own = await caller(t, dept.tokens.staff)
      .get(`/api/v1/staff/${dept.staffStaffId}/readiness?asOf=2026-06-01`)
      .expect(200);
    const department = await caller(t, dept.tokens.manager)
      .get('/api/v1/readiness?asOf=2026-06-01')
      .expect(200);
    const expected = department.body.members.find(
      (member: { staffId: string }) => member.staffId === dept.staffStaffId,
    );
    expect(expected).toBeDefined();
    expect(own.body).toEqual({
      asOf: '2026-06-01',
      staffId: dept.staffStaffId,
      readiness: expected,
    });
  });

  it("another member's answers 404 to staff, 200 to a manager; a bad date is a 400 naming asOf", async () => {
    await caller(t, dept.tokens.staff)
      .get(`/api/v1/staff/${dept.otherStaffId}/readiness`)
      .expect(404);
    const managed = await caller(t, dept.tokens.manager)
      .get(`/api/v1/staff/${dept.otherStaffId}/readiness`)
      .expect(200);
    expect(managed.body.readiness).toMatchObject({ staffId: dept.otherStaffId });
    const bad = await caller(t, dept.tokens.staff)
      .get(`/api/v1/staff/${dept.staffStaffId}/readiness?asOf=2026-02-30`)
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('asOf');
  });
});
