import { caller, createDepartment, type DepartmentFixture } from './fixtures';
import { auditOf, countRows, insertCredentialType } from './member-records';
import { createTestApp, type TestApp } from './test-app';

/**
 * Staff add a credential they newly earned to their own record: stored unverified, so it waits
 * for a manager's verification; where the department's policy is that managers add credentials
 * (staffMayAddCredentials false, set by the admin and audited), 403 names whom to ask.
 */
/** not the default, so the test shows the figure is the API's own limit */
const EVIDENCE_MAX_BYTES = 3 * 1024 * 1024;

describe('credentials staff add themselves', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let cdip: string;

  const path = (staffId: string) => `/api/v1/staff/${staffId}/credentials/self-reported`;
  const body = (overrides: Record<string, unknown> = {}) => ({
    credentialTypeId: cdip,
    number: ' 5551234 ',
    issuedOn: '2026-01-05',
    expiresOn: '2028-01-31',
    ...overrides,
  });
  const setPolicy = async (staffMayAddCredentials: boolean) => {
    const { version } = (await caller(t, dept.tokens.admin).get('/api/v1/department').expect(200))
      .body;
    return caller(t, dept.tokens.admin)
      .patch('/api/v1/department', {
        version,
        staffMayAddCredentials,
        note: 'managers add credentials',
      })
      .expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { EVIDENCE_MAX_BYTES: String(EVIDENCE_MAX_BYTES) } });
    dept = await createDepartment(t, 'a');
    other = await createDepartment(t, 'b');
    cdip = await insertCredentialType(t, dept.departmentId, 'CDIP');
  });
  afterAll(() => t.close());

  it('stores the credential unverified, audited as added by the member, and shows it to the managers', async () => {
    const res = await caller(t, dept.tokens.staff)
      .post(path(dept.staffStaffId), body())
      .expect(201);
    expect(res.body).toMatchObject({
      staffId: dept.staffStaffId,
      credentialTypeId: cdip,
      number: '5551234',
      issuedOn: '2026-01-05',
      expiresOn: '2028-01-31',
      verification: null,
      revokedOn: null,
      version: 1,
    });
    const [audited] = await auditOf(t, res.body.id);
    expect(audited).toMatchObject({
      action: 'create',
      entity: 'credential',
      user_email: dept.emails.staff,
      before: null,
      after: { id: res.body.id, verification: null },
      note: 'added by the member; awaiting verification',
    });
    // the managers see it, unverified, with the team's credentials
    const team = await caller(t, dept.tokens.manager)
      .get(`/api/v1/credentials?teamId=${dept.teamId}`)
      .expect(200);
    expect(team.body.items).toContainEqual(
      expect.objectContaining({ id: res.body.id, verification: null }),
    );
    // and verify it as usual
    await caller(t, dept.tokens.manager)
      .patch(`/api/v1/credentials/${res.body.id}`, {
        version: 1,
        verification: { method: 'primary-source', verifiedOn: '2026-01-06' },
      })
      .expect(200);
  });

  it('refuses a verification, bad input and another member’s record, writing nothing', async () => {
    const before = await countRows(t, 'credential');
    const verified = await caller(t, dept.tokens.staff)
      .post(
        path(dept.staffStaffId),
        body({ verification: { method: 'primary-source', verifiedOn: '2026-01-06' } }),
      )
      .expect(400);
    expect(verified.body.message.join('\n')).toContain('verification');
    const bad = await caller(t, dept.tokens.staff)
      .post(path(dept.staffStaffId), body({ credentialTypeId: 'x', issuedOn: '2026-02-30' }))
      .expect(400);
    expect(bad.body.message.join('\n')).toMatch(
      /credentialTypeId[\s\S]*issuedOn|issuedOn[\s\S]*credentialTypeId/,
    );
    const expiresFirst = await caller(t, dept.tokens.staff)
      .post(path(dept.staffStaffId), body({ expiresOn: '2025-12-31' }))
      .expect(400);
    expect(expiresFirst.body.message.join('\n')).toContain('expiresOn');
    const foreignType = await insertCredentialType(t, other.departmentId, 'RHIT');
    await caller(t, dept.tokens.staff)
      .post(path(dept.staffStaffId), body({ credentialTypeId: foreignType }))
      .expect(400);
    // staff reach only their own record; managers and admins add members' credentials the usual way
    await caller(t, dept.tokens.staff).post(path(dept.otherStaffId), body()).expect(404);
    const manager = await caller(t, dept.tokens.manager)
      .post(path(dept.staffStaffId), body())
      .expect(403);
    expect(manager.body.message[0]).toMatch(/only the member/);
    await caller(t, other.tokens.staff).post(path(dept.staffStaffId), body()).expect(404);
    await t.http().post(path(dept.staffStaffId)).send(body()).expect(401);
    expect(await countRows(t, 'credential')).toBe(before);
  });

  it('names the team managers to ask where the department’s managers add credentials', async () => {
    const managers = await caller(t, dept.tokens.staff)
      .get(`/api/v1/staff/${dept.staffStaffId}/team-managers`)
      .expect(200);
    expect(managers.body).toEqual([
      { staffId: dept.managerStaffId, name: 'Maria Manager', email: expect.any(String) },
    ]);
    await caller(t, dept.tokens.staff)
      .get(`/api/v1/staff/${dept.otherStaffId}/team-managers`)
      .expect(404);

    const changed = await setPolicy(false);
    expect(changed.body.staffMayAddCredentials).toBe(false);
    const [audited] = (await auditOf(t, dept.departmentId)).slice(-1);
    expect(audited).toMatchObject({
      action: 'update',
      before: { staffMayAddCredentials: true },
      after: { staffMayAddCredentials: false },
      note: 'managers add credentials',
    });
    expect(
      (await caller(t, dept.tokens.staff).get('/api/v1/department').expect(200)).body
        .staffMayAddCredentials,
    ).toBe(false);

    const before = await countRows(t, 'credential');
    const refused = await caller(t, dept.tokens.staff)
      .post(path(dept.staffStaffId), body({ number: '777' }))
      .expect(403);
    expect(refused.body.message[0]).toMatch(/ask Maria Manager \(your team's manager\) to add it/);
    expect(await countRows(t, 'credential')).toBe(before);

    // a manager still adds it for the member
    await caller(t, dept.tokens.manager)
      .post(`/api/v1/staff/${dept.staffStaffId}/credentials`, body({ number: '777' }))
      .expect(201);

    await setPolicy(true);
    await caller(t, dept.tokens.staff)
      .post(path(dept.staffStaffId), body({ number: '778' }))
      .expect(201);
  });

  it('refuses a setting that is not true or false, and lets only the admin change it', async () => {
    const { version } = (await caller(t, dept.tokens.admin).get('/api/v1/department').expect(200))
      .body;
    const res = await caller(t, dept.tokens.admin)
      .patch('/api/v1/department', { version, staffMayAddCredentials: 'no' })
      .expect(400);
    expect(res.body.message.join('\n')).toContain('staffMayAddCredentials');
    await caller(t, dept.tokens.manager)
      .patch('/api/v1/department', { version, staffMayAddCredentials: false })
      .expect(403);
  });

  it('states the largest evidence file the API accepts', async () => {
    const department = (await caller(t, dept.tokens.staff).get('/api/v1/department').expect(200))
      .body;
    expect(department.evidenceMaxBytes).toBe(EVIDENCE_MAX_BYTES);
  });
});
