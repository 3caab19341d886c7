import { caller, createDepartment, type DepartmentFixture } from './fixtures';
import { auditOf, countRows } from './member-records';
import { createTestApp, type TestApp } from './test-app';

describe('staff API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
    other = await createDepartment(t, 'b');
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: 'Dana Whitfield',
    email: `dana.${Math.random().toString(36).slice(2, 8)}@example.org`,
    employeeId: `E-${Math.random().toString(36).slice(2, 8)}`,
    teamId: dept.teamId,
    roleId: dept.roleId,
    status: 'active',
    hireDate: '2021-03-15',
    ...overrides,
  });

  it('creates, reads and updates a member, auditing each change', async () => {
    const input = body();
    const created = await caller(t, dept.tokens.manager).post('/api/v1/staff', input).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), ...input, version: 1 });
    const id = created.body.id;

    const read = await caller(t, dept.tokens.admin).get(`/api/v1/staff/${id}`).expect(200);
    // the record, and what the reader may do to it (member-actions.int-spec.ts)
    expect(read.body).toEqual({ ...created.body, can: expect.any(Object) });

    const updated = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/staff/${id}`, {
        status: 'leave',
        employeeId: null,
        version: 1,
        note: 'parental leave',
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      status: 'leave',
      employeeId: null,
      version: 2,
      name: 'Dana Whitfield',
    });

    const audit = await auditOf(t, id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[0]).toMatchObject({
      entity: 'staff',
      user_email: dept.emails.manager,
      before: null,
      after: created.body,
    });
    expect(audit[1]).toMatchObject({
      before: { status: 'active', employeeId: input.employeeId, version: 1 },
      after: { status: 'leave', employeeId: null, version: 2 },
      note: 'parental leave',
    });
  });

  it('lists with filters, a case-insensitive search over name, email and employee id, ordered by name, paginated', async () => {
    const d = await createDepartment(t);
    const [{ id: team2 }] = await t.dataSource.query(
      `INSERT INTO team (department_id, name) VALUES ($1, 'CDI') RETURNING id`,
      [d.departmentId],
    );
    const [{ id: role2 }] = await t.dataSource.query(
      `INSERT INTO job_role (department_id, name) VALUES ($1, 'CDI Specialist') RETURNING id`,
      [d.departmentId],
    );
    const post = (b: Record<string, unknown>) =>
      caller(t, d.tokens.admin)
        .post('/api/v1/staff', {
          teamId: d.teamId,
          roleId: d.roleId,
          status: 'active',
          hireDate: '2022-01-10',
          ...b,
        })
        .expect(201);
    await post({ name: 'zoe Ng', email: 'zoe.ng@example.org', employeeId: 'HR-77' });
    await post({ name: 'Adam Cole', email: 'acole@example.org', teamId: team2, roleId: role2 });
    await post({ name: 'Bea Left', email: 'bea@example.org', status: 'terminated' });

    const get = async (qs: string) =>
      (await caller(t, d.tokens.manager).get(`/api/v1/staff${qs}`).expect(200)).body;
    const names = (page: { items: { name: string }[] }) => page.items.map((s) => s.name);

    const all = await get('');
    expect(all.total).toBe(6);
    expect(names(all)).toEqual([
      'Adam Cole',
      'Bea Left',
      'Maria Manager',
      'Olga Other',
      'Sam Staff',
      'zoe Ng',
    ]);
    expect(names(await get(`?teamId=${team2}`))).toEqual(['Adam Cole']);
    expect(names(await get(`?roleId=${role2}`))).toEqual(['Adam Cole']);
    expect(names(await get('?status=terminated'))).toEqual(['Bea Left']);
    expect(names(await get('?q=ZOE'))).toEqual(['zoe Ng']);
    expect(names(await get('?q=ACOLE@'))).toEqual(['Adam Cole']);
    expect(names(await get('?q=hr-7'))).toEqual(['zoe Ng']);
    expect(names(await get('?q=%25'))).toEqual([]);
    const page = await get('?limit=2&offset=2');
    expect(page).toMatchObject({ total: 6 });
    expect(names(page)).toEqual(['Maria Manager', 'Olga Other']);
    // another department's members never appear
    expect(names(await get('?q=Dana'))).toEqual([]);
  });

  it('shows a staff member only themselves: the list holds only them, another member answers 404', async () => {
    const list = await caller(t, dept.tokens.staff).get('/api/v1/staff').expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([dept.staffStaffId]);
    const filtered = await caller(t, dept.tokens.staff)
      .get(`/api/v1/staff?status=terminated`)
      .expect(200);
    expect(filtered.body).toEqual({ items: [], total: 0 });
    await caller(t, dept.tokens.staff).get(`/api/v1/staff/${dept.staffStaffId}`).expect(200);
    await caller(t, dept.tokens.staff).get(`/api/v1/staff/${dept.otherStaffId}`).expect(404);
    await caller(t, dept.tokens.staff).get(`/api/v1/staff/${dept.managerStaffId}`).expect(404);
  });

  it('rejects bad input with 400 naming every field and writes nothing', async () => {
    const staffBefore = await countRows(t, 'staff');
    const auditBefore = await countRows(t, 'audit_event');
    const res = await caller(t, dept.tokens.manager)
      .post('/api/v1/staff', {
        name: '',
        email: 'not-an-email',
        teamId: 'x',
        roleId: dept.roleId,
        status: 'retired',
        hireDate: '2021-02-30',
        salary: 1,
      })
      .expect(400);
    const text = res.body.message.join('\n');
    for (const field of ['name', 'email', 'teamId', 'status', 'hireDate', 'salary'])
      expect(text).toMatch(field);
    expect(text).not.toMatch(/roleId/);

    const foreignTeam = await caller(t, dept.tokens.manager)
      .post('/api/v1/staff', body({ teamId: other.teamId }))
      .expect(400);
    expect(foreignTeam.body.message).toEqual(['teamId must be a team of your department']);
    const foreignRole = await caller(t, dept.tokens.manager)
      .post('/api/v1/staff', body({ roleId: other.roleId }))
      .expect(400);
    expect(foreignRole.body.message).toEqual(['roleId must be a job role of your department']);
    const blank = await caller(t, dept.tokens.manager)
      .post('/api/v1/staff', body({ name: '   ' }))
      .expect(400);
    expect(blank.body.message).toEqual(['name must not be blank']);
    const missing = await caller(t, dept.tokens.manager).post('/api/v1/staff', {}).expect(400);
    expect(missing.body.message.join('\n')).toMatch(/hireDate/);

    const patchNull = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/staff/${dept.otherStaffId}`, { name: null, teamId: other.teamId, version: 1 })
      .expect(400);
    expect(patchNull.body.message.join('\n')).toMatch(/^name/m);
    const patchTeam = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/staff/${dept.otherStaffId}`, { teamId: other.teamId, version: 1 })
      .expect(400);
    expect(patchTeam.body.message).toEqual(['teamId must be a team of your department']);
    await caller(t, dept.tokens.manager)
      .patch(`/api/v1/staff/${dept.otherStaffId}`, { status: 'active' })
      .expect(400);

    expect(await countRows(t, 'staff')).toBe(staffBefore);
    expect(await countRows(t, 'audit_event')).toBe(auditBefore);
    const [olga] = await t.dataSource.query(`SELECT team_id, version FROM staff WHERE id = $1`, [
      dept.otherStaffId,
    ]);
    expect(olga).toEqual({ team_id: dept.teamId, version: 1 });
  });

  it('answers 409 on a duplicate email or employee id and on a stale version', async () => {
    const first = await caller(t, dept.tokens.admin)
      .post('/api/v1/staff', body({ email: 'Dup@Example.org', employeeId: 'DUP-1' }))
      .expect(201);
    const dupEmail = await caller(t, dept.tokens.admin)
      .post('/api/v1/staff', body({ email: 'dup@example.org' }))
      .expect(409);
    expect(dupEmail.body.message[0]).toMatch(/^email/);
    const dupEmployee = await caller(t, dept.tokens.admin)
      .post('/api/v1/staff', body({ employeeId: 'DUP-1' }))
      .expect(409);
    expect(dupEmployee.body.message[0]).toMatch(/^employeeId/);
    // the same email in another department is another person
    await caller(t, other.tokens.admin)
      .post(
        '/api/v1/staff',
        body({
          email: 'dup@example.org',
          employeeId: 'DUP-1',
          teamId: other.teamId,
          roleId: other.roleId,
        }),
      )
      .expect(201);

    await caller(t, dept.tokens.manager)
      .patch(`/api/v1/staff/${first.body.id}`, { name: 'Dee', version: 1 })
      .expect(200);
    const stale = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/staff/${first.body.id}`, { name: 'Dot', version: 1 })
      .expect(409);
    expect(stale.body.message[0]).toMatch(/^version/);
    const dupOnPatch = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/staff/${dept.otherStaffId}`, { employeeId: 'DUP-1', version: 1 })
      .expect(409);
    expect(dupOnPatch.body.message[0]).toMatch(/^employeeId/);
  });

  it('answers 401 without a token, 403 to staff writing, 404 across departments, 400 on a malformed id; DELETE is for admins only', async () => {
    await t.http().get('/api/v1/staff').expect(401);
    await t.http().get(`/api/v1/staff/${dept.staffStaffId}`).expect(401);
    await t.http().post('/api/v1/staff').send(body()).expect(401);
    await caller(t, dept.tokens.staff).post('/api/v1/staff', body()).expect(403);
    await caller(t, dept.tokens.staff)
      .patch(`/api/v1/staff/${dept.staffStaffId}`, { name: 'Me', version: 1 })
      .expect(403);
    await caller(t, other.tokens.admin).get(`/api/v1/staff/${dept.staffStaffId}`).expect(404);
    await caller(t, other.tokens.manager)
      .patch(`/api/v1/staff/${dept.staffStaffId}`, { name: 'X', version: 1 })
      .expect(404);
    const foreignList = await caller(t, other.tokens.admin)
      .get(`/api/v1/staff?teamId=${dept.teamId}`)
      .expect(200);
    expect(foreignList.body).toEqual({ items: [], total: 0 });
    const bad = await caller(t, dept.tokens.admin).get('/api/v1/staff/not-a-uuid').expect(400);
    expect(bad.body.message).toEqual(['id must be a UUID']);
    await caller(t, dept.tokens.admin).get('/api/v1/staff?limit=501').expect(400);
    await caller(t, dept.tokens.admin).get('/api/v1/staff?status=gone').expect(400);
    await caller(t, dept.tokens.manager).delete(`/api/v1/staff/${dept.otherStaffId}`).expect(403);
    // (an admin's delete of a record created by mistake: staff-delete.int-spec.ts)
  });

  it('documents the member endpoints in the OpenAPI document', async () => {
    const docs = await t.http().get('/api/docs-json').expect(200);
    for (const path of [
      '/api/v1/staff',
      '/api/v1/staff/{id}',
      '/api/v1/staff/{staffId}/assessments',
      '/api/v1/staff/{staffId}/credentials',
      '/api/v1/credentials/{id}',
      '/api/v1/staff/{staffId}/ce-activities',
      '/api/v1/ce-activities',
      '/api/v1/ce-activities/{id}',
      '/api/v1/ce-activities/{id}/review',
    ]) {
      expect(docs.body.paths[path]).toBeDefined();
    }
    const schemas = docs.body.components.schemas;
    expect(Object.keys(schemas.CreateStaffDto.properties)).toEqual(
      expect.arrayContaining([
        'name',
        'email',
        'employeeId',
        'teamId',
        'roleId',
        'status',
        'hireDate',
      ]),
    );
    expect(schemas.CreateCredentialDto.properties.verification).toBeDefined();
    expect(schemas.VerificationDto.properties.method.enum).toEqual([
      'primary-source',
      'certificate-copy',
    ]);
    expect(Object.keys(schemas.CreateCeActivityDto.properties)).toEqual(
      expect.arrayContaining(['hours', 'categories', 'credentialIds', 'status']),
    );
  });
});
