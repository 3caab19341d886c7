import { JwtService } from '@nestjs/jwt';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { bearer, caller, createDepartment, type DepartmentFixture, PASSWORD } from './fixtures';
import {
  bombRows,
  bombSharedStrings,
  rowXml,
  STAFF_COLUMNS,
  staffRows,
  xlsx,
} from './hostile-files';
import {
  addTeamWithManager,
  insertCredentialType,
  insertSkill,
  type SecondTeam,
} from './member-records';
import { createTestApp, type TestApp } from './test-app';

/**
 * The ten holes a security review found (issue 9), each tried again as the reviewer tried it,
 * against the real API over a real PostgreSQL. Each test failed on the code before the fix.
 */
// Some of these build and send files of tens of megabytes, or sign in sixty times.
jest.setTimeout(180_000);

describe('issue 9: what a hospital security review tries first', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  let roi: SecondTeam;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t);
    roi = await addTeamWithManager(t, d);
  });
  afterAll(() => t.close());

  const staffVersion = async (id: string) =>
    (await caller(t, d.tokens.admin).get(`/api/v1/staff/${id}`).expect(200)).body.version as number;

  describe('hole 1: an XLSX is read as a stream that stops at the row cap and at what really inflates', () => {
    const importXlsx = (dept: DepartmentFixture, file: Buffer) =>
      t
        .http()
        .post('/api/v1/import/staff?mode=dry-run')
        .set(bearer(dept.tokens.manager))
        .attach('file', file, 'staff.xlsx');

    it('stops at the row cap: rows after 50,000 are never read (they are not even XML here)', async () => {
      const dept = await createDepartment(t);
      function* rows(): Generator<string> {
        for (const row of staffRows(50_001)) yield row;
        // what follows the cap is garbage: a reader that loads the whole sheet chokes on it
        for (let i = 0; i < 1000; i++) yield '<row r="x"><<<not xml at all>>>';
      }
      const res = await importXlsx(dept, xlsx(rows())).expect(400);
      expect(res.body.message).toEqual([
        'file: the file has more than 50000 data rows; at most 50000 per import',
      ]);
    });

    it('counts the bytes it inflates, not the sizes the ZIP declares: a bomb declaring 3 KB stops at the cap', async () => {
      const dept = await createDepartment(t);
      const bomb = xlsx([rowXml(1, STAFF_COLUMNS)], {
        sharedStrings: bombSharedStrings(256 * 1024 * 1024),
        declaredSharedStringsSize: 3000,
      });
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const peakBefore = process.resourceUsage().maxRSS;
      const started = performance.now();
      const res = await importXlsx(dept, bomb).expect(400);
      expect(res.body.message).toEqual([
        'file: the workbook is too large once unpacked; split it into smaller files',
      ]);
      expect(performance.now() - started).toBeLessThan(10_000);
      // peak memory grew by far less than the 256 MB the bomb inflates to (maxRSS is in KB)
      expect((process.resourceUsage().maxRSS - peakBefore) / 1024).toBeLessThan(200);
    });

    it('refuses a cell of a gigabyte of spaces, and a million empty rows, without reading them whole', async () => {
      const dept = await createDepartment(t);
      const oneCell = await importXlsx(
        dept,
        xlsx(bombRows(8 * 1024 * 1024, 'one-cell'), { declaredSheetSize: 3000 }),
      ).expect(400);
      expect(oneCell.body.message).toEqual([
        expect.stringMatching(/^file: the workbook holds a text or an element far larger/),
      ]);
      const emptyRows = await importXlsx(
        dept,
        xlsx(bombRows(1024 ** 3, 'empty-rows'), { declaredSheetSize: 3000 }),
      ).expect(400);
      expect(emptyRows.body.message).toEqual(['file: the file has no data rows below the header']);
    });

    it('keeps /api/health answering while a 120,000-row workbook is refused', async () => {
      const dept = await createDepartment(t);
      const big = xlsx(staffRows(120_000));
      const probes: number[] = [];
      let done = false;
      const probing = (async () => {
        while (!done) {
          const started = performance.now();
          await t.http().get('/api/health').expect(200);
          probes.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const res = await importXlsx(dept, big);
      done = true;
      await probing;
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual([
        'file: the file has more than 50000 data rows; at most 50000 per import',
      ]);
      probes.sort((a, b) => a - b);
      expect(probes.length).toBeGreaterThan(3);
      expect(probes[Math.floor(probes.length / 2)]).toBeLessThan(100);
    });
  });

  it('hole 2: a manager cannot review CE of another team by moving the member in and out', async () => {
    // Ben is on Release of Information (managed by Rita), and submits an activity there.
    const activity = (
      await caller(t, d.tokens.admin)
        .post(`/api/v1/staff/${roi.memberStaffId}/ce-activities`, {
          title: 'ROI webinar',
          provider: 'AHIMA',
          completedOn: '2026-01-10',
          hours: 2,
        })
        .expect(201)
    ).body;
    // Maria (manager of Coding) moves Ben into Coding ...
    await caller(t, d.tokens.manager)
      .patch(`/api/v1/staff/${roi.memberStaffId}`, {
        teamId: d.teamId,
        version: await staffVersion(roi.memberStaffId),
      })
      .expect(200);
    // ... the activity is not in her queue and she may not approve it ...
    const queue = await caller(t, d.tokens.manager)
      .get('/api/v1/ce-activities?status=submitted')
      .expect(200);
    expect(queue.body.items.map((a: { id: string }) => a.id)).not.toContain(activity.id);
    const review = await caller(t, d.tokens.manager)
      .post(`/api/v1/ce-activities/${activity.id}/review`, {
        status: 'approved',
        version: activity.version,
      })
      .expect(403);
    expect(review.body.message.join(' ')).toMatch(/when it was submitted/);
    // ... nor edit it as a reviewer would.
    await caller(t, d.tokens.manager)
      .patch(`/api/v1/ce-activities/${activity.id}`, { hours: 20, version: activity.version })
      .expect(403);
    // Rita no longer has Ben on her team: not hers either; the director reviews it.
    await caller(t, roi.managerToken)
      .post(`/api/v1/ce-activities/${activity.id}/review`, {
        status: 'approved',
        version: activity.version,
      })
      .expect(403);
    await caller(t, d.tokens.admin)
      .post(`/api/v1/ce-activities/${activity.id}/review`, {
        status: 'approved',
        version: activity.version,
      })
      .expect(200);
    // Moved back, Ben's new activities are Rita's to review again.
    await caller(t, d.tokens.admin)
      .patch(`/api/v1/staff/${roi.memberStaffId}`, {
        teamId: roi.teamId,
        version: await staffVersion(roi.memberStaffId),
      })
      .expect(200);
    const next = (
      await caller(t, d.tokens.admin)
        .post(`/api/v1/staff/${roi.memberStaffId}/ce-activities`, {
          title: 'ROI course',
          provider: 'AHIMA',
          completedOn: '2026-01-11',
          hours: 1,
        })
        .expect(201)
    ).body;
    await caller(t, roi.managerToken)
      .post(`/api/v1/ce-activities/${next.id}/review`, {
        status: 'approved',
        version: next.version,
      })
      .expect(200);
  });

  it('hole 3: managers never rate or verify themselves', async () => {
    const skillId = await insertSkill(t, d.departmentId);
    const typeId = await insertCredentialType(t, d.departmentId);
    const own = `/api/v1/staff/${d.managerStaffId}`;
    const rated = await caller(t, d.tokens.manager)
      .post(`${own}/assessments`, {
        skillId,
        level: 4,
        assessedOn: '2026-01-05',
        source: 'manager',
      })
      .expect(403);
    expect(rated.body.message.join(' ')).toMatch(/^source: /);
    // a self-assessment of their own skills stays theirs to record
    await caller(t, d.tokens.manager)
      .post(`${own}/assessments`, { skillId, level: 2, assessedOn: '2026-01-05', source: 'self' })
      .expect(201);

    const verification = { method: 'primary-source', verifiedOn: '2026-01-05' };
    const createdVerified = await caller(t, d.tokens.manager)
      .post(`${own}/credentials`, {
        credentialTypeId: typeId,
        number: 'SELF-1',
        issuedOn: '2025-01-01',
        verification,
      })
      .expect(403);
    expect(createdVerified.body.message.join(' ')).toMatch(/^verification: /);
    const credential = (
      await caller(t, d.tokens.manager)
        .post(`${own}/credentials`, {
          credentialTypeId: typeId,
          number: 'SELF-2',
          issuedOn: '2025-01-01',
        })
        .expect(201)
    ).body;
    await caller(t, d.tokens.manager)
      .patch(`/api/v1/credentials/${credential.id}`, { verification, version: credential.version })
      .expect(403);
    // someone else verifies it
    await caller(t, d.tokens.admin)
      .patch(`/api/v1/credentials/${credential.id}`, { verification, version: credential.version })
      .expect(200);
    // and the manager still rates and verifies the members of the team
    await caller(t, d.tokens.manager)
      .post(`/api/v1/staff/${d.staffStaffId}/assessments`, {
        skillId,
        level: 3,
        assessedOn: '2026-01-05',
        source: 'manager',
      })
      .expect(201);
  });

  it('hole 9: passwords that are only long are refused, for new accounts and password changes', async () => {
    const users = () => caller(t, d.tokens.admin).post('/api/v1/users');
    for (const [password, why] of [
      ['            ', /^password must not be only spaces/],
      ['aaaaaaaaaaaa', /^password must not be one character repeated/],
      ['password1234', /^password is a common or breached password/],
    ] as const) {
      const res = await users()
        .send({
          email: `weak.${password.length}.${Math.random()}@example.org`,
          role: 'admin',
          password,
        })
        .expect(400);
      expect(res.body.message).toEqual([expect.stringMatching(why)]);
    }
    const created = (
      await users()
        .send({ email: 'strong@example.org', role: 'admin', password: 'Director!Demo2026' })
        .expect(201)
    ).body;
    const change = await caller(t, d.tokens.admin)
      .patch(`/api/v1/users/${created.id}`, { password: 'password1234', version: created.version })
      .expect(400);
    expect(change.body.message).toEqual([expect.stringMatching(/^password is a common/)]);
  });

  it('hole 7: every CSV field is quoted and neutralised, the CE body too', async () => {
    const dept = await createDepartment(t);
    const body = '=HYPERLINK("http://evil.example","Click")';
    await t.dataSource.query(`UPDATE team SET name = 'Coding; Inpatient' WHERE id = $1`, [
      dept.teamId,
    ]);
    const typeId = await insertCredentialType(t, dept.departmentId, 'EVIL', body);
    await t.dataSource.query(
      `INSERT INTO ce_rule (department_id, issuing_body, cycle_months) VALUES ($1, $2, 24)`,
      [dept.departmentId, body],
    );
    await t.dataSource.query(
      `INSERT INTO credential (department_id, staff_id, credential_type_id, number, issued_on, expires_on)
       VALUES ($1, $2, $3, '-42', '2025-01-01', '2030-12-31')`,
      [dept.departmentId, dept.staffStaffId, typeId],
    );
    const res = await t
      .http()
      .get('/api/v1/reports/compliance?format=csv&asOf=2026-01-15')
      .set(bearer(dept.tokens.admin))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = (res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = parse(text) as string[][];
    const row = rows.find((r) => r[header.indexOf('Credential code')] === 'EVIL');
    expect(row?.[header.indexOf('CE body')]).toBe(`'${body}`);
    expect(row?.[header.indexOf('Credential number')]).toBe("'-42");
    expect(row?.[header.indexOf('Team')]).toBe('Coding; Inpatient');
    // every field of every line is quoted: a semicolon-locale Excel splits none of them
    for (const line of text.split('\r\n').filter((l) => l !== '')) {
      expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    }
  });

  it('hole 8: 30 concurrent uploads to one activity store exactly the limit of 20', async () => {
    const dept = await createDepartment(t);
    const activity = (
      await caller(t, dept.tokens.staff)
        .post(`/api/v1/staff/${dept.staffStaffId}/ce-activities`, {
          title: 'Race webinar',
          provider: 'AHIMA',
          completedOn: '2026-01-10',
          hours: 1,
        })
        .expect(201)
    ).body;
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const objectsBefore = Number(
      (await t.dataSource.query(`SELECT count(*) FROM pg_largeobject_metadata`))[0].count,
    );
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t
          .http()
          .post(`/api/v1/ce-activities/${activity.id}/evidence`)
          .set(bearer(dept.tokens.staff))
          .attach('file', png, { filename: `certificate-${i}.png`, contentType: 'image/png' }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*) FROM evidence_file WHERE ce_activity_id = $1`,
      [activity.id],
    );
    expect(Number(count)).toBe(20);
    // the refused uploads left no content behind
    const objectsAfter = Number(
      (await t.dataSource.query(`SELECT count(*) FROM pg_largeobject_metadata`))[0].count,
    );
    expect(objectsAfter - objectsBefore).toBe(20);
  });

  describe('hole 4: sign-in throttling per account and per address, over every API process', () => {
    const wrong = (app: TestApp, email: string, address = '203.0.113.7') =>
      app
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email, password: 'not the password at all' });

    it('answers 429 with Retry-After after 10 failures on an account, from any address, and logs them without the password', async () => {
      const one = await createTestApp({ env: { TRUST_PROXY: 'true' } });
      // a second API process over the same database: the limit is shared, not doubled
      const two = await createTestApp({
        env: { TRUST_PROXY: 'true' },
        databaseUrl: one.databaseUrl,
      });
      try {
        const dept = await createDepartment(one);
        const statuses: number[] = [];
        let retryAfter = '';
        for (let i = 0; i < 60; i++) {
          const res = await wrong(i % 2 ? one : two, dept.emails.admin, `198.51.100.${i}`);
          statuses.push(res.status);
          if (res.status === 429) retryAfter = res.headers['retry-after'];
        }
        expect(statuses.filter((s) => s === 401)).toHaveLength(10);
        expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
        expect(Number(retryAfter)).toBeGreaterThan(14 * 60);
        expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
        const blocked = await one
          .http()
          .post('/api/v1/auth/login')
          .send({ email: dept.emails.admin, password: PASSWORD });
        expect(blocked.status).toBe(429);
        expect(blocked.body.message).toEqual([expect.stringMatching(/^Too many failed sign-ins/)]);
        // another account is not affected
        await one
          .http()
          .post('/api/v1/auth/login')
          .send({ email: dept.emails.manager, password: PASSWORD })
          .expect(200);

        const failures: { reason: string; user_id: string | null; row: string }[] =
          await one.dataSource.query(
            `SELECT reason, user_id, row_to_json(f)::text AS row FROM sign_in_failure f WHERE email = $1`,
            [dept.emails.admin],
          );
        expect(failures.filter((f) => f.reason === 'wrong-credentials')).toHaveLength(10);
        expect(failures.filter((f) => f.reason === 'throttled').length).toBeGreaterThanOrEqual(50);
        expect(failures.some((f) => f.row.includes('not the password'))).toBe(false);
        const everything: { all: string }[] = await one.dataSource.query(
          `SELECT string_agg(row_to_json(a)::text, ' ') AS all FROM audit_event a`,
        );
        expect(everything[0].all ?? '').not.toContain('not the password');
      } finally {
        await two.close();
        await one.close();
      }
    });

    it('throttles one address after 30 failures whatever the accounts, and never a user who signs in right', async () => {
      const app = await createTestApp({ env: { TRUST_PROXY: 'true' } });
      try {
        const dept = await createDepartment(app);
        for (let i = 0; i < 40; i++) {
          await app
            .http()
            .post('/api/v1/auth/login')
            .set('X-Forwarded-For', '192.0.2.1')
            .send({ email: dept.emails.staff, password: PASSWORD })
            .expect(200);
        }
        const statuses: number[] = [];
        for (let i = 0; i < 35; i++)
          statuses.push((await wrong(app, `guess${i}@example.org`, '192.0.2.99')).status);
        expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
        expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
        // the same accounts from another address still answer
        expect((await wrong(app, 'guess0@example.org', '192.0.2.100')).status).toBe(401);
      } finally {
        await app.close();
      }
    });
  });

  describe('hole 5: tokens die with their session', () => {
    const login = (email: string) =>
      t.http().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    const me = (token: string) => caller(t, token).get('/api/v1/auth/me');
    const account = async (email: string) =>
      (
        await t.dataSource.query(`SELECT id, version FROM app_user WHERE email = $1`, [email])
      )[0] as { id: string; version: number };

    it('a password change signs the account out everywhere', async () => {
      const dept = await createDepartment(t);
      const first = (await login(dept.emails.manager)).body.accessToken;
      await me(first).expect(200);
      const { id, version } = await account(dept.emails.manager);
      await caller(t, dept.tokens.admin)
        .patch(`/api/v1/users/${id}`, { password: 'a brand new passphrase 2027', version })
        .expect(200);
      await me(first).expect(401);
      await me(dept.tokens.manager).expect(401);
      // the admin who made the change stays signed in
      await me(dept.tokens.admin).expect(200);
    });

    it('a deactivation revokes earlier tokens for good: reactivating does not bring them back', async () => {
      const dept = await createDepartment(t);
      const { id, version } = await account(dept.emails.staff);
      const patch = (body: object) =>
        caller(t, dept.tokens.admin).patch(`/api/v1/users/${id}`, body).expect(200);
      await patch({ active: false, version });
      await me(dept.tokens.staff).expect(401);
      await patch({ active: true, version: version + 1 });
      await me(dept.tokens.staff).expect(401);
      const fresh = (await login(dept.emails.staff)).body.accessToken;
      await me(fresh).expect(200);
    });

    it('logout revokes the token it is called with, and only that one', async () => {
      const dept = await createDepartment(t);
      const other = (await login(dept.emails.staff)).body.accessToken;
      await caller(t, dept.tokens.staff).post('/api/v1/auth/logout').expect(200);
      await me(dept.tokens.staff).expect(401);
      await caller(t, dept.tokens.staff).post('/api/v1/auth/logout').expect(401);
      await me(other).expect(200);
      const trail = await t.dataSource.query(
        `SELECT action FROM audit_event WHERE entity = 'user' AND department_id = $1 AND action = 'logout'`,
        [dept.departmentId],
      );
      expect(trail).toHaveLength(1);
    });
  });

  describe('hole 6: hostile JSON answers 400, never 500, and costs no CPU', () => {
    const deep = (levels: number) => `{"email":${'['.repeat(levels)}${']'.repeat(levels)}}`;

    it('refuses JSON nested 5,000 levels deep before validation, and /api/health stays fast', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(deep(5000))
        .expect(400);
      expect(res.body.message).toEqual([
        expect.stringMatching(/^email(\.0)* is nested more than 32 levels deep$/),
      ]);
      const health: number[] = [];
      const flood = Array.from({ length: 40 }, () =>
        t
          .http()
          .post('/api/v1/auth/login')
          .set('Content-Type', 'application/json')
          .send(deep(5000)),
      );
      const probes = (async () => {
        for (let i = 0; i < 10; i++) {
          const started = performance.now();
          await t.http().get('/api/health').expect(200);
          health.push(performance.now() - started);
        }
      })();
      const answers = await Promise.all(flood);
      await probes;
      expect(answers.every((a) => a.status === 400)).toBe(true);
      health.sort((a, b) => a - b);
      // before the fix: 1.2 s median
      expect(health[Math.floor(health.length / 2)]).toBeLessThan(250);
    });

    it('answers 400 naming the field for a lone surrogate in an email', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email":"\\ud800@example.org","password":"x"}')
        .expect(400);
      expect(res.body.message).toEqual([
        expect.stringMatching(/^email contains an invalid character/),
      ]);
    });
  });

  describe('hole 10: headers, secrets, expiry and the API docs', () => {
    it('sends a CSP without inline scripts, frame-ancestors none, nosniff and Referrer-Policy', async () => {
      for (const path of ['/api/health', '/api/v1/auth/me']) {
        const res = await t.http().get(path);
        const csp = res.headers['content-security-policy'];
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('refuses a correctly signed token without exp, or without a session', async () => {
      const dept = await createDepartment(t);
      const secret = 'test-secret-that-is-long-enough-0123456789';
      const { id } = (
        await t.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [dept.emails.admin])
      )[0];
      const [{ id: sid }] = await t.dataSource.query(
        `SELECT id FROM auth_session WHERE user_id = $1 AND revoked_at IS NULL LIMIT 1`,
        [id],
      );
      const jwt = new JwtService();
      const forever = jwt.sign({ sub: id, sid }, { secret, algorithm: 'HS256' });
      await caller(t, forever).get('/api/v1/auth/me').expect(401);
      const noSession = jwt.sign({ sub: id }, { secret, algorithm: 'HS256', expiresIn: 600 });
      await caller(t, noSession).get('/api/v1/auth/me').expect(401);
      const proper = jwt.sign({ sub: id, sid }, { secret, algorithm: 'HS256', expiresIn: 600 });
      await caller(t, proper).get('/api/v1/auth/me').expect(200);
    });

    it('keeps the generated JWT secret out of the database, and the Swagger UI off unless API_DOCS', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'him-secret-'));
      const app = await createTestApp({ env: { JWT_SECRET: '', DATA_DIR: dataDir, API_DOCS: '' } });
      try {
        const rows = await app.dataSource.query(
          `SELECT key FROM system_setting WHERE key ILIKE '%secret%'`,
        );
        expect(rows).toEqual([]);
        const file = join(dataDir, 'secrets', 'jwt-secret');
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(32);
        const dept = await createDepartment(app);
        await app.http().get('/api/v1/auth/me').set(bearer(dept.tokens.staff)).expect(200);
        await app.http().get('/api/docs').expect(404);
        await app.http().get('/api/docs-json').expect(404);
      } finally {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});
