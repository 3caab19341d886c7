import { caller, createDepartment, type DepartmentFixture } from './fixtures';
import { createTestApp, type TestApp } from './test-app';

describe('department API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;

  const snapshot = async (id: string) =>
    (await t.dataSource.query(`SELECT * FROM department WHERE id = $1`, [id]))[0];
  const auditCount = async (id: string) =>
    Number(
      (await t.dataSource.query(`SELECT count(*) FROM audit_event WHERE entity_id = $1`, [id]))[0]
        .count,
    );
  const patch = (body: object, token = dept.tokens.admin) =>
    caller(t, token).patch('/api/v1/department', body);

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
    other = await createDepartment(t, 'b');
  });
  afterAll(() => t.close());

  it('shows every signed-in user their own department', async () => {
    for (const role of ['admin', 'manager', 'staff'] as const) {
      const res = await caller(t, dept.tokens[role]).get('/api/v1/department').expect(200);
      expect(res.body).toEqual({
        id: dept.departmentId,
        name: 'HIM a',
        timeZone: 'UTC',
        requireVerification: false,
        expiryWarningDays: 90,
        reminderLeadDays: [90, 60, 30, 7],
        assessmentValidityMonths: null,
        ssoCreateAccounts: false,
        passwordSignIn: true,
        breakGlassUserId: null,
        staffMayAddCredentials: true,
        evidenceMaxBytes: expect.any(Number),
        version: 1,
      });
    }
    expect(
      (await caller(t, other.tokens.staff).get('/api/v1/department').expect(200)).body.id,
    ).toBe(other.departmentId);
    await t.http().get('/api/v1/department').expect(401);
  });

  it('lets an admin change the settings, sorting reminder lead times and auditing the change', async () => {
    const before = (await caller(t, dept.tokens.admin).get('/api/v1/department').expect(200)).body;
    const res = await patch({
      version: 1,
      name: ' Riverside HIM ',
      timeZone: 'america/chicago',
      requireVerification: true,
      expiryWarningDays: 120,
      reminderLeadDays: [7, 120, 30],
      note: 'survey prep',
    }).expect(200);
    expect(res.body).toEqual({
      id: dept.departmentId,
      name: 'Riverside HIM',
      timeZone: 'America/Chicago',
      requireVerification: true,
      expiryWarningDays: 120,
      reminderLeadDays: [120, 30, 7],
      assessmentValidityMonths: null,
      ssoCreateAccounts: false,
      passwordSignIn: true,
      breakGlassUserId: null,
      staffMayAddCredentials: true,
      version: 2,
    });
    expect((await snapshot(dept.departmentId)).reminder_lead_days).toEqual([120, 30, 7]);
    const audit = await caller(t, dept.tokens.manager)
      .get(`/api/v1/audit?entity=department&entityId=${dept.departmentId}`)
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    delete before.evidenceMaxBytes;
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      before,
      after: res.body,
      note: 'survey prep',
      userEmail: dept.emails.admin,
    });
    // the other department is untouched
    expect((await snapshot(other.departmentId)).name).toBe('HIM b');
  });

  it('rejects bad settings with 400 naming the field and writes nothing', async () => {
    const before = await snapshot(dept.departmentId);
    const audits = await auditCount(dept.departmentId);
    const res = await patch({
      version: before.version,
      name: '  ',
      timeZone: 'Mars/Olympus_Mons',
      requireVerification: 'yes',
      expiryWarningDays: 731,
      reminderLeadDays: [30, 30, 0],
      colour: 'teal',
    }).expect(400);
    const text = res.body.message.join('\n');
    for (const field of [
      'name',
      'timeZone',
      'requireVerification',
      'expiryWarningDays',
      'reminderLeadDays',
      'colour',
    ])
      expect(text).toContain(field);
    await patch({ version: before.version, reminderLeadDays: [] }).expect(400);
    await patch({ version: before.version, reminderLeadDays: [1, 2, 3, 4, 5, 6, 7, 8, 9] }).expect(
      400,
    );
    await patch({ version: before.version, reminderLeadDays: [10.5] }).expect(400);
    await patch({ version: before.version, expiryWarningDays: 0 }).expect(400);
    await patch({ version: before.version, name: null }).expect(400);
    await patch({ version: before.version, timeZone: null }).expect(400);
    await patch({ name: 'No version' }).expect(400);
    expect(await snapshot(dept.departmentId)).toEqual(before);
    expect(await auditCount(dept.departmentId)).toBe(audits);
  });

  it('answers 409 on a stale version and 403 to managers and staff', async () => {
    const { version } = await snapshot(dept.departmentId);
    await patch({ version, expiryWarningDays: 60 }).expect(200);
    const stale = await patch({ version, expiryWarningDays: 30 }).expect(409);
    expect(stale.body.message[0]).toMatch(/version/);
    await patch({ version: version + 1, name: 'Nope' }, dept.tokens.manager).expect(403);
    await patch({ version: version + 1, name: 'Nope' }, dept.tokens.staff).expect(403);
    await t.http().patch('/api/v1/department').send({ version: 1 }).expect(401);
    expect((await snapshot(dept.departmentId)).expiry_warning_days).toBe(60);
  });
});
