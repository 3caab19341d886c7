import { bearer, createDepartment, PASSWORD, type DepartmentFixture } from './fixtures';
import { addTeamWithManager, type SecondTeam } from './member-records';
import { createTestApp, type TestApp } from './test-app';

type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';

/** Who calls: nobody, a staff member, the manager of the member's team, a manager of another team, an admin. */
const CALLERS = ['anonymous', 'staff', 'teamManager', 'otherManager', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

/** The status each caller must get, in the order of CALLERS. */
type Expected = [
  anonymous: number,
  staff: number,
  teamManager: number,
  otherManager: number,
  admin: number,
];

interface Probe {
  /** the concrete path to call, with this department's ids */
  path: string;
  body?: unknown;
  expect: Expected;
  /** the call ends the caller's session (logout): made with a session of its own */
  freshSession?: boolean;
}

const NONE = '00000000-0000-4000-8000-000000000000';

/**
 * The permission matrix, generated from the route table: every operation of the OpenAPI
 * document (itself generated from the controllers) must have an entry here, and every entry
 * must name an operation, so a new endpoint without one fails the first test. Each entry says
 * what each caller gets. Probes are chosen so that a caller who gets past the permission check
 * is stopped by validation (400), a missing record (404) or a stale version (409) rather than
 * changing data, and so that a staff member asking about another member gets 404.
 */
function routeTable(ids: {
  skill: string;
  type: string;
  otherCredential: string;
  otherActivity: string;
  teamId: string;
  roleId: string;
  /** a member of the team the team manager manages */
  member: string;
  /** the staff member who signs in */
  self: string;
}): Record<string, Probe> {
  const O = ids.member;
  const S = ids.self;
  const ce = { title: 'Coding Clinic', provider: 'AHIMA', completedOn: '2026-01-10', hours: 1 };
  const assessment = { skillId: ids.skill, level: 2, assessedOn: '2026-01-05', source: 'manager' };
  const A401 = 401;
  const everyone = (status: number): Expected => [status, status, status, status, status];
  const signedIn = (status: number): Expected => [A401, status, status, status, status];
  const readers = (staff: number, others = 200): Expected => [A401, staff, others, others, others];
  const adminOnly = (admin: number): Expected => [A401, 403, 403, 403, admin];
  const writers = (staff: number, others: number): Expected => [
    A401,
    staff,
    others,
    others,
    others,
  ];
  return {
    'get /api/health': { path: '/api/health', expect: everyone(200) },
    'get /api/v1/health': { path: '/api/v1/health', expect: everyone(200) },
    'post /api/v1/auth/login': { path: '/api/v1/auth/login', body: {}, expect: everyone(400) },
    'post /api/v1/auth/logout': {
      path: '/api/v1/auth/logout',
      expect: signedIn(200),
      freshSession: true,
    },
    // signing in: public; single sign-on and e-mail are not configured in this app
    'get /api/v1/auth/config': { path: '/api/v1/auth/config', expect: everyone(200) },
    'get /api/v1/auth/oidc/start': { path: '/api/v1/auth/oidc/start', expect: everyone(404) },
    'get /api/v1/auth/oidc/callback': {
      path: '/api/v1/auth/oidc/callback?code=x&state=y',
      expect: everyone(404),
    },
    'post /api/v1/auth/oidc/complete': {
      path: '/api/v1/auth/oidc/complete',
      body: {},
      expect: everyone(400),
    },
    'post /api/v1/auth/password-reset': {
      path: '/api/v1/auth/password-reset',
      body: {},
      expect: everyone(400),
    },
    'post /api/v1/auth/password-reset/complete': {
      path: '/api/v1/auth/password-reset/complete',
      body: {},
      expect: everyone(400),
    },
    'get /api/v1/auth/me': { path: '/api/v1/auth/me', expect: signedIn(200) },
    'get /api/v1/audit': { path: '/api/v1/audit', expect: readers(403) },
    // reminders: each account its own notices; admins the settings, the log, webhooks, replays
    'get /api/v1/notifications': { path: '/api/v1/notifications', expect: signedIn(200) },
    'get /api/v1/notifications/unread-count': {
      path: '/api/v1/notifications/unread-count',
      expect: signedIn(200),
    },
    'post /api/v1/notifications/read-all': {
      path: '/api/v1/notifications/read-all',
      expect: signedIn(200),
    },
    'post /api/v1/notifications/{id}/read': {
      path: `/api/v1/notifications/${NONE}/read`,
      expect: signedIn(404),
    },
    'get /api/v1/notifications/preferences': {
      path: '/api/v1/notifications/preferences',
      expect: signedIn(200),
    },
    'patch /api/v1/notifications/preferences': {
      path: '/api/v1/notifications/preferences',
      body: {},
      expect: signedIn(400),
    },
    'get /api/v1/notifications/log': { path: '/api/v1/notifications/log', expect: adminOnly(200) },
    'get /api/v1/notifications/failing-addresses': {
      path: '/api/v1/notifications/failing-addresses',
      expect: adminOnly(200),
    },
    'delete /api/v1/notifications/failing-addresses/{id}': {
      path: `/api/v1/notifications/failing-addresses/${NONE}`,
      expect: adminOnly(404),
    },
    'get /api/v1/reminders/settings': {
      path: '/api/v1/reminders/settings',
      expect: adminOnly(200),
    },
    'patch /api/v1/reminders/settings': {
      path: '/api/v1/reminders/settings',
      body: {},
      expect: adminOnly(400),
    },
    'post /api/v1/reminders/run': {
      path: '/api/v1/reminders/run',
      body: {},
      expect: adminOnly(400),
    },
    'get /api/v1/webhooks': { path: '/api/v1/webhooks', expect: adminOnly(200) },
    'post /api/v1/webhooks': { path: '/api/v1/webhooks', body: {}, expect: adminOnly(400) },
    'patch /api/v1/webhooks/{id}': {
      path: `/api/v1/webhooks/${NONE}`,
      body: {},
      expect: adminOnly(400),
    },
    'delete /api/v1/webhooks/{id}': { path: `/api/v1/webhooks/${NONE}`, expect: adminOnly(404) },
    'get /api/v1/readiness': { path: '/api/v1/readiness', expect: readers(403) },
    'get /api/v1/deadlines': { path: '/api/v1/deadlines', expect: readers(403) },
    'get /api/v1/readiness/gaps': {
      path: `/api/v1/readiness/gaps?teamId=${ids.teamId}`,
      expect: readers(403),
    },
    'get /api/v1/skills-matrix': { path: '/api/v1/skills-matrix', expect: signedIn(200) },
    'get /api/v1/staff/{staffId}/readiness': {
      path: `/api/v1/staff/${O}/readiness`,
      expect: readers(404),
    },
    'get /api/v1/ce-status': { path: `/api/v1/ce-status?staffId=${O}`, expect: readers(404) },
    'get /api/v1/expirations': { path: `/api/v1/expirations?staffId=${O}`, expect: readers(404) },
    'get /api/v1/readiness/window': {
      path: '/api/v1/readiness/window?from=2099-01-01&to=2099-12-31',
      expect: readers(403),
    },
    'get /api/v1/readiness/snapshots': {
      path: '/api/v1/readiness/snapshots',
      expect: readers(403),
    },
    'get /api/v1/reassessments-due': {
      path: `/api/v1/reassessments-due?staffId=${O}`,
      expect: readers(404),
    },
    'get /api/v1/skills': { path: '/api/v1/skills', expect: signedIn(200) },
    'post /api/v1/skills': { path: '/api/v1/skills', body: {}, expect: adminOnly(400) },
    'get /api/v1/skills/{id}': { path: `/api/v1/skills/${ids.skill}`, expect: signedIn(200) },
    'patch /api/v1/skills/{id}': {
      path: `/api/v1/skills/${ids.skill}`,
      body: {},
      expect: adminOnly(400),
    },
    'delete /api/v1/skills/{id}': { path: `/api/v1/skills/${NONE}`, expect: adminOnly(404) },
    'get /api/v1/credential-types': { path: '/api/v1/credential-types', expect: signedIn(200) },
    'post /api/v1/credential-types': {
      path: '/api/v1/credential-types',
      body: {},
      expect: adminOnly(400),
    },
    'get /api/v1/credential-types/{id}': {
      path: `/api/v1/credential-types/${ids.type}`,
      expect: signedIn(200),
    },
    'patch /api/v1/credential-types/{id}': {
      path: `/api/v1/credential-types/${ids.type}`,
      body: {},
      expect: adminOnly(400),
    },
    'delete /api/v1/credential-types/{id}': {
      path: `/api/v1/credential-types/${NONE}`,
      expect: adminOnly(404),
    },
    'get /api/v1/ce-rules': { path: '/api/v1/ce-rules', expect: signedIn(200) },
    'post /api/v1/ce-rules': { path: '/api/v1/ce-rules', body: {}, expect: adminOnly(400) },
    'get /api/v1/ce-rules/{issuingBody}': {
      path: '/api/v1/ce-rules/AHIMA',
      expect: signedIn(200),
    },
    'patch /api/v1/ce-rules/{issuingBody}': {
      path: '/api/v1/ce-rules/AHIMA',
      body: {},
      expect: adminOnly(400),
    },
    'delete /api/v1/ce-rules/{issuingBody}': {
      path: '/api/v1/ce-rules/NOBODY',
      expect: adminOnly(404),
    },
    'get /api/v1/roles': { path: '/api/v1/roles', expect: signedIn(200) },
    'post /api/v1/roles': { path: '/api/v1/roles', body: {}, expect: adminOnly(400) },
    'get /api/v1/roles/{id}': { path: `/api/v1/roles/${ids.roleId}`, expect: signedIn(200) },
    'patch /api/v1/roles/{id}': {
      path: `/api/v1/roles/${ids.roleId}`,
      body: {},
      expect: adminOnly(400),
    },
    'delete /api/v1/roles/{id}': { path: `/api/v1/roles/${NONE}`, expect: adminOnly(404) },
    'get /api/v1/teams': { path: '/api/v1/teams', expect: signedIn(200) },
    'post /api/v1/teams': { path: '/api/v1/teams', body: {}, expect: adminOnly(400) },
    'get /api/v1/teams/{id}': { path: `/api/v1/teams/${ids.teamId}`, expect: signedIn(200) },
    'patch /api/v1/teams/{id}': {
      path: `/api/v1/teams/${ids.teamId}`,
      body: {},
      expect: adminOnly(400),
    },
    'delete /api/v1/teams/{id}': { path: `/api/v1/teams/${NONE}`, expect: adminOnly(404) },
    'get /api/v1/department': { path: '/api/v1/department', expect: signedIn(200) },
    'patch /api/v1/department': { path: '/api/v1/department', body: {}, expect: adminOnly(400) },
    'get /api/v1/users': { path: '/api/v1/users', expect: adminOnly(200) },
    'post /api/v1/users': { path: '/api/v1/users', body: {}, expect: adminOnly(400) },
    'get /api/v1/users/{id}': { path: `/api/v1/users/${NONE}`, expect: adminOnly(404) },
    'patch /api/v1/users/{id}': {
      path: `/api/v1/users/${NONE}`,
      body: {},
      expect: adminOnly(400),
    },
    'get /api/v1/staff': { path: '/api/v1/staff', expect: signedIn(200) },
    'post /api/v1/staff': { path: '/api/v1/staff', body: {}, expect: writers(403, 400) },
    'get /api/v1/staff/{id}': { path: `/api/v1/staff/${O}`, expect: readers(404) },
    'delete /api/v1/staff/{id}': { path: `/api/v1/staff/${NONE}`, expect: adminOnly(404) },
    'patch /api/v1/staff/{id}': {
      path: `/api/v1/staff/${S}`,
      body: {},
      expect: writers(403, 400),
    },
    'get /api/v1/staff/{staffId}/assessments': {
      path: `/api/v1/staff/${O}/assessments`,
      expect: readers(404),
    },
    'post /api/v1/staff/{staffId}/assessments': {
      path: `/api/v1/staff/${O}/assessments`,
      body: assessment,
      expect: writers(404, 201),
    },
    'get /api/v1/staff/{staffId}/credentials': {
      path: `/api/v1/staff/${O}/credentials`,
      expect: readers(404),
    },
    'post /api/v1/staff/{staffId}/credentials': {
      path: `/api/v1/staff/${O}/credentials`,
      body: {},
      expect: writers(403, 400),
    },
    // a member adds their own newly earned credential (another's: 404 for staff, 403 for managers)
    'post /api/v1/staff/{staffId}/credentials/self-reported': {
      path: `/api/v1/staff/${O}/credentials/self-reported`,
      body: { credentialTypeId: ids.type, issuedOn: '2026-01-05' },
      expect: [A401, 404, 403, 403, 403],
    },
    'get /api/v1/staff/{staffId}/team-managers': {
      path: `/api/v1/staff/${O}/team-managers`,
      expect: readers(404),
    },
    'get /api/v1/credentials': {
      path: `/api/v1/credentials?teamId=${ids.teamId}`,
      expect: signedIn(200),
    },
    'get /api/v1/credentials/{id}': {
      path: `/api/v1/credentials/${ids.otherCredential}`,
      expect: readers(404),
    },
    'patch /api/v1/credentials/{id}': {
      path: `/api/v1/credentials/${ids.otherCredential}`,
      body: {},
      expect: writers(403, 400),
    },
    'delete /api/v1/credentials/{id}': {
      path: `/api/v1/credentials/${NONE}`,
      expect: writers(403, 404),
    },
    'get /api/v1/staff/{staffId}/ce-activities': {
      path: `/api/v1/staff/${O}/ce-activities`,
      expect: readers(404),
    },
    'post /api/v1/staff/{staffId}/ce-activities': {
      path: `/api/v1/staff/${O}/ce-activities`,
      body: ce,
      expect: writers(404, 201),
    },
    'get /api/v1/ce-activities': { path: '/api/v1/ce-activities', expect: readers(403) },
    'get /api/v1/ce-activities/{id}': {
      path: `/api/v1/ce-activities/${ids.otherActivity}`,
      expect: readers(404),
    },
    // only a reviewer of the member's team changes an activity they did not log
    'patch /api/v1/ce-activities/{id}': {
      path: `/api/v1/ce-activities/${ids.otherActivity}`,
      body: { version: 99, title: 'x' },
      expect: [A401, 404, 409, 403, 409],
    },
    'delete /api/v1/ce-activities/{id}': {
      path: `/api/v1/ce-activities/${NONE}`,
      expect: signedIn(404),
    },
    'post /api/v1/ce-activities/{id}/review': {
      path: `/api/v1/ce-activities/${ids.otherActivity}/review`,
      body: { status: 'approved', version: 99 },
      expect: [A401, 403, 409, 403, 409],
    },
    'get /api/v1/calendar-tokens': { path: '/api/v1/calendar-tokens', expect: signedIn(200) },
    'post /api/v1/calendar-tokens': {
      path: '/api/v1/calendar-tokens',
      body: {},
      expect: signedIn(400),
    },
    'delete /api/v1/calendar-tokens/{id}': {
      path: `/api/v1/calendar-tokens/${NONE}`,
      expect: signedIn(404),
    },
    // the feed's secret is its own credential: no token needed, an unknown one is 404
    'get /api/v1/calendar/{token}.ics': {
      path: `/api/v1/calendar/${NONE}.ics`,
      expect: everyone(404),
    },
    'get /api/v1/credentials/{id}/evidence': {
      path: `/api/v1/credentials/${ids.otherCredential}/evidence`,
      expect: readers(404),
    },
    'post /api/v1/credentials/{id}/evidence': {
      path: `/api/v1/credentials/${ids.otherCredential}/evidence`,
      body: {},
      expect: readers(404, 400),
    },
    'get /api/v1/ce-activities/{id}/evidence': {
      path: `/api/v1/ce-activities/${ids.otherActivity}/evidence`,
      expect: readers(404),
    },
    'post /api/v1/ce-activities/{id}/evidence': {
      path: `/api/v1/ce-activities/${ids.otherActivity}/evidence`,
      body: {},
      expect: readers(404, 400),
    },
    'get /api/v1/evidence/{id}': { path: `/api/v1/evidence/${NONE}`, expect: signedIn(404) },
    'delete /api/v1/evidence/{id}': { path: `/api/v1/evidence/${NONE}`, expect: signedIn(404) },
    'get /api/v1/reports/compliance': {
      path: `/api/v1/reports/compliance?format=csv&staffId=${O}`,
      expect: readers(404),
    },
    // a member's file as the profile: staff only their own; the zip: staff get their own file
    'get /api/v1/staff/{id}/file.pdf': {
      path: `/api/v1/staff/${O}/file.pdf`,
      expect: readers(404),
    },
    'get /api/v1/reports/member-files': {
      path: `/api/v1/reports/member-files?teamId=${ids.teamId}`,
      expect: signedIn(200),
    },
    'get /api/v1/import/{kind}/template': {
      path: '/api/v1/import/staff/template',
      expect: readers(403),
    },
    'post /api/v1/import/{kind}': {
      path: '/api/v1/import/staff',
      body: {},
      expect: writers(403, 400),
    },
  };
}

describe('permission matrix', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  let roi: SecondTeam;
  let table: Record<string, Probe>;
  let tokens: Record<Caller, string | null>;
  let emails: Record<Exclude<Caller, 'anonymous'>, string>;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t);
    roi = await addTeamWithManager(t, d);
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
      `INSERT INTO ce_activity (department_id, staff_id, title, provider, completed_on, hours, status, submitted_team_id)
       VALUES ($1, $2, 'Webinar', 'AHIMA', '2026-01-10', 1, 'submitted', $3) RETURNING id`,
      [d.departmentId, d.otherStaffId, d.teamId],
    );
    table = routeTable({
      skill,
      type,
      otherCredential,
      otherActivity,
      teamId: d.teamId,
      roleId: d.roleId,
      member: d.otherStaffId,
      self: d.staffStaffId,
    });
    tokens = {
      anonymous: null,
      staff: d.tokens.staff,
      teamManager: d.tokens.manager,
      otherManager: roi.managerToken,
      admin: d.tokens.admin,
    };
    const [{ email }] = await t.dataSource.query(`SELECT email FROM app_user WHERE staff_id = $1`, [
      roi.managerStaffId,
    ]);
    emails = {
      staff: d.emails.staff,
      teamManager: d.emails.manager,
      otherManager: email,
      admin: d.emails.admin,
    };
  });
  afterAll(() => t.close());

  it('has one entry for every operation of the route table, and none for an operation that is gone', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(70);
    expect(operations.filter((key) => !(key in table))).toEqual([]);
    expect(Object.keys(table).filter((key) => !operations.includes(key))).toEqual([]);
  });

  it('answers each caller as the matrix says: anonymous, staff, manager of the team, manager of another team, admin', async () => {
    const mismatches: string[] = [];
    const call = async (method: Method, probe: Probe, token: string | null) => {
      let req = t.http()[method](probe.path);
      if (token) req = req.set(bearer(token));
      return probe.body === undefined ? await req : await req.send(probe.body as object);
    };
    for (const [key, probe] of Object.entries(table)) {
      const method = key.split(' ')[0] as Method;
      for (const [i, caller] of CALLERS.entries()) {
        let token = tokens[caller];
        if (probe.freshSession && caller !== 'anonymous') {
          const login = await t
            .http()
            .post('/api/v1/auth/login')
            .send({ email: emails[caller], password: PASSWORD })
            .expect(200);
          token = login.body.accessToken;
        }
        const res = await call(method, probe, token);
        if (res.status !== probe.expect[i]) {
          mismatches.push(
            `${key} (${probe.path}) as ${caller}: ${res.status}, expected ${probe.expect[i]}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers the summary form of readiness, its member pages and compared days to the callers of the full form', async () => {
    const probes: [string, Expected][] = [
      [
        '/api/v1/readiness?view=summary&members=not-ready&limit=10&offset=0&compare=2026-10-25',
        [401, 403, 200, 200, 200],
      ],
      [`/api/v1/readiness?view=summary&teamId=${d.teamId}&members=all`, [401, 403, 200, 200, 200]],
      [`/api/v1/readiness?view=summary&teamId=${NONE}`, [401, 403, 404, 404, 404]],
      ['/api/v1/readiness?members=all', [401, 403, 400, 400, 400]],
    ];
    const mismatches: string[] = [];
    for (const [path, expected] of probes) {
      for (const [i, caller] of CALLERS.entries()) {
        const token = tokens[caller];
        let req = t.http().get(path);
        if (token) req = req.set(bearer(token));
        const res = await req;
        if (res.status !== expected[i]) {
          mismatches.push(`${path} as ${caller}: ${res.status}, expected ${expected[i]}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
