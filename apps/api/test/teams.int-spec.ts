import { caller, type DepartmentFixture } from './fixtures';
import { createCredentialType, createSkill, openCatalogTest, tableCounts } from './support/catalog';
import type { TestApp } from './test-app';

/**
 * Access, conflicts, paging, a team's creation to deletion and the validation of coverage targets'
 * requirements, shared with the other catalog APIs and with roles, are in catalog.int-spec.ts.
 */
describe('teams API', () => {
  let t: TestApp;
  let dept: DepartmentFixture;
  let other: DepartmentFixture;
  let icd: string;
  let ccs: string;
  let cpc: string;
  let foreignSkill: string;

  const rowCounts = () =>
    tableCounts(t, [
      'team',
      'team_manager',
      'requirement',
      'requirement_credential_type',
      'audit_event',
    ]);
  const post = (body: object, token = dept.tokens.admin) =>
    caller(t, token).post('/api/v1/teams', body);

  beforeAll(async () => {
    ({ t, dept, other } = await openCatalogTest());
    icd = await createSkill(t, dept, 'ICD-10-CM coding');
    foreignSkill = await createSkill(t, other, 'ICD-10-CM coding');
    ccs = await createCredentialType(t, dept, 'CCS');
    cpc = await createCredentialType(t, dept, 'CPC');
  });
  afterAll(() => t.close());

  it('rejects bad managers and targets with 400 naming the path, writing nothing', async () => {
    const before = await rowCounts();
    const shape = await post({
      name: 'Bad',
      managerStaffIds: ['not-a-uuid'],
      coverageTargets: [
        { requirement: { kind: 'skill', skillId: icd, minLevel: 2 }, minHolders: 0 },
        { minHolders: 1 },
      ],
    }).expect(400);
    const text = shape.body.message.join('\n');
    expect(text).toContain('managerStaffIds');
    expect(text).toContain('coverageTargets.0.minHolders');
    expect(text).toContain('coverageTargets.1.requirement');

    // managers first, then repeated targets, then the targets' references
    const refs = await post({
      name: 'Foreign',
      managerStaffIds: [dept.managerStaffId, other.managerStaffId],
      coverageTargets: [
        { requirement: { kind: 'skill', skillId: foreignSkill, minLevel: 2 }, minHolders: 1 },
        { requirement: { kind: 'credential', anyOf: [cpc, ccs] }, minHolders: 1 },
        { requirement: { kind: 'credential', anyOf: [ccs, cpc] }, minHolders: 2 },
      ],
    }).expect(400);
    expect(refs.body.message).toEqual([
      'managerStaffIds.1: no staff member with this id in the department',
      'coverageTargets.2.requirement: the same requirement as coverageTargets.1.requirement',
      'coverageTargets.0.requirement.skillId: no skill with this id in the department',
    ]);
    await post({
      name: 'Dup managers',
      managerStaffIds: [dept.managerStaffId, dept.managerStaffId],
      coverageTargets: [],
    }).expect(400);
    expect(await rowCounts()).toEqual(before);

    const patch = await caller(t, dept.tokens.admin)
      .patch(`/api/v1/teams/${dept.teamId}`, {
        version: 1,
        name: 'Renamed',
        managerStaffIds: [other.staffStaffId],
      })
      .expect(400);
    expect(patch.body.message).toEqual([
      'managerStaffIds.0: no staff member with this id in the department',
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('creates a team without managers, and answers 409 on deleting a team with staff', async () => {
    const a = await post({ name: 'Cancer Registry', coverageTargets: [] }).expect(201);
    expect(a.body.managerStaffIds).toEqual([]);
    const inUse = await caller(t, dept.tokens.admin)
      .delete(`/api/v1/teams/${dept.teamId}`)
      .expect(409);
    expect(inUse.body.message[0]).toMatch(/3 staff members/);
    await caller(t, dept.tokens.admin).get(`/api/v1/teams/${dept.teamId}`).expect(200);
  });
});
