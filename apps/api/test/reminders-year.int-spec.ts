/**
 * Reminders exactly once, across processes: two production builds of the API over one fresh
 * database with the demo department, a real SMTP server and a webhook receiver started here.
 * `POST /reminders/run` is called for every day of a year through both processes at once; the
 * SMTP server is stopped mid-run and started again; one process is killed mid-run and started
 * again. Every mailbox, every in-app list and every webhook delivery is then counted against an
 * independent reading of what is due (DOMAIN.md R10, R15, R18 and the lead times).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { CeRuleFacts, CeFacts, CredentialFacts } from '@him/domain';
import {
  addDays,
  computeCeStatus,
  DEFAULT_AFTER_LAPSE,
  digestIsEmpty,
  isoWeekday,
  weeklyDigest,
} from '@him/domain';
import { Client } from 'pg';
import { DEMO_LOGINS } from '../src/seed/seed-demo';
import { todayIn } from '@him/domain';
import { CaptureSmtp, WebhookReceiver } from './support/capture-servers';
import { createTestDatabase } from './test-database';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
const DAYS = Number(process.env['HIM_REMINDER_DAYS'] ?? 365);

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

interface Api {
  child: ChildProcess;
  base: string;
  output: string;
  exited: Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('reminders over a year, two processes, exactly once', () => {
  let db: { url: string; drop: () => Promise<void> };
  let pg: Client;
  const smtp = new CaptureSmtp();
  const hooks = new WebhookReceiver();
  let env: NodeJS.ProcessEnv;
  const apis: Api[] = [];

  async function startApi(port: number): Promise<Api> {
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api: Api = {
      child,
      base: `http://127.0.0.1:${port}`,
      output: '',
      exited: new Promise((done) => child.once('exit', () => done())),
    };
    child.stdout?.on('data', (d) => (api.output += d));
    child.stderr?.on('data', (d) => (api.output += d));
    for (let i = 0; i < 600 && !api.output.includes('Press Ctrl-C to stop'); i++) {
      if (child.exitCode !== null) break;
      await sleep(100);
    }
    if (!api.output.includes('Press Ctrl-C to stop'))
      throw new Error(`the API did not start:\n${api.output.slice(-3000)}`);
    return api;
  }

  async function login(api: Api, email: string, password: string): Promise<string> {
    const res = await fetch(`${api.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async function call(api: Api, token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${api.base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as never };
  }

  beforeAll(async () => {
    if (process.env['HIM_SKIP_BUILD'] !== '1' || !existsSync(MAIN)) {
      const build = spawnSync(
        'npx',
        ['nx', 'build', 'api', '--configuration=production', '--output-style=static'],
        {
          cwd: ROOT,
          env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
          stdio: 'ignore',
        },
      );
      if (build.status !== 0) throw new Error('the production build of the API failed');
    }
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await smtp.start();
    await hooks.start();
    env = { ...process.env };
    for (const name of ['NODE_ENV', 'JEST_WORKER_ID', 'ADMIN_EMAIL', 'ADMIN_PASSWORD'])
      delete env[name];
    Object.assign(env, {
      DATABASE_URL: db.url,
      SEED_DEMO: 'true',
      DASHBOARD_DIR: '',
      JWT_SECRET: 'reminders-year-test-secret-0123456789abcdef',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'HIM Readiness <him@riverside-demo.org>',
      PUBLIC_URL: 'https://him.riverside-demo.org',
      REMINDERS_SCHEDULER: 'false',
      DELIVERY_RETRY_LIMIT: '30',
      DELIVERY_RETRY_DELAY_SECONDS: '1',
      DELIVERY_TIMEOUT_SECONDS: '5',
      JOBS_MAINTENANCE_SECONDS: '1',
      WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true',
    });
    // the first process migrates and seeds; the second joins the same database
    apis.push(await startApi(await freePort()));
    apis.push(await startApi(await freePort()));
  }, 600_000);

  afterAll(async () => {
    for (const api of apis) if (api.child.exitCode === null) api.child.kill('SIGINT');
    await Promise.all(apis.map((a) => a.exited));
    await smtp.stop();
    await hooks.stop();
    await pg?.end();
    await db?.drop();
  }, 60_000);

  it('sends each reminder exactly once, by e-mail, in-app and webhook, whatever fails', async () => {
    const [director, manager, coder] = DEMO_LOGINS;
    const tokenOf = async (api: Api) => login(api, director.email, director.password);
    const tokens = [await tokenOf(apis[0]), await tokenOf(apis[1])];
    const webhook = await call(apis[0], tokens[0], 'POST', '/webhooks', {
      url: `http://127.0.0.1:${hooks.port}/him`,
      events: ['credential.expiring', 'credential.lapsed', 'ce.at-risk', 'ce.review-waiting'],
    });
    expect(webhook.status).toBe(201);
    hooks.secret = (webhook.body as { secret: string }).secret;
    hooks.failFirstOfEvery = 7;
    // the coder wants no e-mail for CE behind its pace (the in-app notice stays)
    const coderToken = await login(apis[1], coder.email, coder.password);
    expect(
      (
        await call(apis[1], coderToken, 'PATCH', '/notifications/preferences', {
          emailOptOut: ['ce.behind'],
          version: 0,
        })
      ).status,
    ).toBe(200);

    const start = todayIn('America/Chicago', new Date());
    const expected = await expectedOverYear(pg, start, DAYS);

    const began = Date.now();
    let killedAt = -1;
    for (let i = 0; i < DAYS; i++) {
      const date = addDays(start, i);
      if (i === 100) await smtp.stop();
      if (i === 130) await smtp.start();
      const live = apis
        .map((api, n) => ({ api, token: tokens[n] }))
        .filter(({ api }) => api.child.exitCode === null && !api.child.killed);
      const calls = live.map(({ api, token }) =>
        call(api, token, 'POST', '/reminders/run', { date }).catch(() => null),
      );
      if (i === 200) {
        // kill the second process while both run this day
        await sleep(15);
        apis[1].child.kill('SIGKILL');
        killedAt = i;
      }
      const answers = await Promise.all(calls);
      for (const [n, answer] of answers.entries()) {
        if (answer === null) continue;
        if (i === killedAt && live[n].api === apis[1]) continue;
        expect(answer.status).toBe(200);
      }
      if (i === 260) {
        await apis[1].exited;
        apis[1] = await startApi(Number(new URL(apis[1].base).port));
        tokens[1] = await tokenOf(apis[1]);
      }
    }
    const yearSeconds = (Date.now() - began) / 1000;

    // a second call for a day already run sends nothing new
    const replay = await call(apis[0], tokens[0], 'POST', '/reminders/run', {
      date: addDays(start, Math.floor(DAYS / 2)),
    });
    expect(replay.status).toBe(200);
    expect((replay.body as { claimed: unknown[] }).claimed).toEqual([]);

    // every delivery settles (retries after the SMTP outage, the killed process's jobs)
    for (let i = 0; i < 240; i++) {
      const [{ open }] = (
        await pg.query(
          `SELECT count(*)::int AS open FROM notice_delivery WHERE result IN ('queued', 'retrying')`,
        )
      ).rows;
      if (open === 0) break;
      await sleep(500);
    }
    const deliveries = (
      await pg.query(
        `SELECT channel, result, count(*)::int AS n, sum(attempts)::int AS attempts,
                count(*) FILTER (WHERE attempts > 1)::int AS retried
           FROM notice_delivery GROUP BY channel, result ORDER BY 1, 2`,
      )
    ).rows;

    // in-app: each account's list holds exactly the notices due to it
    const users = (await pg.query(`SELECT id, email FROM app_user`)).rows as {
      id: string;
      email: string;
    }[];
    const inApp = new Map<string, string[]>();
    for (const u of users) {
      const rows = (await pg.query(`SELECT key FROM notice WHERE user_id = $1`, [u.id])).rows;
      inApp.set(u.email, rows.map((r) => r.key).sort());
    }
    const differences: string[] = [];
    for (const [email, keys] of expected.noticesByEmail) {
      const got = new Set(inApp.get(email) ?? []);
      const want = new Set(keys);
      for (const k of want) if (!got.has(k)) differences.push(`${email} missing ${k}`);
      for (const k of got) if (!want.has(k)) differences.push(`${email} unexpected ${k}`);
    }
    expect(differences.slice(0, 30)).toEqual([]);
    const listed = await call(
      apis[0],
      await login(apis[0], manager.email, manager.password),
      'GET',
      '/notifications?limit=500',
    );
    expect((listed.body as { total: number }).total).toBe(
      expected.noticesByEmail.get(manager.email)?.length ?? 0,
    );

    // e-mail: one message per notice not opted out, none twice
    const mailKeys = smtp.mails.map((m) => m.reminderKey);
    const duplicates = mailKeys.filter((k, i) => mailKeys.indexOf(k) !== i);
    expect(duplicates).toEqual([]);
    const expectedMail = [...expected.noticesByEmail.entries()].flatMap(([email, keys]) =>
      keys
        .filter((k) => !(email === coder.email && k.startsWith('ce-behind:')))
        .map((k) => `email:${k}`),
    );
    expect([...mailKeys].sort()).toEqual([...expectedMail].sort());
    // plain text and HTML, naming the person, the credential, the date and the link back
    const sample = smtp.mails.find((m) => m.reminderKey.startsWith('email:expiry:'));
    const raw = (sample?.raw ?? '').replace(/=\r?\n/g, '');
    expect(raw).toMatch(/text\/plain/);
    expect(raw).toMatch(/text\/html/);
    expect(raw).toMatch(/Hello [A-Z]/);
    expect(raw).toMatch(/expires on [A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(raw).toMatch(/https:\/\/him\.riverside-demo\.org\/(my-progress|staff\/)/);

    // webhooks: each event of the subscribed kinds once, each signature good
    expect(hooks.badSignatures).toBe(0);
    expect([...hooks.received.values()].filter((n) => n > 1)).toEqual([]);
    expect([...hooks.received.keys()].sort()).toEqual([...expected.webhookKeys].sort());

    const retried = deliveries.reduce((sum, r) => sum + r.retried, 0);
    process.stdout.write(
      `reminders year: ${DAYS} days through two processes in ${yearSeconds.toFixed(1)} s; ` +
        `notices ${[...inApp.values()].flat().length} (expected ${[...expected.noticesByEmail.values()].flat().length}); ` +
        `e-mails ${smtp.mails.length} (expected ${expectedMail.length}); ` +
        `webhooks ${hooks.received.size} (expected ${expected.webhookKeys.size}, ${hooks.failedOnPurpose} refused once on purpose); ` +
        `deliveries retried ${retried}; ${JSON.stringify(deliveries)}\n`,
    );
    expect(deliveries.filter((r) => r.result !== 'sent')).toEqual([]);
  }, 900_000);
});

/**
 * What is due over the year, read from DOMAIN.md and the issue independently of the reminder
 * code: R10 lead times 90/60/30/7 before expiry, the lapse the day after, R18 state ends 30 and
 * 7 days before their last day, R15 behind at 180 and at risk at 90/30/7 days before the cycle
 * end, review waiting more than 7 days, and a Monday digest with something to say.
 */
