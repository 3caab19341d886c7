import type {
  CeGroup,
  DeadlinesResponse,
  ReadinessResponse,
  TrainingGapsResponse,
} from '@him/contracts';
import { parse } from 'csv-parse/sync';
import { bearer, caller, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * A small department whose figures were worked out by hand from DOMAIN.md, checked through
 * the HTTP API on the dates at the edges (an expiry day, the day after, a window's last day).
 */
describe('analysis endpoints (R1 to R15 through the API)', () => {
  let t: TestApp;
  let d: DepartmentFixture;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDepartment(t);
    const q = async (sql: string, params: unknown[]) =>
      (await t.dataSource.query(sql, params))[0]?.id as string;
    const dept = d.departmentId;
    id.icd = await q(
      `INSERT INTO skill (department_id, name, category) VALUES ($1, 'ICD-10-CM', 'technical') RETURNING id`,
      [dept],
    );
    id.ccs = await q(
      `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus) VALUES ($1, 'CCS', 'Certified Coding Specialist', 'AHIMA', 20) RETURNING id`,
      [dept],
    );
    id.cpc = await q(
      `INSERT INTO credential_type (department_id, code, name, issuing_body, base_ceus) VALUES ($1, 'CPC', 'Certified Professional Coder', 'AAPC', 36) RETURNING id`,
      [dept],
    );
    await t.dataSource.query(
      `INSERT INTO credential_type_skill (credential_type_id, skill_id, level) VALUES ($1, $2, 3)`,
      [id.ccs, id.icd],
    );
    await t.dataSource.query(
      `INSERT INTO ce_rule (department_id, issuing_body, cycle_months, extra_per_additional, cap, minimums) VALUES
         ($1, 'AHIMA', 24, 10, 50, '[{"categories":["hiim-domain"],"share":0.8}]'),
         ($1, 'AAPC', 24, 4, 52, '[]')`,
      [dept],
    );
    // Role "Medical Coder" (from the fixture): CCS or CPC, and ICD-10-CM at 3. Team target: 2 holders of CCS or CPC.
    const credReq = await q(
      `INSERT INTO requirement (department_id, role_id, position, kind) VALUES ($1, $2, 0, 'credential') RETURNING id`,
      [dept, d.roleId],
    );
    await q(
      `INSERT INTO requirement (department_id, role_id, position, kind, skill_id, min_level) VALUES ($1, $2, 1, 'skill', $3, 3) RETURNING id`,
      [dept, d.roleId, id.icd],
    );
    const target = await q(
      `INSERT INTO requirement (department_id, team_id, position, kind, min_holders) VALUES ($1, $2, 0, 'credential', 2) RETURNING id`,
      [dept, d.teamId],
    );
    for (const req of [credReq, target]) {
      await t.dataSource.query(
        `INSERT INTO requirement_credential_type (requirement_id, credential_type_id) VALUES ($1, $2), ($1, $3)`,
        [req, id.ccs, id.cpc],
      );
    }
    // Members: the manager (A) holds a CCS to 2026-12-31; the staff user (B) a CPC and a manager assessment of 2;
    // the other member is on leave with a current CCS.
    const A = d.managerStaffId;
    const B = d.staffStaffId;
    await t.dataSource.query(`UPDATE staff SET status = 'leave' WHERE id = $1`, [d.otherStaffId]);
    id.aCcs = await q(
      `INSERT INTO credential (department_id, staff_id, credential_type_id, number, issued_on, expires_on, verification_method, verified_on)
       VALUES ($1, $2, $3, 'CCS-1', '2024-01-01', '2026-12-31', 'primary-source', '2024-01-05') RETURNING id`,
      [dept, A, id.ccs],
    );
    id.bCpc = await q(
      `INSERT INTO credential (department_id, staff_id, credential_type_id, number, issued_on, expires_on)
       VALUES ($1, $2, $3, 'CPC-1', '2025-06-01', '2027-06-30') RETURNING id`,
      [dept, B, id.cpc],
    );
    await q(
      `INSERT INTO credential (department_id, staff_id, credential_type_id, number, issued_on, expires_on)
       VALUES ($1, $2, $3, 'CCS-2', '2024-01-01', '2027-12-31') RETURNING id`,
      [dept, d.otherStaffId, id.ccs],
    );
    // R2: a manager's 2 outranks a self-assessed 4 of the same day.
    await t.dataSource.query(
      `INSERT INTO assessment (department_id, staff_id, skill_id, level, assessed_on, source) VALUES
         ($1, $2, $3, 2, '2026-01-10', 'manager'), ($1, $2, $3, 4, '2026-01-10', 'self')`,
      [dept, B, id.icd],
    );
    await t.dataSource.query(
      `INSERT INTO ce_activity (department_id, staff_id, title, provider, completed_on, hours, categories, status) VALUES
         ($1, $2, 'Coding Clinic Q1', 'AHIMA', '2025-05-01', 12, '{hiim-domain}', 'approved'),
         ($1, $2, 'Leadership basics', 'Hospital', '2026-03-01', 5, '{}', 'approved'),
         ($1, $2, 'ICD-10-PCS update', 'AHIMA', '2026-06-01', 3, '{hiim-domain}', 'submitted'),
         ($1, $2, 'Rejected one', 'Vendor', '2026-02-01', 8, '{hiim-domain}', 'rejected')`,
      [dept, A],
    );
  });
  afterAll(() => t.close());

  const readiness = async (query: string): Promise<ReadinessResponse> =>
    (await caller(t, d.tokens.manager).get(`/api/v1/readiness?${query}`).expect(200)).body;

  it('R4 R6 R8 counts a credential on its expiry day; R1 leaves the member on leave out', async () => {
    const r = await readiness('asOf=2026-12-31');
    expect(r.asOf).toBe('2026-12-31');
    expect(r.staffReadyPct).toBe(0.5);
    expect(r.requirementsMetPct).toBe(0.75);
    expect(r.targetsMet).toEqual({ met: 1, total: 1 });
    expect(r.members.map((m) => [m.staffId, m.met, m.total, m.ready]).sort()).toEqual(
      [
        [d.managerStaffId, 2, 2, true],
        [d.staffStaffId, 1, 2, false],
      ].sort(),
    );
    expect(r.onLeave.map((m) => m.staffId)).toEqual([d.otherStaffId]);
    expect(r.teams).toEqual([
      expect.objectContaining({
        teamId: d.teamId,
        activeStaff: 2,
        staffReadyPct: 0.5,
        requirementsMetPct: 0.75,
      }),
    ]);
  });

  it('R7 finds the single point of failure for the skill only one member meets', async () => {
    const r = await readiness('asOf=2026-12-31');
    expect(r.singlePointsOfFailure).toEqual([
      {
        teamId: d.teamId,
        requirement: { kind: 'skill', skillId: id.icd, minLevel: 3 },
        staffId: d.managerStaffId,
      },
    ]);
    expect(r.targets[0]).toMatchObject({
      minHolders: 2,
      holders: 2,
      gap: 0,
      singlePointOfFailure: false,
    });
  });

  it('R4 R9 lapse the day after expiry and in the forecast, naming who lapsed', async () => {
    const next = await readiness('asOf=2027-01-01');
    expect(next.staffReadyPct).toBe(0);
    expect(next.requirementsMetPct).toBe(0.25);
    expect(next.targets[0]).toMatchObject({ holders: 1, gap: 1, singlePointOfFailure: true });

    const r = await readiness('asOf=2026-12-01&surveyDate=2026-12-31');
    const byDays = Object.fromEntries(r.forecast.map((f) => [f.days, f]));
    expect(byDays[30]).toMatchObject({
      date: '2026-12-31',
      staffReadyPct: 0.5,
      targetsMet: { met: 1, total: 1 },
      lapsed: [],
    });
    expect(byDays[60]).toMatchObject({
      date: '2027-01-30',
      staffReadyPct: 0,
      targetsMet: { met: 0, total: 1 },
    });
    expect(byDays[60].lapsed).toEqual([
      {
        staffId: d.managerStaffId,
        credentialId: id.aCcs,
        credentialTypeId: id.ccs,
        expiresOn: '2026-12-31',
      },
    ]);
    expect(r.forecast.map((f) => f.days)).toEqual(expect.arrayContaining([30, 60, 90, 180]));
  });

  it('R10 lists a credential expiring on the last day of the window and not one day later', async () => {
    const inside = await caller(t, d.tokens.admin)
      .get('/api/v1/expirations?asOf=2026-10-02&withinDays=90')
      .expect(200);
    expect(inside.body).toEqual([
      expect.objectContaining({
        credentialId: id.aCcs,
        expiresOn: '2026-12-31',
        daysLeft: 90,
        verified: true,
        credentialTypeCode: 'CCS',
      }),
    ]);
    const outside = await caller(t, d.tokens.admin)
      .get('/api/v1/expirations?asOf=2026-10-01&withinDays=90')
      .expect(200);
    expect(outside.body).toEqual([]);
  });

  it('R11 to R15 compute CE groups: earned, pending beside it, minimums, pace and status', async () => {
    const res = await caller(t, d.tokens.manager)
      .get(`/api/v1/ce-status?asOf=2026-06-30`)
      .expect(200);
    const groups: CeGroup[] = res.body;
    const ahima = groups.find((g) => g.staffId === d.managerStaffId && g.issuingBody === 'AHIMA');
    expect(ahima).toMatchObject({
      credentialIds: [id.aCcs],
      credentialTypeCodes: ['CCS'],
      cycleStart: '2025-01-01',
      cycleEnd: '2026-12-31',
      required: 20,
      earned: 17,
      pending: 3,
      remaining: 3,
      pace: 14.96,
      status: 'on-track',
      minimums: [{ categories: ['hiim-domain'], requiredHours: 16, earnedHours: 12, met: false }],
    });
    const aapc = groups.find((g) => g.staffId === d.staffStaffId && g.issuingBody === 'AAPC');
    expect(aapc).toMatchObject({
      cycleStart: '2025-07-01',
      required: 36,
      earned: 0,
      pace: 18,
      status: 'behind',
    });

    const late = await caller(t, d.tokens.manager)
      .get(`/api/v1/ce-status?asOf=2026-10-15&staffId=${d.managerStaffId}`)
      .expect(200);
    expect(late.body.map((g: CeGroup) => g.status)).toEqual(['at-risk']);
  });

  it('R2 the skills matrix shows the manager assessment over the self-assessment and the credential level', async () => {
    const res = await caller(t, d.tokens.manager)
      .get('/api/v1/skills-matrix?asOf=2026-06-30')
      .expect(200);
    const cell = (staffId: string) =>
      res.body.rows.find((r: { staffId: string }) => r.staffId === staffId).cells[0];
    expect(cell(d.staffStaffId)).toEqual({
      skillId: id.icd,
      level: 2,
      requiredLevel: 3,
      source: 'assessment-manager',
    });
    expect(cell(d.managerStaffId)).toEqual({
      skillId: id.icd,
      level: 3,
      requiredLevel: 3,
      source: 'credential',
    });
  });

  it('keeps staff to their own figures and validates the query', async () => {
    await caller(t, d.tokens.staff).get('/api/v1/readiness').expect(403);
    const own = await caller(t, d.tokens.staff)
      .get('/api/v1/ce-status?asOf=2026-06-30')
      .expect(200);
    expect(own.body.map((g: CeGroup) => g.staffId)).toEqual([d.staffStaffId]);
    await caller(t, d.tokens.staff)
      .get(`/api/v1/ce-status?staffId=${d.managerStaffId}`)
      .expect(404);
    const exp = await caller(t, d.tokens.staff)
      .get('/api/v1/expirations?asOf=2026-10-02&withinDays=365')
      .expect(200);
    expect(exp.body.map((e: { staffId: string }) => e.staffId)).toEqual([d.staffStaffId]);
    const matrix = await caller(t, d.tokens.staff).get('/api/v1/skills-matrix').expect(200);
    expect(matrix.body.rows.map((r: { staffId: string }) => r.staffId)).toEqual([d.staffStaffId]);

    const bad = await caller(t, d.tokens.manager)
      .get('/api/v1/readiness?asOf=2026-02-30&teamId=x')
      .expect(400);
    expect(bad.body.message.join(' ')).toMatch(/asOf/);
    expect(bad.body.message.join(' ')).toMatch(/teamId/);
    await caller(t, d.tokens.manager).get('/api/v1/readiness?unknown=1').expect(400);
    await caller(t, d.tokens.manager)
      .get('/api/v1/readiness?teamId=00000000-0000-4000-8000-000000000000')
      .expect(404);
    await caller(t, d.tokens.manager)
      .get('/api/v1/readiness?asOf=2026-06-30&surveyDate=2026-01-01')
      .expect(400);
  });

  it('lists who to train on what: the coverage gap, the requirements missed and the nearest holders, also as a CSV', async () => {
    const res = await caller(t, d.tokens.manager)
      .get(`/api/v1/readiness/gaps?asOf=2027-01-01`)
      .expect(200);
    const gaps = res.body as TrainingGapsResponse;
    expect(gaps.asOf).toBe('2027-01-01');
    expect(gaps.teams).toHaveLength(1);
    const A = d.managerStaffId;
    const B = d.staffStaffId;
    const shape = gaps.teams[0].gaps.map((g) => ({
      kind: g.kind,
      requirement: g.requirement.kind === 'skill' ? g.requirement.skillId : 'CCS or CPC',
      needed: g.needed,
      members: g.members.map((m) => m.staffId).sort(),
      holders: g.nearestHolders.map((m) => m.staffId),
      inDepartment: g.holdersInDepartment,
    }));
    // A's CCS lapsed on 2026-12-31: the target of two holders is one short (the member on leave
    // does not count), and with it the ICD-10-CM level the CCS evidenced
    expect(shape).toEqual([
      {
        kind: 'coverage',
        requirement: 'CCS or CPC',
        needed: 1,
        members: [A],
        holders: [B],
        inDepartment: 1,
      },
      {
        kind: 'role',
        requirement: id.icd,
        needed: 2,
        members: [A, B].sort(),
        holders: [],
        inDepartment: 0,
      },
      {
        kind: 'role',
        requirement: 'CCS or CPC',
        needed: 1,
        members: [A],
        holders: [B],
        inDepartment: 1,
      },
    ]);

    const csv = await t
      .http()
      .get(`/api/v1/readiness/gaps?asOf=2027-01-01&teamId=${d.teamId}&format=csv`)
      .set(bearer(d.tokens.admin))
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })
      .expect(200)
      .expect('Content-Type', /text\/csv/)
      .expect('Content-Disposition', 'attachment; filename="training-gaps-2027-01-01.csv"');
    const rows = parse(csv.body as string, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'Department',
      'As of',
      'Team',
      'Gap',
      'Why',
      'Needed',
      'Members',
      'Nearest holders',
      'Holders in the department',
    ]);
    // the group's types in the order stored (by id)
    const gap = (text: string) => text.replace('CPC or CCS', 'CCS or CPC');
    expect(rows.slice(1).map((r) => [gap(r[3]), r[4], r[5], r[8]])).toEqual([
      ['CCS or CPC credential', 'Team coverage target short of holders', '1', '1'],
      ['ICD-10-CM at Proficient (3) or above', 'Required by the role', '2', '0'],
      ['CCS or CPC credential', 'Required by the role', '1', '1'],
    ]);
    const exports = await t.dataSource.query(
      `SELECT after FROM audit_event WHERE department_id = $1 AND action = 'export' AND entity = 'report'`,
      [d.departmentId],
    );
    expect(exports.map((e: { after: { report?: string } }) => e.after.report)).toContain(
      'training-gaps',
    );

    await caller(t, d.tokens.staff).get('/api/v1/readiness/gaps').expect(403);
    const bad = await caller(t, d.tokens.manager)
      .get('/api/v1/readiness/gaps?format=pdf')
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('format');
  });

  it('lists what falls due in the next twelve months: expiries and CE cycle ends with hours missing', async () => {
    const res = await caller(t, d.tokens.manager)
      .get('/api/v1/deadlines?asOf=2026-06-30')
      .expect(200);
    const body = res.body as DeadlinesResponse;
    expect(body.until).toBe('2027-06-30');
    const A = d.managerStaffId;
    const B = d.staffStaffId;
    // the member on leave's CCS expires on 2027-12-31: after the twelve months
    expect(
      body.deadlines.map((x) => [
        x.date,
        x.staffId,
        x.kind,
        x.credentials,
        x.hoursMissing,
        x.verified,
      ]),
    ).toEqual([
      ['2026-12-31', A, 'ce-cycle-end', 'CCS', 3, null],
      ['2026-12-31', A, 'credential-expiry', 'CCS', null, true],
      ['2027-06-30', B, 'ce-cycle-end', 'CPC', 36, null],
      ['2027-06-30', B, 'credential-expiry', 'CPC', null, false],
    ]);
    await caller(t, d.tokens.staff).get('/api/v1/deadlines').expect(403);
    const bad = await caller(t, d.tokens.manager)
      .get('/api/v1/deadlines?asOf=2026-02-30')
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('asOf');
  });
});
