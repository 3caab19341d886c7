import { bearer, createDepartment, type DepartmentFixture } from './fixtures';
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
    (await t.http().get(`/api/v1/staff/${id}`).set(bearer(d.tokens.admin)).expect(200)).body
      .version as number;

  it('hole 2: a manager cannot review CE of another team by moving the member in and out', async () => {
    // Ben is on Release of Information (managed by Rita), and submits an activity there.
    const activity = (
      await t
        .http()
        .post(`/api/v1/staff/${roi.memberStaffId}/ce-activities`)
        .set(bearer(d.tokens.admin))
        .send({ title: 'ROI webinar', provider: 'AHIMA', completedOn: '2026-01-10', hours: 2 })
        .expect(201)
    ).body;
    // Maria (manager of Coding) moves Ben into Coding ...
    await t
      .http()
      .patch(`/api/v1/staff/${roi.memberStaffId}`)
      .set(bearer(d.tokens.manager))
      .send({ teamId: d.teamId, version: await staffVersion(roi.memberStaffId) })
      .expect(200);
    // ... the activity is not in her queue and she may not approve it ...
    const queue = await t
      .http()
      .get('/api/v1/ce-activities?status=submitted')
      .set(bearer(d.tokens.manager))
      .expect(200);
    expect(queue.body.items.map((a: { id: string }) => a.id)).not.toContain(activity.id);
    const review = await t
      .http()
      .post(`/api/v1/ce-activities/${activity.id}/review`)
      .set(bearer(d.tokens.manager))
      .send({ status: 'approved', version: activity.version })
      .expect(403);
    expect(review.body.message.join(' ')).toMatch(/when it was submitted/);
    // ... nor edit it as a reviewer would.
    await t
      .http()
      .patch(`/api/v1/ce-activities/${activity.id}`)
      .set(bearer(d.tokens.manager))
      .send({ hours: 20, version: activity.version })
      .expect(403);
    // Rita no longer has Ben on her team: not hers either; the director reviews it.
    await t
      .http()
      .post(`/api/v1/ce-activities/${activity.id}/review`)
      .set(bearer(roi.managerToken))
      .send({ status: 'approved', version: activity.version })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/ce-activities/${activity.id}/review`)
      .set(bearer(d.tokens.admin))
      .send({ status: 'approved', version: activity.version })
      .expect(200);
    // Moved back, Ben's new activities are Rita's to review again.
    await t
      .http()
      .patch(`/api/v1/staff/${roi.memberStaffId}`)
      .set(bearer(d.tokens.admin))
      .send({ teamId: roi.teamId, version: await staffVersion(roi.memberStaffId) })
      .expect(200);
    const next = (
      await t
        .http()
        .post(`/api/v1/staff/${roi.memberStaffId}/ce-activities`)
        .set(bearer(d.tokens.admin))
        .send({ title: 'ROI course', provider: 'AHIMA', completedOn: '2026-01-11', hours: 1 })
        .expect(201)
    ).body;
    await t
      .http()
      .post(`/api/v1/ce-activities/${next.id}/review`)
      .set(bearer(roi.managerToken))
      .send({ status: 'approved', version: next.version })
      .expect(200);
  });

  it('hole 3: managers never rate or verify themselves', async () => {
    const skillId = await insertSkill(t, d.departmentId);
    const typeId = await insertCredentialType(t, d.departmentId);
    const own = `/api/v1/staff/${d.managerStaffId}`;
    const rated = await t
      .http()
      .post(`${own}/assessments`)
      .set(bearer(d.tokens.manager))
      .send({ skillId, level: 4, assessedOn: '2026-01-05', source: 'manager' })
      .expect(403);
    expect(rated.body.message.join(' ')).toMatch(/^source: /);
    // a self-assessment of their own skills stays theirs to record
    await t
      .http()
      .post(`${own}/assessments`)
      .set(bearer(d.tokens.manager))
      .send({ skillId, level: 2, assessedOn: '2026-01-05', source: 'self' })
      .expect(201);

    const verification = { method: 'primary-source', verifiedOn: '2026-01-05' };
    const createdVerified = await t
      .http()
      .post(`${own}/credentials`)
      .set(bearer(d.tokens.manager))
      .send({ credentialTypeId: typeId, number: 'SELF-1', issuedOn: '2025-01-01', verification })
      .expect(403);
    expect(createdVerified.body.message.join(' ')).toMatch(/^verification: /);
    const credential = (
      await t
        .http()
        .post(`${own}/credentials`)
        .set(bearer(d.tokens.manager))
        .send({ credentialTypeId: typeId, number: 'SELF-2', issuedOn: '2025-01-01' })
        .expect(201)
    ).body;
    await t
      .http()
      .patch(`/api/v1/credentials/${credential.id}`)
      .set(bearer(d.tokens.manager))
      .send({ verification, version: credential.version })
      .expect(403);
    // someone else verifies it
    await t
      .http()
      .patch(`/api/v1/credentials/${credential.id}`)
      .set(bearer(d.tokens.admin))
      .send({ verification, version: credential.version })
      .expect(200);
    // and the manager still rates and verifies the members of the team
    await t
      .http()
      .post(`/api/v1/staff/${d.staffStaffId}/assessments`)
      .set(bearer(d.tokens.manager))
      .send({ skillId, level: 3, assessedOn: '2026-01-05', source: 'manager' })
      .expect(201);
  });

  it('hole 9: passwords that are only long are refused, for new accounts and password changes', async () => {
    const users = () => t.http().post('/api/v1/users').set(bearer(d.tokens.admin));
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
    const change = await t
      .http()
      .patch(`/api/v1/users/${created.id}`)
      .set(bearer(d.tokens.admin))
      .send({ password: 'password1234', version: created.version })
      .expect(400);
    expect(change.body.message).toEqual([expect.stringMatching(/^password is a common/)]);
  });
});