async function expectedOverYear(pg: Client, start: string, days: number) {
  const q = async <T>(sql: string, params: unknown[] = []) =>
    (await pg.query(sql, params)).rows as T[];
  const [dept] = await q<{ id: string; time_zone: string }>(`SELECT id, time_zone FROM department`);
  const staff = await q<{
    id: string;
    name: string;
    teamId: string;
    roleId: string;
    status: 'active' | 'leave' | 'terminated';
  }>(`SELECT id, name, team_id AS "teamId", role_id AS "roleId", status FROM staff`);
  const types = await q<{ id: string; code: string; issuingBody: string; baseCeus: number }>(
    `SELECT id, code, issuing_body AS "issuingBody", base_ceus::float8 AS "baseCeus" FROM credential_type`,
  );
  const credentials = await q<CredentialFacts>(
    `SELECT id, staff_id AS "staffId", credential_type_id AS "credentialTypeId", number,
            to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn",
            to_char(revoked_on, 'YYYY-MM-DD') AS "revokedOn", (verification_method IS NOT NULL) AS verified,
            to_char(verified_on, 'YYYY-MM-DD') AS "verifiedOn" FROM credential`,
  );
  const rules = await q<CeRuleFacts>(
    `SELECT issuing_body AS "issuingBody", cycle_months AS "cycleMonths",
            extra_per_additional::float8 AS "extraPerAdditional", cap::float8 AS cap, minimums FROM ce_rule`,
  );
  const activities = await q<CeFacts['activities'][number]>(
    `SELECT a.id, a.staff_id AS "staffId", to_char(a.completed_on, 'YYYY-MM-DD') AS "completedOn",
            a.hours::float8 AS hours, a.categories, a.status,
            ARRAY(SELECT credential_id FROM ce_activity_credential l WHERE l.ce_activity_id = a.id) AS "credentialIds"
       FROM ce_activity a WHERE a.status IN ('approved', 'submitted')`,
  );
  const submitted = await q<{
    id: string;
    staffId: string;
    teamId: string;
    title: string;
    submittedOn: string;
  }>(
    `SELECT a.id, a.staff_id AS "staffId", s.team_id AS "teamId", a.title,
            to_char((a.created_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS "submittedOn"
       FROM ce_activity a JOIN staff s ON s.id = a.staff_id WHERE a.status = 'submitted'`,
    [dept.time_zone],
  );
  const users = await q<{ id: string; email: string; role: string; staffId: string | null }>(
    `SELECT id, email, role, staff_id AS "staffId" FROM app_user WHERE active`,
  );
  const managers = await q<{ teamId: string; staffId: string }>(
    `SELECT team_id AS "teamId", staff_id AS "staffId" FROM team_manager`,
  );

  const facts: CeFacts = {
    settings: { requireVerification: false, expiryWarningDays: 90, assessmentValidityMonths: null },
    staff,
    credentialTypes: types.map((t) => ({ ...t, evidencesSkills: [], supersedes: [] })),
    credentials,
    ceRules: rules.map((r) => ({
      ...r,
      minimums: r.minimums ?? [],
      afterLapse: DEFAULT_AFTER_LAPSE[r.issuingBody] ?? [],
    })),
    activities,
  };
  const member = new Map(staff.map((s) => [s.id, s]));
  const body = new Map(types.map((t) => [t.id, t.issuingBody]));
  const holderOf = (staffId: string) => users.filter((u) => u.staffId === staffId);
  const managersOf = (teamId: string) =>
    users.filter(
      (u) =>
        u.role !== 'staff' && managers.some((m) => m.teamId === teamId && m.staffId === u.staffId),
    );
  const noticesByEmail = new Map<string, string[]>(users.map((u) => [u.email, []]));
  const webhookKeys = new Set<string>();
  const tell = (people: { id: string; email: string }[], key: (userId: string) => string) => {
    for (const u of new Map(people.map((p) => [p.id, p])).values())
      noticesByEmail.get(u.email)?.push(key(u.id));
  };
  const current = (c: CredentialFacts, d: string) =>
    c.issuedOn <= d &&
    (c.expiresOn === null || d <= c.expiresOn) &&
    (c.revokedOn === null || d < c.revokedOn);
  const renewed = (c: CredentialFacts, d: string) =>
    credentials.some(
      (o) =>
        o.id !== c.id &&
        o.staffId === c.staffId &&
        o.credentialTypeId === c.credentialTypeId &&
        current(o, d) &&
        (o.expiresOn === null || (c.expiresOn !== null && o.expiresOn > c.expiresOn)),
    );

  for (let i = 0; i < days; i++) {
    const d = addDays(start, i);
    for (const c of credentials) {
      const m = member.get(c.staffId);
      if (!m || m.status === 'terminated' || c.expiresOn === null) continue;
      const people = [...holderOf(m.id), ...managersOf(m.teamId)];
      for (const lead of [90, 60, 30, 7]) {
        if (addDays(c.expiresOn, -lead) === d && current(c, d) && !renewed(c, d)) {
          tell(people, (u) => `expiry:${c.id}:${u}:${lead}`);
          webhookKeys.add(`expiry:${c.id}:${lead}`);
        }
      }
      const lapsed = c.revokedOn === null || c.revokedOn > c.expiresOn;
      if (addDays(c.expiresOn, 1) === d && lapsed && !renewed(c, d)) {
        tell(people, (u) => `lapse:${c.id}:${u}`);
        webhookKeys.add(`lapse:${c.id}`);
      }
      const states = DEFAULT_AFTER_LAPSE[body.get(c.credentialTypeId) ?? ''] ?? [];
      if (
        states.length > 0 &&
        lapsed &&
        !renewed(c, d) &&
        (c.revokedOn === null || c.revokedOn > d)
      ) {
        const since = addDays(c.expiresOn, 1);
        const until = addDays(since, states[0].days - 1);
        for (const lead of [30, 7]) {
          if (addDays(until, -lead) === d && d >= since)
            tell(people, (u) => `state-ending:${c.id}:${since}:${u}:${lead}`);
        }
      }
    }
    for (const g of computeCeStatus(facts, d)) {
      const m = member.get(g.staffId);
      if (!m) continue;
      const left = Math.round((Date.parse(g.cycleEnd) - Date.parse(d)) / 86_400_000);
      const group = `${m.id}:${encodeURIComponent(g.issuingBody)}:${g.cycleEnd}`;
      if (g.status === 'behind' && left === 180)
        tell(holderOf(m.id), (u) => `ce-behind:${group}:${u}:180`);
      if (g.status === 'at-risk' && [90, 30, 7].includes(left)) {
        tell(
          [...holderOf(m.id), ...managersOf(m.teamId)],
          (u) => `ce-at-risk:${group}:${u}:${left}`,
        );
        webhookKeys.add(`ce-at-risk:${group}:${left}`);
      }
    }
    const reviewersOf = (a: (typeof submitted)[number]) =>
      users.filter(
        (u) =>
          u.staffId !== a.staffId &&
          (u.role === 'admin' ||
            (u.role === 'manager' && managersOf(a.teamId).some((x) => x.id === u.id))),
      );
    for (const a of submitted) {
      if (addDays(a.submittedOn, 8) !== d) continue;
      tell(reviewersOf(a), (u) => `review-waiting:${a.id}:${u}`);
      webhookKeys.add(`review-waiting:${a.id}`);
    }
    if (isoWeekday(d) === 1) {
      for (const u of users.filter((x) => x.role !== 'staff')) {
        const teams =
          u.role === 'admin'
            ? null
            : new Set(managers.filter((m) => m.staffId === u.staffId).map((m) => m.teamId));
        if (teams && teams.size === 0) continue;
        const inScope = staff.filter((s) => teams === null || teams.has(s.teamId));
        const ids = new Set(inScope.map((s) => s.id));
        const content = weeklyDigest(
          {
            ...facts,
            staff: inScope,
            credentials: credentials.filter((c) => ids.has(c.staffId)),
            activities: activities.filter((a) => ids.has(a.staffId)),
          },
          d,
          submitted
            .filter((a) => reviewersOf(a).some((r) => r.id === u.id))
            .map((a) => ({ ...a, reviewerUserIds: [u.id] })),
        );
        if (!digestIsEmpty(content)) noticesByEmail.get(u.email)?.push(`digest:${u.id}:${d}`);
      }
    }
  }
  return { noticesByEmail, webhookKeys };
}
