/**
 * "Forgot password?" end to end: the real API sends its one-time link through a real SMTP server
 * started here; the link is opened once, expires after 30 minutes (the reset clock is moved, not
 * waited for), and a reset ends every earlier session and every other link.
 */
import { AUTH_CLOCK, RESET_LINK_MINUTES } from '../src/auth/password-reset.service';
import type { Clock } from '../src/notifications/clock';
import { caller, createDepartment, type DepartmentFixture, PASSWORD } from './fixtures';
import { CaptureSmtp } from './support/capture-servers';
import { createTestApp, type TestApp } from './test-app';

const NEW_PASSWORD = 'tangerine lighthouse gravel orbit';

/** The link of a message, its quoted-printable soft breaks and escapes undone. */
function linkIn(raw: string): URL {
  const body = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  const match = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(body);
  if (!match) throw new Error(`no link in the message:\n${body}`);
  return new URL(match[0]);
}

describe('password reset by e-mail', () => {
  const smtp = new CaptureSmtp();
  let t: TestApp;
  let dept: DepartmentFixture;
  let clock: Clock;
  let offsetMs = 0;

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'HIM Readiness <him@hospital.test>',
        PUBLIC_URL: 'https://him.hospital.test',
      },
    });
    clock = t.app.get<Clock>(AUTH_CLOCK);
    clock.now = () => new Date(Date.now() + offsetMs);
    dept = await createDepartment(t, 'reset');
  });

  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  beforeEach(() => {
    offsetMs = 0;
  });

  async function mailsTo(address: string, count: number) {
    for (let i = 0; i < 100; i++) {
      const mails = smtp.mails.filter((m) => m.to.includes(address));
      if (mails.length >= count) return mails;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${count} message(s) to ${address} did not arrive`);
  }

  async function ask(email: string, status = 202) {
    return t.http().post('/api/v1/auth/password-reset').send({ email }).expect(status);
  }

  const reset = (token: string, password: string) =>
    t.http().post('/api/v1/auth/password-reset/complete').send({ token, password });

  it('is offered on the sign-in page when e-mail is configured', async () => {
    const res = await t.http().get('/api/v1/auth/config').expect(200);
    expect(res.body).toEqual({ passwordSignIn: true, passwordReset: true, singleSignOn: null });
  });

  it('sends a link that works once, follows the password policy and ends earlier sessions', async () => {
    const known = await ask(dept.emails.manager.toUpperCase());
    const unknown = await ask('nobody.here@example.org');
    // the answer says nothing of whether the address has an account
    expect(unknown.body).toEqual(known.body);
    expect(known.body.message).toMatch(/If an account has this address/);

    const [mail] = await mailsTo(dept.emails.manager, 1);
    expect(mail.raw).toMatch(/^Subject: Reset your HIM Readiness password/m);
    expect(mail.raw).toMatch(/^From: HIM Readiness <him@hospital.test>/m);
    const link = linkIn(mail.raw);
    expect(link.origin).toBe('https://him.hospital.test');
    const token = link.searchParams.get('token') ?? '';
    expect(smtp.mails.some((m) => m.to.includes('nobody.here@example.org'))).toBe(false);

    // only its hash is kept
    const stored = await t.dataSource.query(`SELECT token_hash FROM password_reset_token`);
    expect(stored.map((r: { token_hash: string }) => r.token_hash)).not.toContain(token);

    const weak = await reset(token, 'password1234').expect(400);
    expect(weak.body.message[0]).toMatch(/^password /);

    await reset(token, NEW_PASSWORD).expect(204);
    await caller(t, dept.tokens.manager).get('/api/v1/auth/me').expect(401);
    const again = await reset(token, 'another fine passphrase here').expect(400);
    expect(again.body.message[0]).toMatch(/^token /);

    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: dept.emails.manager, password: PASSWORD })
      .expect(401);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: dept.emails.manager, password: NEW_PASSWORD })
      .expect(200);
    const [event] = await t.dataSource.query(
      `SELECT a.after FROM audit_event a JOIN app_user u ON u.id = a.entity_id
        WHERE a.action = 'password-reset' AND u.email = $1`,
      [dept.emails.manager],
    );
    expect(event.after).toMatchObject({ passwordChanged: true, sessionsEnded: 1 });
  });

  it('expires after 30 minutes', async () => {
    smtp.mails.length = 0;
    await ask(dept.emails.staff);
    await ask(dept.emails.staff);
    const [first, second] = await mailsTo(dept.emails.staff, 2);

    offsetMs = (RESET_LINK_MINUTES + 1) * 60_000;
    const late = await reset(linkIn(first.raw).searchParams.get('token') ?? '', NEW_PASSWORD);
    expect(late.status).toBe(400);
    offsetMs = (RESET_LINK_MINUTES - 1) * 60_000;
    await reset(linkIn(second.raw).searchParams.get('token') ?? '', NEW_PASSWORD).expect(204);
  });

  it('refuses the earlier links of an account once its password was reset', async () => {
    smtp.mails.length = 0;
    await ask(dept.emails.admin);
    await ask(dept.emails.admin);
    const [older, newer] = await mailsTo(dept.emails.admin, 2);
    await reset(linkIn(newer.raw).searchParams.get('token') ?? '', NEW_PASSWORD).expect(204);
    await reset(linkIn(older.raw).searchParams.get('token') ?? '', NEW_PASSWORD).expect(400);
  });

  it('sends at most three links an hour to one address, and throttles one client address', async () => {
    smtp.mails.length = 0;
    // ten asks from this address so far in the file ... counted from here on
    await t.dataSource.query(`DELETE FROM rate_limit WHERE key LIKE 'reset-address:%'`);
    await t.dataSource.query(`DELETE FROM rate_limit WHERE key LIKE 'reset-account:%'`);
    for (let i = 0; i < 5; i++) await ask(dept.emails.admin);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to.includes(dept.emails.admin))).toHaveLength(3);
    for (let i = 0; i < 5; i++) await ask(`someone.${i}@example.org`);
    const throttled = await ask('one.more@example.org', 429);
    expect(throttled.body.message[0]).toMatch(/Too many password reset requests/);
  });

  it('is not offered without e-mail: the page says to ask an admin', async () => {
    const plain = await createTestApp({ databaseUrl: t.databaseUrl });
    try {
      const config = await plain.http().get('/api/v1/auth/config').expect(200);
      expect(config.body.passwordReset).toBe(false);
      const res = await plain
        .http()
        .post('/api/v1/auth/password-reset')
        .send({ email: dept.emails.staff })
        .expect(404);
      expect(res.body.message.join(' ')).toMatch(/ask an admin/);
    } finally {
      await plain.close();
    }
  });
});
