import { bearer, caller, createDepartment, type DepartmentFixture } from './fixtures';
import {
  addTeamWithManager,
  auditOf,
  countRows,
  daysFromToday,
  insertCredentialType,
  type SecondTeam,
} from './member-records';
import { createTestApp, type TestApp } from './test-app';

interface Activity {
  id: string;
  staffId: string;
  status: string;
  version: number;
  credentialIds: string[];
  [key: string]: unknown;
}

describe('CE activities API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  /** a second team of `dept` with its own manager, who does not manage the fixture's team */
  let roi: SecondTeam;
  let userIds: Record<'admin' | 'manager' | 'staff', string>;
  /** two credentials of the staff member, one of the other member */
  let staffCredentials: string[];
  let otherCredential: string;

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
    other = await createDepartment(t, 'b');
    roi = await addTeamWithManager(t, dept);
    const rows: { role: 'admin' | 'manager' | 'staff'; id: string }[] = await t.dataSource.query(
      `SELECT role, id FROM app_user WHERE department_id = $1 AND staff_id IS DISTINCT FROM $2`,
      [dept.departmentId, roi.managerStaffId],
    );
    userIds = Object.fromEntries(rows.map((r) => [r.role, r.id])) as typeof userIds;
    const ccs = await insertCredentialType(t, dept.departmentId, 'CCS');
    const cpc = await insertCredentialType(t, dept.departmentId, 'CPC', 'AAPC');
    const credential = async (staffId: string, type: string) =>
      (
        await caller(t, dept.tokens.manager)
          .post(`/api/v1/staff/${staffId}/credentials`, {
            credentialTypeId: type,
            issuedOn: '2024-07-01',
            expiresOn: '2026-06-30',
          })
          .expect(201)
      ).body.id as string;
    staffCredentials = [
      await credential(dept.staffStaffId, ccs),
      await credential(dept.staffStaffId, cpc),
    ];
    otherCredential = await credential(dept.otherStaffId, ccs);
  });
  afterAll(() => t.close());

  const memberPath = (staffId: string) => `/api/v1/staff/${staffId}/ce-activities`;
  const body = (overrides: Record<string, unknown> = {}) => ({
    title: 'ICD-10-CM/PCS updates for FY2026',
    provider: 'AHIMA',
    completedOn: '2025-10-14',
    hours: 1.5,
    ...overrides,
  });
  const log = async (
    staffId: string,
    token: string,
    overrides: Record<string, unknown> = {},
  ): Promise<Activity> =>
    (await caller(t, token).post(memberPath(staffId), body(overrides)).expect(201)).body;
  const review = (id: string, token: string, b: Record<string, unknown>) =>
    caller(t, token).post(`/api/v1/ce-activities/${id}/review`, b);

  it('lets a staff member log their own activity, always submitted, audited', async () => {
    const created = await log(dept.staffStaffId, dept.tokens.staff, {
      categories: ['hiim-domain', 'ahima-provided'],
      credentialIds: [staffCredentials[1], staffCredentials[0]],
    });
    expect(created).toEqual({
      id: expect.any(String),
      staffId: dept.staffStaffId,
      createdByUserId: expect.any(String),
      title: 'ICD-10-CM/PCS updates for FY2026',
      provider: 'AHIMA',
      completedOn: '2025-10-14',
      hours: 1.5,
      categories: ['hiim-domain', 'ahima-provided'],
      credentialIds: [...staffCredentials].sort(),
      status: 'submitted',
      reviewNote: null,
      reviewedByUserId: null,
      reviewedAt: null,
      hasEvidence: false,
      version: 1,
    });
    expect(await auditOf(t, created.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        entity: 'ce_activity',
        user_email: dept.emails.staff,
        before: null,
        after: created,
      }),
    ]);
    const [row] = await t.dataSource.query(
      `SELECT created_by_user_id FROM ce_activity WHERE id = $1`,
      [created.id],
    );
    expect(row.created_by_user_id).toBe(userIds.staff);
    const read = await caller(t, dept.tokens.staff)
      .get(`/api/v1/ce-activities/${created.id}`)
      .expect(200);
    expect(read.body).toEqual(created);
  });

  it('never lets a member approve their own activity: not at once, not by review', async () => {
    const before = await countRows(t, 'ce_activity');
    const staffTry = await caller(t, dept.tokens.staff)
      .post(memberPath(dept.staffStaffId), body({ status: 'approved' }))
      .expect(403);
    expect(staffTry.body.message[0]).toMatch(/^status/);
    // the manager is a member of the team she manages: her own entry still waits for review
    await caller(t, dept.tokens.manager)
      .post(memberPath(dept.managerStaffId), body({ status: 'approved' }))
      .expect(403);
    expect(await countRows(t, 'ce_activity')).toBe(before);

    const own = await log(dept.managerStaffId, dept.tokens.manager);
    expect(own.status).toBe('submitted');
    const res = await review(own.id, dept.tokens.manager, {
      status: 'approved',
      version: 1,
    }).expect(403);
    expect(res.body.message[0]).toMatch(/your own/);
    const staffOwn = await log(dept.staffStaffId, dept.tokens.staff);
    await review(staffOwn.id, dept.tokens.staff, { status: 'approved', version: 1 }).expect(403);
    const [{ status }] = await t.dataSource.query(`SELECT status FROM ce_activity WHERE id = $1`, [
      staffOwn.id,
    ]);
    expect(status).toBe('submitted');
  });

  it("approves at once when a reviewer of the member's team logs it, recording reviewer and time", async () => {
    const started = Date.now();
    const approved = await log(dept.otherStaffId, dept.tokens.manager, {
      status: 'approved',
      credentialIds: [otherCredential],
    });
    expect(approved).toMatchObject({
      status: 'approved',
      reviewedByUserId: userIds.manager,
      credentialIds: [otherCredential],
    });
    expect(Date.parse(approved.reviewedAt as string)).toBeGreaterThanOrEqual(started - 1000);
    const [event] = await auditOf(t, approved.id);
    expect(event).toMatchObject({
      action: 'create',
      after: { status: 'approved', reviewedByUserId: userIds.manager },
    });
    const byAdmin = await log(roi.memberStaffId, dept.tokens.admin, { status: 'approved' });
    expect(byAdmin).toMatchObject({ status: 'approved', reviewedByUserId: userIds.admin });
    // without status, a manager's entry is submitted like anyone's
    expect((await log(dept.otherStaffId, dept.tokens.manager)).status).toBe('submitted');
  });

  it('keeps a manager of another team out of reviewing: no approval at once, no review, no changes to what others logged', async () => {
    const entry = await log(dept.otherStaffId, roi.managerToken);
    expect(entry.status).toBe('submitted');
    const atOnce = await caller(t, roi.managerToken)
      .post(memberPath(dept.otherStaffId), body({ status: 'approved' }))
      .expect(403);
    expect(atOnce.body.message[0]).toMatch(/^status/);

    const staffEntry = await log(dept.staffStaffId, dept.tokens.staff);
    await caller(t, roi.managerToken).get(`/api/v1/ce-activities/${staffEntry.id}`).expect(200);
    await review(staffEntry.id, roi.managerToken, { status: 'approved', version: 1 }).expect(403);
    await caller(t, roi.managerToken)
      .patch(`/api/v1/ce-activities/${staffEntry.id}`, { hours: 40, version: 1 })
      .expect(403);
    await caller(t, roi.managerToken).delete(`/api/v1/ce-activities/${staffEntry.id}`).expect(403);
    expect(await auditOf(t, staffEntry.id)).toHaveLength(1);

    // what they logged themselves they may fix while it waits for review
    await caller(t, roi.managerToken)
      .patch(`/api/v1/ce-activities/${entry.id}`, { hours: 2, version: 1 })
      .expect(200);
    // and their own team is theirs to review
    const roiEntry = await log(roi.memberStaffId, roi.managerToken, { status: 'approved' });
    expect(roiEntry.status).toBe('approved');
  });

  it('reviews a submitted activity: status, note, reviewer and time, version; audited as a review; stale version 409', async () => {
    const entry = await log(dept.staffStaffId, dept.tokens.staff, { hours: 3 });
    const res = await review(entry.id, dept.tokens.manager, {
      status: 'rejected',
      note: 'no certificate attached',
      version: 1,
    }).expect(200);
    // rejecting needs a reason, and nothing is written without one
    for (const note of [undefined, '   ']) {
      const refused = await review(entry.id, dept.tokens.manager, {
        status: 'rejected',
        ...(note === undefined ? {} : { note }),
        version: 2,
      }).expect(400);
      expect(refused.body.message[0]).toMatch(/^note/);
    }
    expect(res.body).toMatchObject({
      status: 'rejected',
      reviewNote: 'no certificate attached',
      reviewedByUserId: userIds.manager,
      reviewedAt: expect.any(String),
      version: 2,
    });
    const audit = await auditOf(t, entry.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'review']);
    expect(audit[1]).toMatchObject({
      user_email: dept.emails.manager,
      before: { status: 'submitted', version: 1 },
      after: { status: 'rejected', version: 2 },
      note: 'no certificate attached',
    });
    const stale = await review(entry.id, dept.tokens.admin, {
      status: 'approved',
      version: 1,
    }).expect(409);
    expect(stale.body.message[0]).toMatch(/^version/);
    // a reviewer may revisit a decision
    const again = await review(entry.id, dept.tokens.admin, {
      status: 'approved',
      version: 2,
    }).expect(200);
    expect(again.body).toMatchObject({
      status: 'approved',
      reviewNote: null,
      reviewedByUserId: userIds.admin,
      version: 3,
    });

    const bad = await review(entry.id, dept.tokens.manager, {
      status: 'submitted',
      version: 3,
      extra: 1,
    }).expect(400);
    expect(bad.body.message.join('\n')).toMatch(/status/);
    expect(bad.body.message.join('\n')).toMatch(/extra/);
    await review(entry.id, dept.tokens.manager, { status: 'approved' }).expect(400);
  });

  it('lets staff change or delete their own activity only while it is submitted', async () => {
    const entry = await log(dept.staffStaffId, dept.tokens.staff, {
      credentialIds: [staffCredentials[0]],
    });
    const patched = await caller(t, dept.tokens.staff)
      .patch(`/api/v1/ce-activities/${entry.id}`, {
        hours: 2.25,
        categories: ['coding'],
        credentialIds: [staffCredentials[1]],
        version: 1,
        note: 'typo in hours',
      })
      .expect(200);
    expect(patched.body).toMatchObject({
      hours: 2.25,
      categories: ['coding'],
      credentialIds: [staffCredentials[1]],
      status: 'submitted',
      version: 2,
    });
    const [audited] = (await auditOf(t, entry.id)).slice(-1);
    expect(audited).toMatchObject({
      action: 'update',
      before: { hours: 1.5, credentialIds: [staffCredentials[0]] },
      after: { hours: 2.25 },
      note: 'typo in hours',
    });
    // staff may not change the status by PATCH
    await caller(t, dept.tokens.staff)
      .patch(`/api/v1/ce-activities/${entry.id}`, { status: 'approved', version: 2 })
      .expect(400);

    await review(entry.id, dept.tokens.manager, { status: 'approved', version: 2 }).expect(200);
    const locked = await caller(t, dept.tokens.staff)
      .patch(`/api/v1/ce-activities/${entry.id}`, { hours: 20, version: 3 })
      .expect(409);
    expect(locked.body.message[0]).toMatch(/^status: the activity is approved/);
    await caller(t, dept.tokens.staff).delete(`/api/v1/ce-activities/${entry.id}`).expect(409);

    const mistake = await log(dept.staffStaffId, dept.tokens.staff, {
      credentialIds: staffCredentials,
    });
    await caller(t, dept.tokens.staff)
      .delete(`/api/v1/ce-activities/${mistake.id}?note=logged%20twice`)
      .expect(204);
    await caller(t, dept.tokens.staff).get(`/api/v1/ce-activities/${mistake.id}`).expect(404);
    expect(
      await t.dataSource.query(`SELECT * FROM ce_activity_credential WHERE ce_activity_id = $1`, [
        mistake.id,
      ]),
    ).toEqual([]);
    const [, deleted] = await auditOf(t, mistake.id);
    expect(deleted).toMatchObject({
      action: 'delete',
      before: { id: mistake.id, credentialIds: [...staffCredentials].sort() },
      after: null,
      note: 'logged twice',
    });
  });

  it('lets the holder withdraw a submitted activity with its certificate, and neither edit nor withdraw a rejected one', async () => {
    const entry = await log(dept.staffStaffId, dept.tokens.staff);
    const pdf = Buffer.from('%PDF-1.4\n% certificate\n%%EOF\n', 'latin1');
    const file = await t
      .http()
      .post(`/api/v1/ce-activities/${entry.id}/evidence`)
      .set(bearer(dept.tokens.staff))
      .attach('file', pdf, 'certificate.pdf')
      .expect(201);
    await caller(t, dept.tokens.staff).delete(`/api/v1/ce-activities/${entry.id}`).expect(204);
    expect(
      await t.dataSource.query(`SELECT id FROM evidence_file WHERE id = $1`, [file.body.id]),
    ).toEqual([]);
    const [, deleted] = await auditOf(t, entry.id);
    expect(deleted).toMatchObject({
      action: 'delete',
      user_email: dept.emails.staff,
      before: { id: entry.id, hasEvidence: true },
    });

    const rejected = await log(dept.staffStaffId, dept.tokens.staff);
    await review(rejected.id, dept.tokens.manager, {
      status: 'rejected',
      note: 'the certificate is for another course',
      version: 1,
    }).expect(200);
    const edit = await caller(t, dept.tokens.staff)
      .patch(`/api/v1/ce-activities/${rejected.id}`, { title: 'Another title', version: 2 })
      .expect(409);
    expect(edit.body.message[0]).toBe(
      "status: the activity is rejected; only a reviewer of the member's team may change it now",
    );
    const withdraw = await caller(t, dept.tokens.staff)
      .delete(`/api/v1/ce-activities/${rejected.id}`)
      .expect(409);
    expect(withdraw.body.message[0]).toBe(
      "status: the activity is rejected; only a reviewer of the member's team may delete it now",
    );
    expect((await auditOf(t, rejected.id)).map((row) => row.action)).toEqual(['create', 'review']);
  });

  it("lets a reviewer edit an approved activity, keeping its status, and delete any in the team's scope", async () => {
    const entry = await log(dept.otherStaffId, dept.tokens.manager, {
      status: 'approved',
      credentialIds: [otherCredential],
    });
    const edited = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/ce-activities/${entry.id}`, {
        hours: 1,
        version: 1,
        note: 'certificate says 1 hour',
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      status: 'approved',
      hours: 1,
      reviewedByUserId: userIds.manager,
      version: 2,
    });
    const [, update] = await auditOf(t, entry.id);
    expect(update).toMatchObject({
      action: 'update',
      before: { hours: 1.5, status: 'approved' },
      after: { hours: 1, status: 'approved' },
    });

    await caller(t, dept.tokens.manager).delete(`/api/v1/ce-activities/${entry.id}`).expect(204);
    expect(
      await t.dataSource.query(`SELECT id FROM ce_activity WHERE id = $1`, [entry.id]),
    ).toEqual([]);
    expect(
      await t.dataSource.query(`SELECT * FROM ce_activity_credential WHERE ce_activity_id = $1`, [
        entry.id,
      ]),
    ).toEqual([]);
    const [, , deleted] = await auditOf(t, entry.id);
    expect(deleted).toMatchObject({
      action: 'delete',
      user_email: dept.emails.manager,
      before: { hours: 1, status: 'approved', credentialIds: [otherCredential] },
    });
  });

  it('serves the review queue of the caller’s teams, oldest first, each item naming the member', async () => {
    const d = await createDepartment(t);
    const team2 = await addTeamWithManager(t, d);
    const a = await log(d.staffStaffId, d.tokens.staff, { title: 'first' });
    const b = await log(team2.memberStaffId, d.tokens.admin, { title: 'second' });
    const c = await log(d.otherStaffId, d.tokens.admin, { title: 'third' });
    const own = await log(d.managerStaffId, d.tokens.manager, { title: 'mine' });
    await log(d.otherStaffId, d.tokens.manager, { status: 'approved', title: 'already approved' });
    const queue = async (token: string, qs = '') =>
      (await caller(t, token).get(`/api/v1/ce-activities${qs}`).expect(200)).body;
    const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);

    const managerQueue = await queue(d.tokens.manager);
    expect(ids(managerQueue)).toEqual([a.id, c.id]);
    expect(managerQueue.total).toBe(2);
    expect(managerQueue.items[0]).toMatchObject({
      staffName: 'Sam Staff',
      teamId: d.teamId,
      status: 'submitted',
      title: 'first',
    });
    expect(ids(await queue(team2.managerToken))).toEqual([b.id]);
    expect(ids(await queue(d.tokens.admin))).toEqual([a.id, b.id, c.id, own.id]);
    expect(ids(await queue(d.tokens.admin, `?teamId=${team2.teamId}`))).toEqual([b.id]);
    expect(ids(await queue(d.tokens.manager, `?teamId=${team2.teamId}`))).toEqual([]);
    expect(
      (await queue(d.tokens.admin, '?status=approved')).items.map(
        (x: { title: string }) => x.title,
      ),
    ).toEqual(['already approved']);
    const paged = await queue(d.tokens.admin, '?limit=2&offset=1');
    expect(paged).toMatchObject({ total: 4 });
    expect(ids(paged)).toEqual([b.id, c.id]);
    // nothing of another department
    expect(
      (await queue(other.tokens.admin)).items.map((x: { staffId: string }) => x.staffId),
    ).not.toContain(d.staffStaffId);

    await caller(t, d.tokens.staff).get('/api/v1/ce-activities').expect(403);
    await caller(t, d.tokens.admin).get('/api/v1/ce-activities?status=pending').expect(400);
  });

  it("lists a member's activities newest completedOn first, filtered by status", async () => {
    const d = await createDepartment(t);
    const early = await log(d.staffStaffId, d.tokens.staff, { completedOn: '2025-01-05' });
    const late = await log(d.staffStaffId, d.tokens.staff, { completedOn: '2025-09-05' });
    const middle = await log(d.staffStaffId, d.tokens.manager, {
      completedOn: '2025-04-05',
      status: 'approved',
    });
    const list = await caller(t, d.tokens.staff).get(memberPath(d.staffStaffId)).expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((x: Activity) => x.id)).toEqual([late.id, middle.id, early.id]);
    const approved = await caller(t, d.tokens.manager)
      .get(`${memberPath(d.staffStaffId)}?status=approved`)
      .expect(200);
    expect(approved.body).toEqual({
      items: [expect.objectContaining({ id: middle.id })],
      total: 1,
    });
    const page = await caller(t, d.tokens.admin)
      .get(`${memberPath(d.staffStaffId)}?limit=1&offset=2`)
      .expect(200);
    expect(page.body.items.map((x: Activity) => x.id)).toEqual([early.id]);
  });

  it('rejects bad input with 400 naming the field and writes nothing', async () => {
    const counts = async () => [
      await countRows(t, 'ce_activity'),
      await countRows(t, 'ce_activity_credential'),
      await countRows(t, 'audit_event'),
    ];
    const otherDept = await caller(t, other.tokens.manager)
      .post(`/api/v1/staff/${other.staffStaffId}/credentials`, {
        credentialTypeId: await insertCredentialType(t, other.departmentId),
        issuedOn: '2024-01-01',
      })
      .expect(201);
    const before = await counts();
    const post = (
      b: Record<string, unknown>,
      staffId = dept.staffStaffId,
      token = dept.tokens.staff,
    ) => caller(t, token).post(memberPath(staffId), b).expect(400);
    const messages = async (b: Record<string, unknown>) =>
      (await post(body(b))).body.message.join('\n');

    const shape = await post({
      title: ' ',
      provider: '',
      completedOn: '2025-02-29',
      hours: '2',
      points: 3,
    });
    const text = shape.body.message.join('\n');
    for (const field of ['title', 'provider', 'completedOn', 'hours', 'points'])
      expect(text).toMatch(field);
    expect(await messages({ hours: 0 })).toMatch(/^hours/);
    expect(await messages({ hours: -1 })).toMatch(/^hours/);
    expect(await messages({ hours: 200.01 })).toMatch(/^hours/);
    expect(await messages({ hours: 1.234 })).toMatch(/^hours must have at most two decimals/);
    expect(await messages({ categories: ['HIIM Domain'] })).toMatch(/categories/);
    expect(await messages({ categories: ['coding', 'coding'] })).toMatch(/categories/);
    expect(await messages({ categories: Array.from({ length: 11 }, (_, i) => `c${i}`) })).toMatch(
      /categories/,
    );
    expect(await messages({ categories: 'coding' })).toMatch(/categories/);
    expect(await messages({ credentialIds: ['nope'] })).toMatch(/credentialIds/);
    expect(await messages({ status: 'rejected' })).toMatch(/^status/);
    const future = await post(body({ completedOn: daysFromToday(3) }));
    expect(future.body.message).toEqual([
      expect.stringMatching(/^completedOn must not be in the future/),
    ]);

    const foreign = await post(body({ credentialIds: [otherCredential] }));
    expect(foreign.body.message).toEqual([
      'credentialIds.0 must be a credential of this staff member',
    ]);
    const second = await post(body({ credentialIds: [staffCredentials[0], otherCredential] }));
    expect(second.body.message).toEqual([
      'credentialIds.1 must be a credential of this staff member',
    ]);
    await post(
      body({ credentialIds: [otherDept.body.id] }),
      dept.otherStaffId,
      dept.tokens.manager,
    );

    const entry = await log(dept.staffStaffId, dept.tokens.staff);
    const afterCreate = await counts();
    const patch = (b: Record<string, unknown>) =>
      caller(t, dept.tokens.staff).patch(`/api/v1/ce-activities/${entry.id}`, b).expect(400);
    expect((await patch({ credentialIds: [otherCredential], version: 1 })).body.message).toEqual([
      'credentialIds.0 must be a credential of this staff member',
    ]);
    expect((await patch({ title: null, hours: null, version: 1 })).body.message.join('\n')).toMatch(
      /title[\s\S]*hours|hours[\s\S]*title/,
    );
    expect((await patch({ completedOn: daysFromToday(3), version: 1 })).body.message[0]).toMatch(
      /^completedOn/,
    );
    expect((await patch({ hours: 2 })).body.message.join('\n')).toMatch(/version/);

    expect(await counts()).toEqual(afterCreate);
    expect(afterCreate).toEqual([before[0] + 1, before[1], before[2] + 1]);
    const [row] = await t.dataSource.query(`SELECT hours, version FROM ce_activity WHERE id = $1`, [
      entry.id,
    ]);
    expect(row).toEqual({ hours: '1.50', version: 1 });
  });

  it("answers 404 to staff reaching another member's activities and to another department", async () => {
    const others = await log(dept.otherStaffId, dept.tokens.manager);
    const url = `/api/v1/ce-activities/${others.id}`;
    await caller(t, dept.tokens.staff).get(url).expect(404);
    await caller(t, dept.tokens.staff).patch(url, { hours: 1, version: 1 }).expect(404);
    await caller(t, dept.tokens.staff).delete(url).expect(404);
    await caller(t, dept.tokens.staff).get(memberPath(dept.otherStaffId)).expect(404);
    await caller(t, dept.tokens.staff).post(memberPath(dept.otherStaffId), body()).expect(404);

    await caller(t, other.tokens.admin).get(url).expect(404);
    await caller(t, other.tokens.admin).patch(url, { hours: 1, version: 1 }).expect(404);
    await caller(t, other.tokens.manager).delete(url).expect(404);
    await review(others.id, other.tokens.admin, { status: 'approved', version: 1 }).expect(404);
    await caller(t, other.tokens.manager).get(memberPath(dept.otherStaffId)).expect(404);
    await caller(t, other.tokens.manager).post(memberPath(dept.otherStaffId), body()).expect(404);
    expect(await auditOf(t, others.id)).toHaveLength(1);

    await t.http().get(url).expect(401);
    await t.http().get(memberPath(dept.otherStaffId)).expect(401);
    await review(others.id, '', { status: 'approved', version: 1 }).expect(401);
    await caller(t, dept.tokens.admin).get('/api/v1/ce-activities/not-a-uuid').expect(400);
  });
});
