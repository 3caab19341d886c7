import { todayIn } from '@him/domain';
import { caller, createDepartment, type DepartmentFixture } from './fixtures';
import { auditOf, countRows, daysFromToday, insertSkill } from './member-records';
import { createTestApp, type TestApp } from './test-app';

describe('assessments API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let skillId: string;
  let userIds: Record<'admin' | 'manager' | 'staff', string>;

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
    other = await createDepartment(t, 'b');
    skillId = await insertSkill(t, dept.departmentId, 'ICD-10-CM coding');
    const rows: { role: 'admin' | 'manager' | 'staff'; id: string }[] = await t.dataSource.query(
      `SELECT role, id FROM app_user WHERE department_id = $1`,
      [dept.departmentId],
    );
    userIds = Object.fromEntries(rows.map((r) => [r.role, r.id])) as typeof userIds;
  });
  afterAll(() => t.close());

  const path = (staffId: string) => `/api/v1/staff/${staffId}/assessments`;
  const body = (overrides: Record<string, unknown> = {}) => ({
    skillId,
    level: 2,
    assessedOn: '2025-11-03',
    source: 'self',
    ...overrides,
  });

  it('lets a staff member record a self-assessment of their own record, audited', async () => {
    const res = await caller(t, dept.tokens.staff)
      .post(path(dept.staffStaffId), body({ note: 'after the ICD course' }))
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      staffId: dept.staffStaffId,
      skillId,
      level: 2,
      assessedOn: '2025-11-03',
      source: 'self',
      note: 'after the ICD course',
      assessedByUserId: userIds.staff,
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const audit = await auditOf(t, res.body.id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        entity: 'assessment',
        user_email: dept.emails.staff,
        before: null,
        after: res.body,
      }),
    ]);
  });

  it("keeps staff to their own record and to source 'self'", async () => {
    const before = await countRows(t, 'assessment');
    const asManager = await caller(t, dept.tokens.staff)
      .post(path(dept.staffStaffId), body({ source: 'manager' }))
      .expect(403);
    expect(asManager.body.message[0]).toMatch(/^source/);
    await caller(t, dept.tokens.staff).post(path(dept.otherStaffId), body()).expect(404);
    await caller(t, dept.tokens.staff)
      .post(path(dept.managerStaffId), body({ source: 'manager' }))
      .expect(404);
    await caller(t, dept.tokens.staff).get(path(dept.otherStaffId)).expect(404);
    await caller(t, dept.tokens.staff).get(path(dept.staffStaffId)).expect(200);
    expect(await countRows(t, 'assessment')).toBe(before);
  });

  it("lets managers and admins record 'manager' assessments, and 'self' only of their own record", async () => {
    const byManager = await caller(t, dept.tokens.manager)
      .post(path(dept.otherStaffId), body({ source: 'manager', level: 3 }))
      .expect(201);
    expect(byManager.body).toMatchObject({
      source: 'manager',
      level: 3,
      assessedByUserId: userIds.manager,
      staffId: dept.otherStaffId,
    });
    const byAdmin = await caller(t, dept.tokens.admin)
      .post(path(dept.otherStaffId), body({ source: 'manager', level: 4 }))
      .expect(201);
    expect(byAdmin.body.assessedByUserId).toBe(userIds.admin);
    const managerOwn = await caller(t, dept.tokens.manager)
      .post(path(dept.managerStaffId), body({ source: 'self' }))
      .expect(201);
    expect(managerOwn.body.source).toBe('self');

    const before = await countRows(t, 'assessment');
    const selfForOther = await caller(t, dept.tokens.manager)
      .post(path(dept.otherStaffId), body({ source: 'self' }))
      .expect(403);
    expect(selfForOther.body.message[0]).toMatch(/^source/);
    await caller(t, dept.tokens.admin)
      .post(path(dept.otherStaffId), body({ source: 'self' }))
      .expect(403);
    expect(await countRows(t, 'assessment')).toBe(before);
  });

  it('lists newest first: by assessedOn, then by the time recorded', async () => {
    const d = await createDepartment(t);
    const skill = await insertSkill(t, d.departmentId);
    const post = async (assessedOn: string, level: number) =>
      (
        await caller(t, d.tokens.manager)
          .post(path(d.otherStaffId), { skillId: skill, level, assessedOn, source: 'manager' })
          .expect(201)
      ).body;
    const a = await post('2025-01-10', 1);
    const b = await post('2025-06-01', 2);
    const c = await post('2025-01-10', 3);
    const list = await caller(t, d.tokens.admin).get(path(d.otherStaffId)).expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([b.id, c.id, a.id]);
    const page = await caller(t, d.tokens.manager)
      .get(`${path(d.otherStaffId)}?limit=1&offset=1`)
      .expect(200);
    expect(page.body).toEqual({ items: [expect.objectContaining({ id: c.id })], total: 3 });
  });

  it('rejects bad input with 400 naming the field and writes nothing', async () => {
    const before = await countRows(t, 'assessment');
    const auditBefore = await countRows(t, 'audit_event');
    const send = (b: Record<string, unknown>) =>
      caller(t, dept.tokens.manager).post(path(dept.otherStaffId), b).expect(400);

    const shape = await send({
      skillId: 'nope',
      level: 5,
      assessedOn: '03/11/2025',
      source: 'peer',
      extra: true,
    });
    const text = shape.body.message.join('\n');
    for (const field of ['skillId', 'level', 'assessedOn', 'source', 'extra'])
      expect(text).toMatch(field);
    expect((await send(body({ source: 'manager', level: 2.5 }))).body.message.join('\n')).toMatch(
      /^level/,
    );
    expect((await send(body({ source: 'manager', level: '3' }))).body.message.join('\n')).toMatch(
      /^level/,
    );

    const future = await send(body({ source: 'manager', assessedOn: daysFromToday(3) }));
    expect(future.body.message).toEqual([
      expect.stringMatching(/^assessedOn must not be in the future/),
    ]);
    const foreignSkill = await send(
      body({ source: 'manager', skillId: await insertSkill(t, other.departmentId) }),
    );
    expect(foreignSkill.body.message).toEqual(['skillId must be a skill of your department']);

    expect(await countRows(t, 'assessment')).toBe(before);
    expect(await countRows(t, 'audit_event')).toBe(auditBefore);
  });

  it("judges 'the future' by today in the department's time zone", async () => {
    // UTC+14 and UTC-11 are 25 hours apart: Kiritimati's today is always Pago Pago's tomorrow.
    const kiritimatiToday = todayIn('Pacific/Kiritimati', new Date());
    const inZone = async (timeZone: string) => {
      const d = await createDepartment(t);
      await t.dataSource.query(`UPDATE department SET time_zone = $2 WHERE id = $1`, [
        d.departmentId,
        timeZone,
      ]);
      const skill = await insertSkill(t, d.departmentId);
      return caller(t, d.tokens.staff).post(path(d.staffStaffId), {
        skillId: skill,
        level: 1,
        assessedOn: kiritimatiToday,
        source: 'self',
      });
    };
    expect((await inZone('Pacific/Kiritimati')).status).toBe(201);
    const early = await inZone('Pacific/Pago_Pago');
    expect(early.status).toBe(400);
    expect(early.body.message[0]).toMatch(/^assessedOn must not be in the future/);
  });

  it('answers 401 without a token, 404 across departments, and offers no way to change or delete an assessment', async () => {
    const created = await caller(t, dept.tokens.manager)
      .post(path(dept.otherStaffId), body({ source: 'manager' }))
      .expect(201);
    await t.http().get(path(dept.otherStaffId)).expect(401);
    await t.http().post(path(dept.otherStaffId)).send(body()).expect(401);
    await caller(t, other.tokens.admin).get(path(dept.otherStaffId)).expect(404);
    await caller(t, other.tokens.manager)
      .post(path(dept.otherStaffId), body({ source: 'manager' }))
      .expect(404);
    await caller(t, dept.tokens.admin).get(path('not-a-uuid')).expect(400);
    await caller(t, dept.tokens.admin)
      .patch(`${path(dept.otherStaffId)}/${created.body.id}`, { level: 1 })
      .expect(404);
    await caller(t, dept.tokens.admin)
      .delete(`${path(dept.otherStaffId)}/${created.body.id}`)
      .expect(404);
  });
});
