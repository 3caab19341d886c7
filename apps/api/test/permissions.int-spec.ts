import type { UserRole } from '@him/contracts';
import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

type Method = 'get' | 'post' | 'patch' | 'delete';
interface Row {
  method: Method;
  path: string;
  body?: unknown;
  /** expected status for admin, manager, staff */
  expect: [number, number, number];
}

const NONE = '00000000-0000-4000-8000-000000000000';
const ROLES: UserRole[] = ['admin', 'manager', 'staff'];

/**
 * The permission matrix: every endpoint x every role, with the status each must answer.
 * Probes are chosen so that a caller who gets past the permission check is stopped by
 * validation (400), a missing record (404) or a stale version (409) rather than changing
 * data, and so that a staff member asking about another member gets 404.
 */
describe('permission matrix', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  let rows: Row[];

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t);
    const one = async (sql: string, params: unknown[]) =>
      (await t.dataSource.query(sql, params))[0].id as string;
    const skill = await one(
      `INSERT INTO skill (department_id, name, category) VALUES ($1, 'CPT', 'technical') RETURNING id`,
      [d.departmentId],
    );
    const type = await one(
      `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus) VALUES ($1, 'CCS', 'CCS', 'AHIMA', 20) RETURNING id`,
      [d.departmentId],
    );
    await t.dataSource.query(
      `INSERT INTO ce_rule (department_id, issuing_body, cycle_months) VALUES ($1, 'AHIMA', 24)`,
      [d.departmentId],
    );
    const otherCredential = await one(
      `INSERT INTO credential (department_id, staff_id, credential_type_id, issued_on, expires_on) VALUES ($1, $2, $3, '2025-01-01', '2027-01-01') RETURNING id`,
      [d.departmentId, d.otherStaffId, type],
    );
    const otherActivity = await one(
      `INSERT INTO ce_activity (department_id, staff_id, title, provider, completed_on, hours, status) VALUES ($1, $2, 'Webinar', 'AHIMA', '2026-01-10', 1, 'submitted') RETURNING id`,
      [d.departmentId, d.otherStaffId],
    );
    const O = d.otherStaffId;
    const S = d.staffStaffId;
    const ce = { title: 'Coding Clinic', provider: 'AHIMA', completedOn: '2026-01-10', hours: 1 };
    const assessment = { skillId: skill, level: 2, assessedOn: '2026-01-05', source: 'manager' };
    rows = [
      { method: 'get', path: '/api/health', expect: [200, 200, 200] },
      { method: 'get', path: '/api/v1/health', expect: [200, 200, 200] },
      { method: 'post', path: '/api/v1/auth/login', body: {}, expect: [400, 400, 400] },
      { method: 'get', path: '/api/v1/auth/me', expect: [200, 200, 200] },
      { method: 'get', path: '/api/v1/audit', expect: [200, 200, 403] },
      { method: 'get', path: '/api/v1/readiness', expect: [200, 200, 403] },
      { method: 'get', path: '/api/v1/skills-matrix', expect: [200, 200, 200] },
      { method: 'get', path: '/api/v1/ce-status', expect: [200, 200, 200] },
      { method: 'get', path: `/api/v1/ce-status?staffId=${O}`, expect: [200, 200, 404] },
      { method: 'get', path: '/api/v1/expirations', expect: [200, 200, 200] },
      { method: 'get', path: `/api/v1/expirations?staffId=${O}`, expect: [200, 200, 404] },
      { method: 'get', path: '/api/v1/skills', expect: [200, 200, 200] },
      { method: 'post', path: '/api/v1/skills', body: {}, expect: [400, 403, 403] },
      { method: 'get', path: `/api/v1/skills/${skill}`, expect: [200, 200, 200] },
      { method: 'patch', path: `/api/v1/skills/${skill}`, body: {}, expect: [400, 403, 403] },
      { method: 'delete', path: `/api/v1/skills/${NONE}`, expect: [404, 403, 403] },
      { method: 'get', path: '/api/v1/credential-types', expect: [200, 200, 200] },
      { method: 'post', path: '/api/v1/credential-types', body: {}, expect: [400, 403, 403] },
      { method: 'get', path: `/api/v1/credential-types/${type}`, expect: [200, 200, 200] },
      {
        method: 'patch',
        path: `/api/v1/credential-types/${type}`,
        body: {},
        expect: [400, 403, 403],
      },
      { method: 'delete', path: `/api/v1/credential-types/${NONE}`, expect: [404, 403, 403] },
      { method: 'get', path: '/api/v1/ce-rules', expect: [200, 200, 200] },
      { method: 'post', path: '/api/v1/ce-rules', body: {}, expect: [400, 403, 403] },
      { method: 'get', path: '/api/v1/ce-rules/AHIMA', expect: [200, 200, 200] },
      { method: 'patch', path: '/api/v1/ce-rules/AHIMA', body: {}, expect: [400, 403, 403] },
      { method: 'delete', path: '/api/v1/ce-rules/NOBODY', expect: [404, 403, 403] },
      { method: 'get', path: '/api/v1/roles', expect: [200, 200, 200] },
      { method: 'post', path: '/api/v1/roles', body: {}, expect: [400, 403, 403] },
      { method: 'get', path: `/api/v1/roles/${d.roleId}`, expect: [200, 200, 200] },
      { method: 'patch', path: `/api/v1/roles/${d.roleId}`, body: {}, expect: [400, 403, 403] },
      { method: 'delete', path: `/api/v1/roles/${NONE}`, expect: [404, 403, 403] },
      { method: 'get', path: '/api/v1/teams', expect: [200, 200, 200] },
      { method: 'post', path: '/api/v1/teams', body: {}, expect: [400, 403, 403] },
      { method: 'get', path: `/api/v1/teams/${d.teamId}`, expect: [200, 200, 200] },
      { method: 'patch', path: `/api/v1/teams/${d.teamId}`, body: {}, expect: [400, 403, 403] },
      { method: 'delete', path: `/api/v1/teams/${NONE}`, expect: [404, 403, 403] },
      { method: 'get', path: '/api/v1/department', expect: [200, 200, 200] },
      { method: 'patch', path: '/api/v1/department', body: {}, expect: [400, 403, 403] },
      { method: 'get', path: '/api/v1/users', expect: [200, 403, 403] },
      { method: 'post', path: '/api/v1/users', body: {}, expect: [400, 403, 403] },
      { method: 'get', path: `/api/v1/users/${NONE}`, expect: [404, 403, 403] },
      { method: 'patch', path: `/api/v1/users/${NONE}`, body: {}, expect: [400, 403, 403] },
      { method: 'get', path: '/api/v1/staff', expect: [200, 200, 200] },
      { method: 'post', path: '/api/v1/staff', body: {}, expect: [400, 400, 403] },
      { method: 'get', path: `/api/v1/staff/${O}`, expect: [200, 200, 404] },
      { method: 'get', path: `/api/v1/staff/${S}`, expect: [200, 200, 200] },
      { method: 'patch', path: `/api/v1/staff/${O}`, body: {}, expect: [400, 400, 403] },
      { method: 'get', path: `/api/v1/staff/${O}/assessments`, expect: [200, 200, 404] },
      {
        method: 'post',
        path: `/api/v1/staff/${O}/assessments`,
        body: assessment,
        expect: [201, 201, 404],
      },
      { method: 'get', path: `/api/v1/staff/${O}/credentials`, expect: [200, 200, 404] },
      { method: 'post', path: `/api/v1/staff/${O}/credentials`, body: {}, expect: [400, 400, 403] },
      { method: 'get', path: `/api/v1/credentials/${otherCredential}`, expect: [200, 200, 404] },
      { method: 'get', path: `/api/v1/credentials?teamId=${d.teamId}`, expect: [200, 200, 200] },
      {
        method: 'patch',
        path: `/api/v1/credentials/${otherCredential}`,
        body: {},
        expect: [400, 400, 403],
      },
      { method: 'delete', path: `/api/v1/credentials/${NONE}`, expect: [404, 404, 403] },
      { method: 'get', path: `/api/v1/staff/${O}/ce-activities`, expect: [200, 200, 404] },
      {
        method: 'post',
        path: `/api/v1/staff/${O}/ce-activities`,
        body: ce,
        expect: [201, 201, 404],
      },
      { method: 'get', path: '/api/v1/ce-activities', expect: [200, 200, 403] },
      { method: 'get', path: `/api/v1/ce-activities/${otherActivity}`, expect: [200, 200, 404] },
      {
        method: 'patch',
        path: `/api/v1/ce-activities/${otherActivity}`,
        body: { version: 99, title: 'x' },
        expect: [409, 409, 404],
      },
      { method: 'delete', path: `/api/v1/ce-activities/${NONE}`, expect: [404, 404, 404] },
      { method: 'get', path: '/api/v1/calendar-tokens', expect: [200, 200, 200] },
      { method: 'post', path: '/api/v1/calendar-tokens', body: {}, expect: [400, 400, 400] },
      { method: 'delete', path: `/api/v1/calendar-tokens/${NONE}`, expect: [404, 404, 404] },
      { method: 'get', path: `/api/v1/calendar/${NONE}.ics`, expect: [404, 404, 404] },
      {
        method: 'get',
        path: `/api/v1/credentials/${otherCredential}/evidence`,
        expect: [200, 200, 404],
      },
      {
        method: 'post',
        path: `/api/v1/credentials/${otherCredential}/evidence`,
        body: {},
        expect: [400, 400, 404],
      },
      {
        method: 'get',
        path: `/api/v1/ce-activities/${otherActivity}/evidence`,
        expect: [200, 200, 404],
      },
      {
        method: 'post',
        path: `/api/v1/ce-activities/${otherActivity}/evidence`,
        body: {},
        expect: [400, 400, 404],
      },
      { method: 'get', path: `/api/v1/evidence/${NONE}`, expect: [404, 404, 404] },
      { method: 'delete', path: `/api/v1/evidence/${NONE}`, expect: [404, 404, 404] },
      { method: 'get', path: '/api/v1/reports/compliance?format=csv', expect: [200, 200, 200] },
      {
        method: 'get',
        path: `/api/v1/reports/compliance?format=csv&staffId=${O}`,
        expect: [200, 200, 404],
      },
      { method: 'get', path: '/api/v1/import/staff/template', expect: [200, 200, 403] },
      { method: 'post', path: '/api/v1/import/staff', body: {}, expect: [400, 400, 403] },
      {
        method: 'post',
        path: `/api/v1/ce-activities/${otherActivity}/review`,
        body: { status: 'approved', version: 99 },
        expect: [409, 409, 403],
      },
      // reminders: each account its own notices; admins the settings, the log, webhooks, replays
      { method: 'get', path: '/api/v1/notifications', expect: [200, 200, 200] },
      { method: 'get', path: '/api/v1/notifications/unread-count', expect: [200, 200, 200] },
      { method: 'post', path: '/api/v1/notifications/read-all', expect: [200, 200, 200] },
      { method: 'post', path: `/api/v1/notifications/${NONE}/read`, expect: [404, 404, 404] },
      { method: 'get', path: '/api/v1/notifications/preferences', expect: [200, 200, 200] },
      {
        method: 'patch',
        path: '/api/v1/notifications/preferences',
        body: {},
        expect: [400, 400, 400],
      },
      { method: 'get', path: '/api/v1/notifications/log', expect: [200, 403, 403] },
      { method: 'get', path: '/api/v1/notifications/failing-addresses', expect: [200, 403, 403] },
      {
        method: 'delete',
        path: `/api/v1/notifications/failing-addresses/${NONE}`,
        expect: [404, 403, 403],
      },
      { method: 'get', path: '/api/v1/reminders/settings', expect: [200, 403, 403] },
      { method: 'patch', path: '/api/v1/reminders/settings', body: {}, expect: [400, 403, 403] },
      { method: 'post', path: '/api/v1/reminders/run', body: {}, expect: [400, 403, 403] },
      { method: 'get', path: '/api/v1/webhooks', expect: [200, 403, 403] },
      { method: 'post', path: '/api/v1/webhooks', body: {}, expect: [400, 403, 403] },
      { method: 'patch', path: `/api/v1/webhooks/${NONE}`, body: {}, expect: [400, 403, 403] },
      { method: 'delete', path: `/api/v1/webhooks/${NONE}`, expect: [404, 403, 403] },
    ];
  });
  afterAll(() => t.close());

  it('covers every endpoint the OpenAPI document lists', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const template = (path: string) =>
      path
        .split('?')[0]
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}|AHIMA|NOBODY/g, '{}')
        .replace(/\/import\/staff/, '/import/{}');
    const covered = new Set(rows.map((r) => `${r.method} ${template(r.path)}`));
    const missing = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .map((m) => `${m} ${path.replace(/\{[^}]+\}/g, '{}')}`)
        .filter((key) => !covered.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('answers each role as the matrix says', async () => {
    const mismatches: string[] = [];
    for (const row of rows) {
      for (const [i, role] of ROLES.entries()) {
        const req = t.http()[row.method](row.path).set(bearer(d.tokens[role]));
        const res = row.body === undefined ? await req : await req.send(row.body as object);
        if (res.status !== row.expect[i]) {
          mismatches.push(
            `${row.method.toUpperCase()} ${row.path} as ${role}: ${res.status}, expected ${row.expect[i]}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers 401 to every non-public endpoint without a token', async () => {
    const publicPaths = [
      '/api/health',
      '/api/v1/health',
      '/api/v1/auth/login',
      `/api/v1/calendar/${NONE}.ics`,
    ];
    const wrong: string[] = [];
    for (const row of rows.filter((r) => !publicPaths.includes(r.path))) {
      const req = t.http()[row.method](row.path);
      const res = row.body === undefined ? await req : await req.send(row.body as object);
      if (res.status !== 401) wrong.push(`${row.method.toUpperCase()} ${row.path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never answers 500, whatever the body', async () => {
    const junk: unknown[] = [
      null,
      [],
      'text',
      42,
      {
        version: 'one',
        name: { $ne: 1 },
        hours: 1e308,
        level: -1,
        issuedOn: '2026-13-45',
        anyOf: [null],
        requirements: [null, 1, 'x'],
      },
      {
        categories: 'x'.repeat(10000),
        credentialIds: ['not-a-uuid'],
        staffId: NONE,
        minimums: [{ categories: [], share: 2 }],
      },
      {
        coverageTargets: [{ requirement: { kind: 'skill' } }],
        managerStaffIds: [NONE],
        evidencesSkills: [{ skillId: NONE, level: 9 }],
      },
    ];
    const failures: string[] = [];
    for (const row of rows.filter((r) => r.method !== 'get' && r.method !== 'delete')) {
      for (const body of junk) {
        const res = await t
          .http()
          [row.method](row.path)
          .set(bearer(d.tokens.admin))
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        if (res.status >= 500)
          failures.push(
            `${row.method.toUpperCase()} ${row.path} ${JSON.stringify(body).slice(0, 60)}: ${res.status}`,
          );
      }
    }
    const queries = [
      'asOf=tomorrow',
      'limit=-1',
      'limit=abc',
      'offset=1e9',
      'teamId[]=x',
      'withinDays=99999',
      'q=%27%3B--',
    ];
    for (const row of rows.filter((r) => r.method === 'get')) {
      for (const q of queries) {
        const res = await t
          .http()
          .get(`${row.path}${row.path.includes('?') ? '&' : '?'}${q}`)
          .set(bearer(d.tokens.admin));
        if (res.status >= 500) failures.push(`GET ${row.path}?${q}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
