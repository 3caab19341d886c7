import { ensureAdmin } from '../src/bootstrap/bootstrap-admin';
import { caller, createDepartment, PASSWORD } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs in with an argon2id hash and answers the documented shape', async () => {
    const dept = await createDepartment(t);
    const [{ password_hash }] = await t.dataSource.query(
      `SELECT password_hash FROM app_user WHERE email = $1`,
      [dept.emails.staff],
    );
    expect(password_hash).toMatch(/^\$argon2id\$/);
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: dept.emails.staff.toUpperCase(), password: PASSWORD })
      .expect(200);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: dept.emails.staff,
      role: 'staff',
      staffId: dept.staffStaffId,
      departmentId: dept.departmentId,
    });
    const me = await caller(t, res.body.accessToken).get('/api/v1/auth/me').expect(200);
    expect(me.body.id).toBe(res.body.user.id);
  });

  it('answers one generic 401 for a wrong password and an unknown email', async () => {
    const dept = await createDepartment(t);
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: dept.emails.admin, password: 'nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.org', password: 'nope' })
      .expect(401);
    expect(wrong.body.message).toEqual(unknown.body.message);
  });

  it('refuses a deactivated account at once, even with a token issued before', async () => {
    const dept = await createDepartment(t);
    await caller(t, dept.tokens.staff).get('/api/v1/auth/me').expect(200);
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE email = $1`, [
      dept.emails.staff,
    ]);
    await caller(t, dept.tokens.staff).get('/api/v1/auth/me').expect(401);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: dept.emails.staff, password: PASSWORD })
      .expect(401);
  });

  it('validates the login body', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'not-an-email' })
      .expect(400);
    expect(res.body.message.join(' ')).toMatch(/email/);
    expect(res.body.message.join(' ')).toMatch(/password/);
    await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
  });

  it('answers health without a token at both paths', async () => {
    for (const path of ['/api/health', '/api/v1/health']) {
      const res = await t.http().get(path).expect(200);
      expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
    }
    const docs = await t.http().get('/api/docs-json').expect(200);
    expect(docs.body.paths['/api/v1/skills']).toBeDefined();
  });

  it('bootstraps the ADMIN_EMAIL account once, and never resets its password', async () => {
    const email = 'first.admin@hospital.example';
    expect(await ensureAdmin(t.dataSource, email, 'first-password-123')).toBe('created');
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password: 'first-password-123' })
      .expect(200);
    expect(login.body.user.role).toBe('admin');
    expect(await ensureAdmin(t.dataSource, email, 'another-password-456')).toBe('exists');
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password: 'first-password-123' })
      .expect(200);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password: 'another-password-456' })
      .expect(401);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM app_user WHERE email = $1`,
      [email],
    );
    expect(count).toBe(1);
  });
});
