import { caller, createDepartment, type DepartmentFixture } from './fixtures';
import { auditOf, countRows, daysFromToday, insertCredentialType } from './member-records';
import { createTestApp, type TestApp } from './test-app';

describe('credentials API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let ccs: string;
  let managerUserId: string;

  beforeAll(async () => {
    t = await createTestApp();
    dept = await createDepartment(t, 'a');
    other = await createDepartment(t, 'b');
    ccs = await insertCredentialType(t, dept.departmentId, 'CCS');
    [{ id: managerUserId }] = await t.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [
      dept.emails.manager,
    ]);
  });
  afterAll(() => t.close());

  const staffPath = (staffId: string) => `/api/v1/staff/${staffId}/credentials`;
  const create = (staffId: string, b: Record<string, unknown> = {}, token = dept.tokens.manager) =>
    caller(t, token).post(staffPath(staffId), {
      credentialTypeId: ccs,
      issuedOn: '2024-07-01',
      expiresOn: '2026-06-30',
      ...b,
    });

  it('records a credential with its verification, answering the contract shape, audited', async () => {
    const res = await create(dept.staffStaffId, {
      number: ' 1234567 ',
      verification: {
        method: 'primary-source',
        verifiedOn: '2024-07-15',
        note: 'AHIMA credential verification',
      },
    }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      staffId: dept.staffStaffId,
      credentialTypeId: ccs,
      number: '1234567',
      issuedOn: '2024-07-01',
      expiresOn: '2026-06-30',
      verification: {
        method: 'primary-source',
        verifiedOn: '2024-07-15',
        verifiedByUserId: managerUserId,
        note: 'AHIMA credential verification',
        reference: null,
      },
      revokedOn: null,
      revokedReason: null,
      hasEvidence: false,
      afterLapse: null,
      version: 1,
    });
    expect(await auditOf(t, res.body.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        entity: 'credential',
        user_email: dept.emails.manager,
        before: null,
        after: res.body,
      }),
    ]);

    const own = await caller(t, dept.tokens.staff)
      .get(`/api/v1/credentials/${res.body.id}`)
      .expect(200);
    expect(own.body).toEqual(res.body);
    const list = await caller(t, dept.tokens.staff).get(staffPath(dept.staffStaffId)).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
  });

  it('accepts a credential without expiry or verification, and a verification dated before issuedOn', async () => {
    const res = await create(dept.otherStaffId, { expiresOn: undefined }).expect(201);
    expect(res.body).toMatchObject({ expiresOn: null, verification: null, number: null });
    const early = await create(dept.otherStaffId, {
      verification: { method: 'certificate-copy', verifiedOn: '2024-06-20' },
    }).expect(201);
    expect(early.body.verification).toEqual({
      method: 'certificate-copy',
      verifiedOn: '2024-06-20',
      verifiedByUserId: managerUserId,
      note: null,
      reference: null,
    });
  });

  it('changes a credential with PATCH: null clears expiresOn and verification; audited with before, after and note; stale version 409', async () => {
    const created = await create(dept.otherStaffId, {
      verification: { method: 'certificate-copy', verifiedOn: '2024-07-02' },
    }).expect(201);
    const id = created.body.id;
    const patched = await caller(t, dept.tokens.admin)
      .patch(`/api/v1/credentials/${id}`, {
        expiresOn: null,
        verification: null,
        number: 'CCS-88',
        version: 1,
        note: 'lifetime credential',
      })
      .expect(200);
    expect(patched.body).toMatchObject({
      expiresOn: null,
      verification: null,
      number: 'CCS-88',
      issuedOn: '2024-07-01',
      version: 2,
    });
    const audit = await auditOf(t, id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({
      user_email: dept.emails.admin,
      before: { expiresOn: '2026-06-30', verification: { method: 'certificate-copy' }, version: 1 },
      after: { expiresOn: null, verification: null, version: 2 },
      note: 'lifetime credential',
    });

    const reverified = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/credentials/${id}`, {
        verification: { method: 'primary-source', verifiedOn: '2025-01-05' },
        version: 2,
      })
      .expect(200);
    expect(reverified.body.verification).toEqual({
      method: 'primary-source',
      verifiedOn: '2025-01-05',
      verifiedByUserId: managerUserId,
      note: null,
      reference: null,
    });

    const stale = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/credentials/${id}`, { number: 'X', version: 2 })
      .expect(409);
    expect(stale.body.message[0]).toMatch(/^version/);
  });

  it('keeps the source of a verification (verificationReference): set, changed, cleared with the verification; bad ones 400 naming it', async () => {
    const lookup = 'https://www.ahima.org/certification/verify confirmation 88213';
    const res = await create(dept.staffStaffId, {
      number: 'REF-1',
      verification: {
        method: 'primary-source',
        verifiedOn: '2024-07-15',
        reference: ` ${lookup} `,
      },
    }).expect(201);
    expect(res.body.verification).toEqual(expect.objectContaining({ reference: lookup }));
    const [row] = await t.dataSource.query(
      `SELECT verification_reference FROM credential WHERE id = $1`,
      [res.body.id],
    );
    expect(row.verification_reference).toBe(lookup);

    const changed = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/credentials/${res.body.id}`, {
        verification: {
          method: 'primary-source',
          verifiedOn: '2024-07-16',
          reference: 'NCRA 4471',
        },
        version: 1,
      })
      .expect(200);
    expect(changed.body.verification.reference).toBe('NCRA 4471');
    const audit = await auditOf(t, res.body.id);
    expect(audit[audit.length - 1]).toEqual(
      expect.objectContaining({
        action: 'update',
        after: expect.objectContaining({
          verification: expect.objectContaining({ reference: 'NCRA 4471' }),
        }),
      }),
    );
    const cleared = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/credentials/${res.body.id}`, { verification: null, version: 2 })
      .expect(200);
    expect(cleared.body.verification).toBeNull();
    const [after] = await t.dataSource.query(
      `SELECT verification_reference FROM credential WHERE id = $1`,
      [res.body.id],
    );
    expect(after.verification_reference).toBeNull();

    for (const reference of ['', 'x'.repeat(501), 'line one\nline two', 42]) {
      const before = await countRows(t, 'credential');
      const bad = await create(dept.staffStaffId, {
        number: 'REF-2',
        verification: { method: 'primary-source', verifiedOn: '2024-07-15', reference },
      }).expect(400);
      expect(bad.body.message.join(' ')).toContain('reference');
      expect(await countRows(t, 'credential')).toBe(before);
    }
  });

  it('revokes with DELETE: keeps the row, answers it, audits the reason; a second revocation is 409', async () => {
    const created = await create(dept.staffStaffId).expect(201);
    const id = created.body.id;
    const revoked = await caller(t, dept.tokens.manager)
      .delete(
        `/api/v1/credentials/${id}?reason=${encodeURIComponent('certificate found invalid')}&revokedOn=2025-03-10`,
      )
      .expect(200);
    expect(revoked.body).toMatchObject({
      id,
      revokedOn: '2025-03-10',
      revokedReason: 'certificate found invalid',
      version: 2,
    });
    await caller(t, dept.tokens.staff).get(`/api/v1/credentials/${id}`).expect(200);
    const audit = await auditOf(t, id);
    expect(audit[1]).toMatchObject({
      action: 'revoke',
      before: { revokedOn: null },
      after: { revokedOn: '2025-03-10', revokedReason: 'certificate found invalid' },
      note: 'certificate found invalid',
    });
    const again = await caller(t, dept.tokens.admin)
      .delete(`/api/v1/credentials/${id}`)
      .expect(409);
    expect(again.body.message[0]).toMatch(/already revoked on 2025-03-10/);

    // revokedOn defaults to today in the department's zone (UTC here)
    const other2 = await create(dept.staffStaffId, {
      issuedOn: '2020-01-01',
      expiresOn: null,
    }).expect(201);
    const now = await caller(t, dept.tokens.admin)
      .delete(`/api/v1/credentials/${other2.body.id}`)
      .expect(200);
    expect([daysFromToday(0), daysFromToday(-1)]).toContain(now.body.revokedOn);
    expect(now.body.revokedReason).toBeNull();
    expect(
      await t.dataSource.query(`SELECT revoked_on FROM credential WHERE id = $1`, [other2.body.id]),
    ).toEqual([{ revoked_on: now.body.revokedOn }]);
  });

  it('refuses a revocation in the future or before issuedOn, and bad revocation input, changing nothing', async () => {
    const created = await create(dept.otherStaffId).expect(201);
    const url = `/api/v1/credentials/${created.body.id}`;
    const future = await caller(t, dept.tokens.manager)
      .delete(`${url}?revokedOn=${daysFromToday(3)}`)
      .expect(400);
    expect(future.body.message[0]).toMatch(/^revokedOn must not be in the future/);
    const early = await caller(t, dept.tokens.manager)
      .delete(`${url}?revokedOn=2024-06-30`)
      .expect(400);
    expect(early.body.message[0]).toMatch(/^revokedOn must be on or after issuedOn/);
    const bad = await caller(t, dept.tokens.manager)
      .delete(`${url}?revokedOn=2025-02-30&why=x`)
      .expect(400);
    expect(bad.body.message.join('\n')).toMatch(/revokedOn/);
    expect(bad.body.message.join('\n')).toMatch(/why/);
    const [row] = await t.dataSource.query(
      `SELECT revoked_on, version FROM credential WHERE id = $1`,
      [created.body.id],
    );
    expect(row).toEqual({ revoked_on: null, version: 1 });
    expect(await auditOf(t, created.body.id)).toHaveLength(1);
  });

  it('rejects bad input with 400 naming the field and writes nothing', async () => {
    const before = await countRows(t, 'credential');
    const auditBefore = await countRows(t, 'audit_event');

    const shape = await caller(t, dept.tokens.manager)
      .post(staffPath(dept.staffStaffId), {
        credentialTypeId: 'x',
        issuedOn: '2024-13-01',
        expiresOn: 'soon',
        verification: { method: 'phone', verifiedOn: 'yesterday', by: 'me' },
        hasEvidence: true,
      })
      .expect(400);
    const text = shape.body.message.join('\n');
    for (const field of [
      'credentialTypeId',
      'issuedOn',
      'expiresOn',
      'verification.method',
      'verification.verifiedOn',
      'verification.by',
      'hasEvidence',
    ]) {
      expect(text).toMatch(field);
    }
    const notObject = await create(dept.staffStaffId, { verification: 'yes' }).expect(400);
    expect(notObject.body.message.join('\n')).toMatch(/^verification/m);

    const dates = await create(dept.staffStaffId, {
      issuedOn: '2025-01-01',
      expiresOn: '2024-12-31',
    }).expect(400);
    expect(dates.body.message).toEqual(['expiresOn must be on or after issuedOn (2025-01-01)']);
    const foreignType = await create(dept.staffStaffId, {
      credentialTypeId: await insertCredentialType(t, other.departmentId, 'RHIA'),
    }).expect(400);
    expect(foreignType.body.message).toEqual([
      'credentialTypeId must be a credential type of your department',
    ]);
    const futureVerification = await create(dept.staffStaffId, {
      verification: { method: 'primary-source', verifiedOn: daysFromToday(3) },
    }).expect(400);
    expect(futureVerification.body.message[0]).toMatch(
      /^verification\.verifiedOn must not be in the future/,
    );

    const existing = await create(dept.staffStaffId).expect(201);
    const patchDates = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/credentials/${existing.body.id}`, { issuedOn: '2026-07-01', version: 1 })
      .expect(400);
    expect(patchDates.body.message).toEqual([
      'expiresOn must be on or after issuedOn (2026-07-01)',
    ]);
    const patchNull = await caller(t, dept.tokens.manager)
      .patch(`/api/v1/credentials/${existing.body.id}`, {
        issuedOn: null,
        staffId: dept.otherStaffId,
        version: 1,
      })
      .expect(400);
    expect(patchNull.body.message.join('\n')).toMatch(/issuedOn/);
    expect(patchNull.body.message.join('\n')).toMatch(/staffId/);

    expect(await countRows(t, 'credential')).toBe(before + 1);
    expect(await countRows(t, 'audit_event')).toBe(auditBefore + 1);
    const [row] = await t.dataSource.query(
      `SELECT issued_on, version FROM credential WHERE id = $1`,
      [existing.body.id],
    );
    expect(row).toEqual({ issued_on: '2024-07-01', version: 1 });
  });

  it('answers 409 for a second credential of the same type with the same number', async () => {
    await create(dept.staffStaffId, { number: 'DUP-9' }).expect(201);
    const dup = await create(dept.otherStaffId, { number: 'DUP-9' }).expect(409);
    expect(dup.body.message[0]).toMatch(/^number/);
    await create(dept.otherStaffId, {
      number: 'DUP-9',
      credentialTypeId: await insertCredentialType(t, dept.departmentId, 'CPC', 'AAPC'),
    }).expect(201);
  });

  it('lets staff read only their own credentials and write none; 401 without a token', async () => {
    const mine = await create(dept.staffStaffId).expect(201);
    const theirs = await create(dept.otherStaffId).expect(201);
    await caller(t, dept.tokens.staff).get(`/api/v1/credentials/${theirs.body.id}`).expect(404);
    await caller(t, dept.tokens.staff).get(staffPath(dept.otherStaffId)).expect(404);
    await caller(t, dept.tokens.manager).get(staffPath(dept.otherStaffId)).expect(200);
    await create(dept.staffStaffId, {}, dept.tokens.staff).expect(403);
    await caller(t, dept.tokens.staff)
      .patch(`/api/v1/credentials/${mine.body.id}`, { number: 'X', version: 1 })
      .expect(403);
    await caller(t, dept.tokens.staff).delete(`/api/v1/credentials/${mine.body.id}`).expect(403);
    await t.http().get(`/api/v1/credentials/${mine.body.id}`).expect(401);
    await t.http().get(staffPath(dept.staffStaffId)).expect(401);
    await t.http().post(staffPath(dept.staffStaffId)).send({}).expect(401);
  });

  it("answers 404 for another department's members and credentials", async () => {
    const created = await create(dept.staffStaffId).expect(201);
    const url = `/api/v1/credentials/${created.body.id}`;
    await caller(t, other.tokens.admin).get(url).expect(404);
    await caller(t, other.tokens.manager).patch(url, { number: 'X', version: 1 }).expect(404);
    await caller(t, other.tokens.manager).delete(url).expect(404);
    await caller(t, other.tokens.admin).get(staffPath(dept.staffStaffId)).expect(404);
    await create(
      dept.staffStaffId,
      { credentialTypeId: await insertCredentialType(t, other.departmentId) },
      other.tokens.manager,
    ).expect(404);
    await caller(t, dept.tokens.admin).get('/api/v1/credentials/not-a-uuid').expect(400);
  });

  it('lists a member’s credentials newest issued first, paginated', async () => {
    const d = await createDepartment(t);
    const type = await insertCredentialType(t, d.departmentId, 'RHIT');
    const post = async (issuedOn: string) =>
      (
        await caller(t, d.tokens.admin)
          .post(staffPath(d.otherStaffId), { credentialTypeId: type, issuedOn })
          .expect(201)
      ).body.id;
    const a = await post('2019-05-01');
    const b = await post('2023-05-01');
    const c = await post('2021-05-01');
    const list = await caller(t, d.tokens.manager).get(staffPath(d.otherStaffId)).expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([b, c, a]);
    const page = await caller(t, d.tokens.manager)
      .get(`${staffPath(d.otherStaffId)}?limit=1&offset=2`)
      .expect(200);
    expect(page.body.items.map((x: { id: string }) => x.id)).toEqual([a]);
  });
});
