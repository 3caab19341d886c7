import type { MemberActions } from '@him/contracts';
import { bearer, caller, createDepartment, type DepartmentFixture } from './fixtures';
import {
  addTeamWithManager,
  daysFromToday,
  insertCredentialType,
  insertSkill,
  type SecondTeam,
} from './member-records';
import { createTestApp, type TestApp } from './test-app';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

type Flag = keyof MemberActions;

/**
 * `GET /staff/:id` → `can` says what the API would accept: for each caller and member, every
 * flag is read first and then the write it stands for is made, and the two must agree (2xx when
 * true, 403 or 404 when false). The writes use valid bodies, so a refusal is never bad input.
 */
describe('what a caller may do to a member (GET /staff/:id → can)', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let second: SecondTeam;
  let credentialTypeId: string;
  let skillId: string;

  const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);

  /** A fresh member of the fixture's team, with nothing on it. */
  async function newMember(name: string): Promise<string> {
    const [{ id }] = await q(
      `INSERT INTO staff (department_id, team_id, role_id, name, email, status, hire_date)
       VALUES ($1, $2, $3, $4, $5, 'active', '2022-02-01') RETURNING id`,
      [
        dept.departmentId,
        dept.teamId,
        dept.roleId,
        name,
        `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@example.org`,
      ],
    );
    return id;
  }

  const can = async (token: string, staffId: string): Promise<MemberActions> => {
    const res = await caller(t, token).get(`/api/v1/staff/${staffId}`).expect(200);
    return res.body.can;
  };

  const staffVersion = async (staffId: string): Promise<number> =>
    (await q(`SELECT version FROM staff WHERE id = $1`, [staffId]))[0].version;

  /** As the admin: a credential and a submitted CE activity of the member, for the caller to act on. */
  async function recordsOf(staffId: string) {
    const admin = bearer(dept.tokens.admin);
    const credential = await t
      .http()
      .post(`/api/v1/staff/${staffId}/credentials`)
      .set(admin)
      .send({ credentialTypeId, issuedOn: '2025-03-01', expiresOn: daysFromToday(400) })
      .expect(201);
    const activity = await t
      .http()
      .post(`/api/v1/staff/${staffId}/ce-activities`)
      .set(admin)
      .send({ title: 'Coding Clinic Q1', provider: 'AHIMA', completedOn: '2026-01-10', hours: 2 })
      .expect(201);
    return { credentialId: credential.body.id as string, activity: activity.body };
  }

  /** Each flag's write, made by the caller; its HTTP status. */
  async function writes(token: string, staffId: string): Promise<Record<Flag, number>> {
    const auth = bearer(token);
    const { credentialId, activity } = await recordsOf(staffId);
    const http = () => t.http();
    const status: Partial<Record<Flag, number>> = {};
    status.editProfile = (
      await http()
        .patch(`/api/v1/staff/${staffId}`)
        .set(auth)
        .send({ version: await staffVersion(staffId), hireDate: '2022-02-02' })
    ).status;
    status.addCredential = (
      await http()
        .post(`/api/v1/staff/${staffId}/credentials`)
        .set(auth)
        .send({ credentialTypeId, issuedOn: '2025-04-01' })
    ).status;
    status.verifyCredential = (
      await http()
        .post(`/api/v1/staff/${staffId}/credentials`)
        .set(auth)
        .send({
          credentialTypeId,
          issuedOn: '2025-04-01',
          verification: { method: 'primary-source', verifiedOn: '2025-04-02' },
        })
    ).status;
    status.reportOwnCredential = (
      await http()
        .post(`/api/v1/staff/${staffId}/credentials/self-reported`)
        .set(auth)
        .send({ credentialTypeId, issuedOn: '2025-05-01' })
    ).status;
    status.addAssessment = (
      await http()
        .post(`/api/v1/staff/${staffId}/assessments`)
        .set(auth)
        .send({ skillId, level: 2, assessedOn: '2026-01-05', source: 'manager' })
    ).status;
    status.addSelfAssessment = (
      await http()
        .post(`/api/v1/staff/${staffId}/assessments`)
        .set(auth)
        .send({ skillId, level: 2, assessedOn: '2026-01-05', source: 'self' })
    ).status;
    const ce = { title: 'Webinar', provider: 'AAPC', completedOn: '2026-01-12', hours: 1 };
    status.logCe = (
      await http().post(`/api/v1/staff/${staffId}/ce-activities`).set(auth).send(ce)
    ).status;
    status.approveCeAtOnce = (
      await http()
        .post(`/api/v1/staff/${staffId}/ce-activities`)
        .set(auth)
        .send({ ...ce, status: 'approved' })
    ).status;
    status.reviewCe = (
      await http()
        .post(`/api/v1/ce-activities/${activity.id}/review`)
        .set(auth)
        .send({ status: 'approved', version: activity.version })
    ).status;
    status.uploadEvidence = (
      await http()
        .post(`/api/v1/credentials/${credentialId}/evidence`)
        .set(auth)
        .attach('file', PNG, { filename: 'card.png', contentType: 'image/png' })
    ).status;
    status.terminate = (
      await http()
        .patch(`/api/v1/staff/${staffId}`)
        .set(auth)
        .send({ version: await staffVersion(staffId), status: 'terminated' })
    ).status;
    await q(`UPDATE staff SET status = 'active' WHERE id = $1`, [staffId]);
    return status as Record<Flag, number>;
  }

  /** The flags that disagree with the status of their write (empty when all agree). */
  function disagreements(flags: MemberActions, statuses: Partial<Record<Flag, number>>) {
    return Object.entries(statuses).flatMap(([flag, code]) => {
      const offered = flags[flag as Flag];
      const accepted = code < 300;
      const refused = code === 403 || code === 404;
      return offered === accepted && (accepted || refused)
        ? []
        : [`${flag}: ${offered} vs ${code}`];
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t);
    second = await addTeamWithManager(t, dept);
    credentialTypeId = await insertCredentialType(t, dept.departmentId);
    skillId = await insertSkill(t, dept.departmentId);
  });

  afterAll(() => t.close());

  const cases: [string, () => string, () => Promise<string>, Partial<MemberActions>][] = [
    [
      'the admin, for a member',
      () => dept.tokens.admin,
      () => newMember('Ada Admin-Target'),
      { addCredential: true, addAssessment: true, reviewCe: true, delete: true },
    ],
    [
      "the manager of the member's team",
      () => dept.tokens.manager,
      () => newMember('Tom Team'),
      { addCredential: true, addAssessment: true, reviewCe: true, delete: false },
    ],
    [
      'the manager, for their own record',
      () => dept.tokens.manager,
      async () => dept.managerStaffId,
      { verifyCredential: false, addAssessment: false, addSelfAssessment: true, reviewCe: false },
    ],
    [
      'a manager of another team',
      () => second.managerToken,
      () => newMember('Otto Other-Team'),
      // reads the whole department and writes its records, but reviews only their own teams' CE
      { addCredential: true, addAssessment: true, reviewCe: false, approveCeAtOnce: false },
    ],
    [
      'a staff member, for themselves',
      () => dept.tokens.staff,
      async () => dept.staffStaffId,
      {
        addCredential: false,
        reportOwnCredential: true,
        addSelfAssessment: true,
        logCe: true,
        uploadEvidence: true,
        reviewCe: false,
      },
    ],
  ];

  it.each(cases)('%s: every flag agrees with its write', async (_who, token, target, expected) => {
    const staffId = await target();
    const flags = await can(token(), staffId);
    expect(flags).toMatchObject(expected);
    expect(disagreements(flags, await writes(token(), staffId))).toEqual([]);

    // Deleting: read again now that records refer to the member (409 for the admin then).
    const now = await can(token(), staffId);
    expect(now.delete).toBe(false);
    const res = await caller(t, token()).delete(`/api/v1/staff/${staffId}`);
    expect(res.status).toBe(expected.delete ? 409 : 403);
  });

  it('delete is offered to the admin only for a record with nothing on it, and then succeeds', async () => {
    const empty = await newMember('Mis Take');
    for (const token of [dept.tokens.manager, second.managerToken]) {
      expect((await can(token, empty)).delete).toBe(false);
      await caller(t, token).delete(`/api/v1/staff/${empty}`).expect(403);
    }
    expect((await can(dept.tokens.admin, empty)).delete).toBe(true);
    await caller(t, dept.tokens.admin).delete(`/api/v1/staff/${empty}`).expect(204);
  });

  it('a staff member gets no answer about another member, and every write of theirs is 404', async () => {
    await caller(t, dept.tokens.staff).get(`/api/v1/staff/${dept.otherStaffId}`).expect(404);
    const statuses = await writes(dept.tokens.staff, dept.otherStaffId);
    // what the staff role lacks outright is 403 at the permission check; the rest 404
    expect(Object.entries(statuses).filter(([, code]) => code !== 403 && code !== 404)).toEqual([]);
  });
});
