/**
 * Single sign-on and the password reset as a person walks them in Chromium: the production build
 * of the API, started here with its own embedded PostgreSQL and the demo department, configured
 * for a real OpenID provider (oidc-provider, in a child process) and a real SMTP server, both
 * started by this test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import {
  CODER,
  DIRECTOR,
  expectNoAxeViolations,
  mainHeading,
  screenshot,
  useBrowser,
  watchCspViolations,
} from './support/helpers';

const ROOT = resolve(__dirname, '../../..');
const PROVIDER_SCRIPT = join(ROOT, 'apps/api/test/support/oidc-provider.mjs');
const NEW_PASSWORD = 'copper meadow lantern violin';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a child and waits for a line of its output. */
async function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const match = await new Promise<RegExpExecArray>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`did not start:\n${output.slice(-3000)}`)),
      180_000,
    );
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        done(found);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
  return { child, match };
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

describe('single sign-on and password reset in the browser', () => {
  const browser = useBrowser();
  let provider: ChildProcess;
  let api: ChildProcess;
  let base = '';
  let dataDir = '';
  const mails: { to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });

  beforeAll(async () => {
    const apiPort = await freePort();
    base = `http://127.0.0.1:${apiPort}`;
    await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', () => done()));
    const smtpPort = (smtp.server.address() as { port: number }).port;

    const started = await startChild(
      [PROVIDER_SCRIPT],
      {
        ...process.env,
        OIDC_TEST_CONFIG: JSON.stringify({
          clientId: 'him-readiness',
          clientSecret: 'browser-test-client-secret',
          redirectUris: [`${base}/api/v1/auth/oidc/callback`],
          postLogoutRedirectUris: [`${base}/login`],
          users: {
            // the demo department's director, as the hospital's directory knows her
            'd.director': {
              email: DIRECTOR.email.toUpperCase(),
              email_verified: true,
              name: 'Dana Director',
              groups: ['HIM-Directors'],
            },
          },
        }),
      },
      /READY (\S+)/,
    );
    provider = started.child;
    const issuer = started.match[1];

    dataDir = mkdtempSync(join(tmpdir(), 'him-e2e-sso-'));
    chmodSync(dataDir, 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['DATABASE_URL', 'SEED_DEMO', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'NODE_ENV']) {
      delete env[name];
    }
    Object.assign(env, {
      PORT: String(apiPort),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PUBLIC_URL: base,
      REMINDERS_SCHEDULER: 'false',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'HIM Readiness <him@riverside-demo.org>',
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'him-readiness',
      OIDC_CLIENT_SECRET: 'browser-test-client-secret',
      OIDC_PROVIDER_NAME: 'Riverside Health',
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_ROLE_MAP: 'HIM-Directors:admin,HIM-Managers:manager',
    });
    api = (await startChild(['dist/apps/api/main.js'], env, /Press Ctrl-C to stop/)).child;
  });

  afterAll(async () => {
    await stopChild(api, 'SIGINT');
    await stopChild(provider, 'SIGTERM');
    await new Promise<void>((done) => smtp.close(() => done()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(): Promise<{ context: BrowserContext; page: Page; csp: string[] }> {
    const context = await browser().newContext({
      baseURL: base,
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    context.setDefaultTimeout(20_000);
    const csp = watchCspViolations(context);
    return { context, page: await context.newPage(), csp };
  }

  it('signs in through the provider, lands on the overview, and signs out here and there', async () => {
    const { context, page, csp } = await open();
    try {
      await page.goto('/login');
      const button = page.getByRole('link', { name: 'Sign in with Riverside Health' });
      await button.waitFor();
      await expectNoAxeViolations(page, 'sign-in page with single sign-on');
      await screenshot(page, 'sso-sign-in');
      await button.click();

      // the provider's own page
      await page.waitForURL((url) => url.origin !== base);
      await page.getByLabel('Username').fill('d.director');
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.waitForURL(`${base}/overview`);
      await expect(mainHeading(page).innerText()).resolves.toBe('Department overview');
      await expect(page.locator('.user-email').first().innerText()).resolves.toBe(DIRECTOR.email);

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL((url) => url.origin !== base);
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL(`${base}/login`);
      await expect(mainHeading(page).innerText()).resolves.toBe('Sign in');
      await page.goto('/overview');
      await page.waitForURL('**/login?returnUrl=%2Foverview');
      expect(csp).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('resets a forgotten password through the e-mailed link, once', async () => {
    const { context, page, csp } = await open();
    try {
      await page.goto('/login');
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.waitForURL('**/forgot-password');
      await expectNoAxeViolations(page, 'forgot password page');
      await page.getByLabel('Email').fill(CODER.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'If an account has this address' })
        .waitFor();

      let mail: { raw: string } | undefined;
      for (let i = 0; i < 100 && !mail; i++) {
        mail = mails.find((m) => m.to.includes(CODER.email));
        if (!mail) await page.waitForTimeout(100);
      }
      if (!mail) throw new Error('the reset e-mail did not arrive');
      const body = mail.raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(body)?.[0];
      expect(link?.startsWith(`${base}/reset-password?token=`)).toBe(true);

      await page.goto(link ?? '');
      await mainHeading(page).filter({ hasText: 'Choose a new password' }).waitFor();
      await expectNoAxeViolations(page, 'choose a new password page');
      await page.getByLabel('New password', { exact: true }).fill('password1234');
      await page.getByLabel('New password again').fill('password1234');
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await page.getByRole('alert').filter({ hasText: 'This password' }).waitFor();

      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('New password again').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await page.getByRole('status').filter({ hasText: 'Your password is set' }).waitFor();
      await screenshot(page, 'password-reset-done');

      // the link works once
      await page.goto(link ?? '');
      await page.getByLabel('New password', { exact: true }).fill('another quiet harbor morning');
      await page.getByLabel('New password again').fill('another quiet harbor morning');
      await page.getByRole('button', { name: 'Set the new password' }).click();
      await page.getByRole('alert').filter({ hasText: 'cannot be used any more' }).waitFor();

      await page.goto('/login');
      await page.getByLabel('Email', { exact: true }).fill(CODER.email);
      await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      expect(csp).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
