/**
 * Single sign-on against a real OpenID provider (oidc-provider, started here in a child process)
 * with people in groups: the whole authorization code flow with PKCE, state and nonce, through
 * the real API over a real PostgreSQL.
 */
import { caller, createDepartment, type DepartmentFixture, PASSWORD } from './fixtures';
import {
  CookieJar,
  signInAtProvider,
  TestOidcProvider,
  type ProviderUser,
} from './support/oidc-test-provider';
import { createTestApp, type TestApp } from './test-app';

const PUBLIC_URL = 'http://him.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;

describe('single sign-on through an OpenID provider', () => {
  let provider: TestOidcProvider;
  let t: TestApp;
  let dept: DepartmentFixture;
  const people: Record<string, ProviderUser> = {};

  beforeAll(async () => {
    // The fixture's e-mails end in `.sso@example.org`; the provider spells the admin's differently.
    people['dana'] = {
      email: 'Admin.SSO@Example.org',
      email_verified: true,
      name: 'Dana Director',
      groups: ['Everyone', 'HIM-Directors'],
    };
    people['maria'] = {
      email: 'manager.sso@example.org',
      email_verified: true,
      groups: ['HIM-Managers'],
    };
    people['sam'] = { email: 'staff.sso@example.org', email_verified: true, groups: [] };
    people['olga'] = { email: 'olga.other.sso@example.org', email_verified: true, groups: [] };
    people['unverified'] = { email: 'manager.sso@example.org', email_verified: false };
    provider = await TestOidcProvider.start({
      clientId: 'him-readiness',
      clientSecret: 'a-client-secret-for-the-tests',
      redirectUris: [CALLBACK],
      postLogoutRedirectUris: [`${PUBLIC_URL}/login`],
      users: people,
    });
    t = await createTestApp({
      env: {
        PUBLIC_URL,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: 'him-readiness',
        OIDC_CLIENT_SECRET: 'a-client-secret-for-the-tests',
        OIDC_PROVIDER_NAME: 'Riverside Health',
        OIDC_SCOPES: 'openid email profile groups',
        OIDC_ROLE_MAP: 'HIM-Directors:admin,HIM-Managers:manager',
      },
    });
    dept = await createDepartment(t, 'sso');
  });

  afterAll(async () => {
    await t?.close();
    await provider?.stop();
  });

  /** The app's start: the provider's URL and the binding cookie. */
  async function start(): Promise<{ authorizationUrl: string; cookie: string }> {
    const res = await t.http().get('/api/v1/auth/oidc/start?returnTo=/overview').expect(302);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('him_oidc='),
    );
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    return { authorizationUrl: res.headers['location'], cookie: cookie!.split(';')[0] };
  }

  /** The provider's redirect back, delivered to the app; answers where the app sends the browser. */
  async function callback(callbackUrl: string, cookie: string | null): Promise<URL> {
    const path = callbackUrl.slice(PUBLIC_URL.length);
    const req = t.http().get(path);
    if (cookie) req.set('Cookie', cookie);
    const res = await req.expect(302);
    return new URL(res.headers['location']);
  }

  async function signIn(login: string, jar = new CookieJar()): Promise<URL> {
    const { authorizationUrl, cookie } = await start();
    const back = await signInAtProvider(authorizationUrl, login, jar, CALLBACK);
    return callback(back, cookie);
  }

  async function complete(landing: URL) {
    const ticket = landing.searchParams.get('ssoTicket');
    expect(landing.searchParams.get('ssoError')).toBeNull();
    expect(ticket).toBeTruthy();
    const res = await t.http().post('/api/v1/auth/oidc/complete').send({ ticket }).expect(200);
    return { ticket: ticket!, body: res.body };
  }

  const audit = async (action: string, email: string) =>
    t.dataSource.query(
      `SELECT a.before, a.after, a.note FROM audit_event a JOIN app_user u ON u.id = a.entity_id
        WHERE a.action = $1 AND lower(u.email) = lower($2) ORDER BY a.at`,
      [action, email],
    );

  it('offers the provider on the sign-in page', async () => {
    const res = await t.http().get('/api/v1/auth/config').expect(200);
    expect(res.body).toEqual({
      passwordSignIn: true,
      passwordReset: false,
      singleSignOn: { providerName: 'Riverside Health', startUrl: '/api/v1/auth/oidc/start' },
    });
    const { authorizationUrl } = await start();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
  });

  it('links a first sign-in to the account with the same verified e-mail, whatever its case, with the role of its groups', async () => {
    const landing = await signIn('dana');
    expect(landing.origin + landing.pathname).toBe(`${PUBLIC_URL}/login`);
    const { ticket, body } = await complete(landing);
    expect(body.user.email).toBe(dept.emails.admin);
    expect(body.user.role).toBe('admin');
    expect(body.returnTo).toBe('/overview');
    await caller(t, body.accessToken).get('/api/v1/users').expect(200);

    // the ticket works once
    await t.http().post('/api/v1/auth/oidc/complete').send({ ticket }).expect(400);

    const [user] = await t.dataSource.query(
      `SELECT oidc_issuer, oidc_subject FROM app_user WHERE email = $1`,
      [dept.emails.admin],
    );
    expect(user).toEqual({ oidc_issuer: provider.issuer, oidc_subject: 'dana' });
    expect(await audit('link', dept.emails.admin)).toHaveLength(1);
    const [login] = await audit('login', dept.emails.admin).then((rows) => rows.slice(-1));
    expect(login.after).toEqual({ method: 'single sign-on', role: 'admin' });
    const [session] = await t.dataSource.query(
      `SELECT s.method FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE u.email = $1 ORDER BY s.created_at DESC LIMIT 1`,
      [dept.emails.admin],
    );
    expect(session.method).toBe('oidc');
  });

  it('lowers the role at the next sign-in when the person leaves the group, and audits it', async () => {
    const jar = new CookieJar();
    const first = await complete(await signIn('maria', jar));
    expect(first.body.user.role).toBe('manager');

    await provider.setUser('maria', { ...people['maria'], groups: [] });
    // the provider's session is still open: no form this time, the new groups all the same
    const second = await complete(await signIn('maria', jar));
    expect(second.body.user.role).toBe('staff');
    expect(second.body.user.staffId).toBe(dept.managerStaffId);
    await caller(t, second.body.accessToken).get('/api/v1/audit').expect(403);

    const changes = await audit('role-change', dept.emails.manager);
    expect(changes).toHaveLength(1);
    expect(changes[0].before).toEqual({ role: 'manager' });
    expect(changes[0].after).toEqual({ role: 'staff' });

    await provider.setUser('maria', people['maria']);
    const third = await complete(await signIn('maria', jar));
    expect(third.body.user.role).toBe('manager');
  });

  it('refuses a deactivated account, and writes the refusal to the audit trail and the sign-in log', async () => {
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE email = $1`, [
      dept.emails.staff,
    ]);
    const landing = await signIn('sam');
    expect(landing.searchParams.get('ssoError')).toBe('inactive');
    expect(landing.searchParams.get('ssoTicket')).toBeNull();
    const [failed] = await audit('login-failed', dept.emails.staff);
    expect(failed.after).toEqual({ method: 'single sign-on', reason: 'inactive' });
    const [logged] = await t.dataSource.query(
      `SELECT reason FROM sign_in_failure WHERE email = $1`,
      [dept.emails.staff],
    );
    expect(logged.reason).toBe('inactive-account');
    const sessions = await t.dataSource.query(
      `SELECT 1 FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = $1 AND s.method = 'oidc'`,
      [dept.emails.staff],
    );
    expect(sessions).toHaveLength(0);
  });

  it('refuses an e-mail the provider does not vouch for', async () => {
    const landing = await signIn('unverified');
    expect(landing.searchParams.get('ssoError')).toBe('no-account');
  });

  it('creates an account only when the department allows it, linked to the staff record with the e-mail', async () => {
    expect((await signIn('olga')).searchParams.get('ssoError')).toBe('no-account');

    const department = await caller(t, dept.tokens.admin).get('/api/v1/department');
    await caller(t, dept.tokens.admin)
      .patch('/api/v1/department', { ssoCreateAccounts: true, version: department.body.version })
      .expect(200);
    const { body } = await complete(await signIn('olga'));
    expect(body.user).toMatchObject({
      email: 'olga.other.sso@example.org',
      role: 'staff',
      staffId: dept.otherStaffId,
      departmentId: dept.departmentId,
    });
    expect(await audit('create', 'olga.other.sso@example.org')).toHaveLength(1);
  });

  it('refuses a callback whose state was changed', async () => {
    const { authorizationUrl, cookie } = await start();
    const back = new URL(
      await signInAtProvider(authorizationUrl, 'dana', new CookieJar(), CALLBACK),
    );
    back.searchParams.set('state', 'a-state-this-browser-never-sent');
    const landing = await callback(back.toString(), cookie);
    expect(landing.searchParams.get('ssoError')).toBe('failed');
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const { authorizationUrl, cookie } = await start();
    const back = await signInAtProvider(authorizationUrl, 'dana', new CookieJar(), CALLBACK);
    await t.dataSource.query(`UPDATE oidc_sign_in SET nonce = 'another-nonce-altogether'`);
    const landing = await callback(back, cookie);
    expect(landing.searchParams.get('ssoError')).toBe('failed');
  });

  it('refuses a callback in a browser that did not start the sign-in, and a callback used twice', async () => {
    const { authorizationUrl, cookie } = await start();
    const back = await signInAtProvider(authorizationUrl, 'dana', new CookieJar(), CALLBACK);
    expect((await callback(back, null)).searchParams.get('ssoError')).toBe('expired');
    expect((await callback(back, 'him_oidc=forged')).searchParams.get('ssoError')).toBe('expired');
    expect((await callback(back, cookie)).searchParams.get('ssoTicket')).toBeTruthy();
    expect((await callback(back, cookie)).searchParams.get('ssoError')).toBe('expired');
  });

  it('refuses an ID token signed by a key the provider never published', async () => {
    await provider.tamperIdTokens('foreign-key');
    try {
      const landing = await signIn('dana');
      expect(landing.searchParams.get('ssoError')).toBe('failed');
      const [logged] = await t.dataSource.query(
        `SELECT reason FROM sign_in_failure ORDER BY at DESC LIMIT 1`,
      );
      expect(logged.reason).toBe('sso-invalid-response');
    } finally {
      await provider.tamperIdTokens('none');
    }
    expect((await signIn('dana')).searchParams.get('ssoTicket')).toBeTruthy();
  });

  it('signs out here and answers the provider end-session address', async () => {
    const { body } = await complete(await signIn('dana'));
    const res = await caller(t, body.accessToken).post('/api/v1/auth/logout').expect(200);
    const end = new URL(res.body.endSessionUrl);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/login`);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    await caller(t, body.accessToken).get('/api/v1/auth/me').expect(401);
    // the provider accepts it (its sign-out confirmation page)
    const page = await fetch(end);
    expect(page.status).toBe(200);

    // a password session has nothing to end at the provider
    const password = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: dept.emails.admin, password: PASSWORD })
      .expect(200);
    const out = await caller(t, password.body.accessToken).post('/api/v1/auth/logout').expect(200);
    expect(out.body).toEqual({ endSessionUrl: null });
  });

  it('switches password sign-in off for everyone but the break-glass admin', async () => {
    const adminId = (
      await t.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [dept.emails.admin])
    )[0].id;
    const department = await caller(t, dept.tokens.admin).get('/api/v1/department');
    const off = await caller(t, dept.tokens.admin)
      .patch('/api/v1/department', { passwordSignIn: false, version: department.body.version })
      .expect(400);
    expect(off.body.message.join(' ')).toMatch(/breakGlassUserId/);
    await caller(t, dept.tokens.admin)
      .patch('/api/v1/department', {
        passwordSignIn: false,
        breakGlassUserId: adminId,
        version: department.body.version,
      })
      .expect(200);

    const config = await t.http().get('/api/v1/auth/config').expect(200);
    expect(config.body.passwordSignIn).toBe(false);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: dept.emails.manager, password: PASSWORD })
      .expect(401);
    const [logged] = await t.dataSource.query(
      `SELECT reason FROM sign_in_failure WHERE email = $1 ORDER BY at DESC LIMIT 1`,
      [dept.emails.manager],
    );
    expect(logged.reason).toBe('password-sign-in-off');
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: dept.emails.admin, password: PASSWORD })
      .expect(200);
    // the provider's sign-in still works for everyone
    expect((await signIn('maria')).searchParams.get('ssoTicket')).toBeTruthy();

    // the break-glass admin stays an active admin while passwords are off
    const second = (
      await caller(t, dept.tokens.admin)
        .post('/api/v1/users', {
          email: 'second.admin.sso@example.org',
          role: 'admin',
          password: PASSWORD,
        })
        .expect(201)
    ).body;
    const settings = await caller(t, dept.tokens.admin).get('/api/v1/department');
    await caller(t, dept.tokens.admin)
      .patch('/api/v1/department', { breakGlassUserId: second.id, version: settings.body.version })
      .expect(200);
    for (const change of [{ role: 'manager' }, { active: false }]) {
      const refused = await caller(t, dept.tokens.admin)
        .patch(`/api/v1/users/${second.id}`, { version: second.version, ...change })
        .expect(409);
      expect(refused.body.message.join(' ')).toMatch(/break-glass admin/);
    }
  });

  it('sends the browser back to the sign-in page when the provider cannot be reached', async () => {
    const unreachable = await createTestApp({
      databaseUrl: t.databaseUrl,
      env: { PUBLIC_URL, OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'him-readiness' },
    });
    try {
      const res = await unreachable.http().get('/api/v1/auth/oidc/start').expect(302);
      expect(res.headers['location']).toBe(`${PUBLIC_URL}/login?ssoError=unavailable`);
    } finally {
      await unreachable.app.close();
    }
  });
});
