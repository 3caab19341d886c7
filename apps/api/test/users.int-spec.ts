import { caller, createDepartment, type DepartmentFixture, PASSWORD } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

describe('users API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let adminId: string;

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(sql, params))[0].count);
  const rowCounts = () =>
    Promise.all([
      count(`SELECT count(*) FROM app_user`),
      count(`SELECT count(*) FROM audit_event`),
    ]);
  const post = (body: object, token = dept.tokens.admin) =>
    caller(t, token).post('/api/v1/users', body);
  const patch = (id: string, body: object, token = dept.tokens.admin) =>
    caller(t, token).patch(`/api/v1/users/${id}`, body);
  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });
  const newPassword = 'a much longer password 2026';

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
    other = await createDepartment(t, 'b');
    adminId = (await caller(t, dept.tokens.admin).get('/api/v1/auth/me').expect(200)).body.id;
  });
  afterAll(() => t.close());

  it('creates, lists, reads and updates accounts without ever showing or auditing a password', async () => {
    const created = await post({
      email: ' Olga.Other@Example.org ',
      role: 'staff',
      staffId: dept.otherStaffId,
      password: newPassword,
    }).expect(201);
    const id = created.body.id;
    expect(created.body).toEqual({
      id: expect.any(String),
      email: 'olga.other@example.org',
      role: 'staff',
      staffId: dept.otherStaffId,
      active: true,
      version: 1,
    });
    const [{ password_hash }] = await t.dataSource.query(
      `SELECT password_hash FROM app_user WHERE id = $1`,
      [id],
    );
    expect(password_hash).toMatch(/^\$argon2id\$/);
    expect((await login('olga.other@example.org', newPassword).expect(200)).body.user.id).toBe(id);

    const list = await caller(t, dept.tokens.admin).get('/api/v1/users').expect(200);
    expect(list.body.total).toBe(4);
    expect(list.body.items.find((u: { id: string }) => u.id === id)).toEqual(created.body);
    for (const user of list.body.items)
      expect(Object.keys(user).sort()).toEqual([
        'active',
        'email',
        'id',
        'role',
        'staffId',
        'version',
      ]);
    await caller(t, dept.tokens.admin).get(`/api/v1/users/${id}`).expect(200, created.body);
    const page = await caller(t, dept.tokens.admin)
      .get('/api/v1/users?limit=2&offset=2')
      .expect(200);
    expect(page.body).toMatchObject({ total: 4, items: [expect.any(Object), expect.any(Object)] });

    const promoted = await patch(id, {
      version: 1,
      role: 'manager',
      password: 'another long password!',
      note: 'now team lead',
    }).expect(200);
    expect(promoted.body).toEqual({ ...created.body, role: 'manager', version: 2 });
    await login('olga.other@example.org', newPassword).expect(401);
    await login('olga.other@example.org', 'another long password!').expect(200);

    const deactivated = await patch(id, { version: 2, active: false }).expect(200);
    expect(deactivated.body).toMatchObject({ active: false, version: 3 });
    await login('olga.other@example.org', 'another long password!').expect(401);

    const events = await t.dataSource.query(
      `SELECT action, before, after, note FROM audit_event WHERE entity = 'user' AND entity_id = $1 ORDER BY at`,
      [id],
    );
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'login',
      'update',
      'login',
      'update',
    ]);
    expect(events[0].after).toEqual(created.body);
    expect(events[2]).toEqual({
      action: 'update',
      before: created.body,
      after: { ...promoted.body, passwordChanged: true },
      note: 'now team lead',
    });
    const trail = JSON.stringify(events);
    expect(trail).not.toContain('argon2');
    expect(trail).not.toContain('password"');
    expect(trail).not.toContain('long password');
  });

  it('rejects bad accounts with 400 naming the field and writes nothing', async () => {
    const before = await rowCounts();
    const res = await post({
      email: 'not-an-email',
      role: 'owner',
      password: 'short',
      passwordHash: '$argon2id$x',
    }).expect(400);
    const text = res.body.message.join('\n');
    for (const field of ['email', 'role', 'password', 'passwordHash'])
      expect(text).toContain(field);
    const staffless = await post({
      email: 'x@example.org',
      role: 'staff',
      password: newPassword,
    }).expect(400);
    expect(staffless.body.message).toEqual([
      'staffId: required for an account with the staff role',
    ]);
    const foreign = await post({
      email: 'x@example.org',
      role: 'manager',
      staffId: other.otherStaffId,
      password: newPassword,
    }).expect(400);
    expect(foreign.body.message).toEqual([
      'staffId: no staff member with this id in the department',
    ]);
    await post({ email: 'x@example.org', role: 'admin', password: 'eleven char' }).expect(400);

    const [manager] = (
      await caller(t, dept.tokens.admin).get('/api/v1/users').expect(200)
    ).body.items.filter((u: { role: string }) => u.role === 'manager');
    await patch(manager.id, { version: manager.version, staffId: other.managerStaffId }).expect(
      400,
    );
    const unlink = await patch(manager.id, {
      version: manager.version,
      role: 'staff',
      staffId: null,
    }).expect(400);
    expect(unlink.body.message).toEqual(['staffId: required for an account with the staff role']);
    await patch(manager.id, { version: manager.version, active: null }).expect(400);
    await patch(manager.id, { version: manager.version, password: 'short' }).expect(400);
    await patch(manager.id, { version: manager.version, email: 'new@example.org' }).expect(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 409 on a duplicate email, a second account for a member, a stale version and an admin demoting or deactivating themselves', async () => {
    const dup = await post({
      email: dept.emails.manager.toUpperCase(),
      role: 'manager',
      password: newPassword,
    }).expect(409);
    expect(dup.body.message).toEqual(['email: an account with this email already exists']);
    // emails are unique across departments too: one login, one department
    await post(
      { email: dept.emails.manager, role: 'manager', password: newPassword },
      other.tokens.admin,
    ).expect(409);
    const twice = await post({
      email: 'second@example.org',
      role: 'staff',
      staffId: dept.staffStaffId,
      password: newPassword,
    }).expect(409);
    expect(twice.body.message).toEqual(['staffId: this staff member already has an account']);

    const a = await post({
      email: 'auditor@example.org',
      role: 'manager',
      password: newPassword,
    }).expect(201);
    await patch(a.body.id, { version: 1, role: 'admin' }).expect(200);
    const stale = await patch(a.body.id, { version: 1, active: false }).expect(409);
    expect(stale.body.message[0]).toMatch(/version/);

    const before = await rowCounts();
    const demote = await patch(adminId, { version: 1, role: 'manager' }).expect(409);
    expect(demote.body.message[0]).toMatch(/your own role/);
    const lockout = await patch(adminId, { version: 1, active: false }).expect(409);
    expect(lockout.body.message[0]).toMatch(/deactivate your own account/);
    expect(await rowCounts()).toEqual(before);
    // an admin may still change their own password
    await patch(adminId, { version: 1, role: 'admin', password: newPassword }).expect(200);
    await login(dept.emails.admin, newPassword).expect(200);
    await login(dept.emails.admin, PASSWORD).expect(401);
    // and another admin may demote them
    const second = (await login('auditor@example.org', newPassword).expect(200)).body.accessToken;
    await patch(adminId, { version: 2, role: 'manager' }, second).expect(200);
    await caller(t, dept.tokens.admin).get('/api/v1/users').expect(403);
    await patch(adminId, { version: 3, role: 'admin' }, second).expect(200);
  });

  it("is for admins only and hides other departments' accounts", async () => {
    await t.http().get('/api/v1/users').expect(401);
    const { body: users } = await caller(t, dept.tokens.admin).get('/api/v1/users').expect(200);
    const someone = users.items[0];
    for (const role of ['manager', 'staff'] as const) {
      await caller(t, dept.tokens[role]).get('/api/v1/users').expect(403);
      await caller(t, dept.tokens[role]).get(`/api/v1/users/${someone.id}`).expect(403);
      await post(
        { email: 'z@example.org', role: 'admin', password: newPassword },
        dept.tokens[role],
      ).expect(403);
      await patch(
        someone.id,
        { version: someone.version, active: false },
        dept.tokens[role],
      ).expect(403);
    }
    await caller(t, other.tokens.admin).get(`/api/v1/users/${someone.id}`).expect(404);
    await patch(someone.id, { version: someone.version, active: false }, other.tokens.admin).expect(
      404,
    );
    const theirs = await caller(t, other.tokens.admin).get('/api/v1/users').expect(200);
    expect(theirs.body.items.map((u: { id: string }) => u.id)).not.toContain(someone.id);
    await caller(t, dept.tokens.admin).get('/api/v1/users/xyz').expect(400);
  });
});
