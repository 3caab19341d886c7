import type { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, type Caller } from './access-policy';
import type { RequestUser } from './request-user';

const admin: RequestUser = {
  id: 'ua',
  email: 'a@x.org',
  role: 'admin',
  staffId: null,
  departmentId: 'd',
};
const manager: RequestUser = {
  id: 'um',
  email: 'm@x.org',
  role: 'manager',
  staffId: 'sm',
  departmentId: 'd',
};
const staff: RequestUser = {
  id: 'us',
  email: 's@x.org',
  role: 'staff',
  staffId: 'ss',
  departmentId: 'd',
};
/** A manager who manages no team. */
const newManager: Caller = { id: 'un', role: 'manager', staffId: 'sn', departmentId: 'd' };
/** A staff account whose staff record is gone: it covers nobody. */
const unlinked: Caller = { id: 'uu', role: 'staff', staffId: null, departmentId: 'd' };

/**
 * The department as the policy reads it: teams t1 and t2 in department d (tx in another), 'sm'
 * manages t1 (and tx, which does not count in d), members ss and sm in t1, so in t2, sx elsewhere.
 */
const TEAMS = [
  { id: 't1', departmentId: 'd' },
  { id: 't2', departmentId: 'd' },
  { id: 'tx', departmentId: 'x' },
];
const MANAGES = [
  { staffId: 'sm', teamId: 't1' },
  { staffId: 'sm', teamId: 'tx' },
];
const STAFF = [
  { id: 'ss', departmentId: 'd', teamId: 't1' },
  { id: 'sm', departmentId: 'd', teamId: 't1' },
  { id: 'so', departmentId: 'd', teamId: 't2' },
  { id: 'sx', departmentId: 'x', teamId: 'tx' },
];

function fakeDatabase() {
  const queries: string[] = [];
  const em = {
    async query(sql: string, params: string[]) {
      queries.push(sql);
      if (sql.includes('FROM team_manager')) {
        const [staffId, departmentId] = params;
        return MANAGES.filter(
          (m) =>
            m.staffId === staffId &&
            TEAMS.some((t) => t.id === m.teamId && t.departmentId === departmentId),
        ).map((m) => ({ team_id: m.teamId }));
      }
      if (sql.includes('FROM team')) {
        const [teamId, departmentId] = params;
        return TEAMS.filter((t) => t.id === teamId && t.departmentId === departmentId);
      }
      throw new Error(`unexpected query: ${sql}`);
    },
    async findOne(_entity: unknown, { where }: { where: { id: string; departmentId: string } }) {
      queries.push('staff');
      return STAFF.find((s) => s.id === where.id && s.departmentId === where.departmentId) ?? null;
    },
  } as unknown as EntityManager;
  const policy = new AccessPolicy({ manager: em, query: em.query } as unknown as DataSource);
  return { policy, queries };
}

const member = (id: string) => {
  const found = STAFF.find((s) => s.id === id);
  if (!found) throw new Error(id);
  return { id: found.id, teamId: found.teamId };
};
/** An activity of the member submitted while they were on their current team. */
const activityOf = (id: string, createdByUserId: string | null = null) => ({
  staffId: id,
  createdByUserId,
  submittedTeamId: member(id).teamId,
});

describe('AccessPolicy', () => {
  const { policy } = fakeDatabase();

  it('lets staff see only their own records', () => {
    expect(policy.canSeeStaff(staff, 'ss')).toBe(true);
    expect(policy.canSeeStaff(staff, 'other')).toBe(false);
    expect(policy.canSeeStaff(manager, 'other')).toBe(true);
    expect(policy.visibleStaffIds(staff)).toEqual(['ss']);
    expect(policy.visibleStaffIds(admin)).toBe('all');
    expect(() => policy.restrictToSelf(staff, 'other')).toThrow(/not found/);
  });

  it('lets only the member self-assess and only managers record manager assessments', () => {
    expect(policy.canRecordAssessment(staff, 'ss', 'self')).toBe(true);
    expect(policy.canRecordAssessment(staff, 'ss', 'manager')).toBe(false);
    expect(policy.canRecordAssessment(manager, 'ss', 'self')).toBe(false);
    expect(policy.canRecordAssessment(manager, 'ss', 'manager')).toBe(true);
  });

  it('lets whoever writes credentials of a member they see verify them', () => {
    expect(policy.canVerifyCredential(manager, 'ss')).toBe(true);
    expect(policy.canVerifyCredential(admin, 'ss')).toBe(true);
    expect(policy.canVerifyCredential(staff, 'ss')).toBe(false);
  });

  it('hole 3: never lets a manager rate or verify themselves', () => {
    expect(policy.canRecordAssessment(manager, 'sm', 'manager')).toBe(false);
    expect(policy.canRecordAssessment(manager, 'sm', 'self')).toBe(true);
    expect(policy.canVerifyCredential(manager, 'sm')).toBe(false);
    const adminWithStaffRecord = { ...admin, staffId: 'sa' };
    expect(policy.canVerifyCredential(adminWithStaffRecord, 'sa')).toBe(false);
    expect(policy.canRecordAssessment(adminWithStaffRecord, 'sa', 'manager')).toBe(false);
  });

  it('lets managers and admins follow their teams, and revoke feeds: the owner, or who manages accounts', () => {
    expect(policy.canFollowTeams(manager)).toBe(true);
    expect(policy.canFollowTeams(admin)).toBe(true);
    expect(policy.canFollowTeams(staff)).toBe(false);
    expect(policy.canRevokeCalendarFeed(staff, 'us')).toBe(true);
    expect(policy.canRevokeCalendarFeed(manager, 'us')).toBe(false);
    expect(policy.canRevokeCalendarFeed(admin, 'us')).toBe(true);
  });
});

// The scopes of department d, as memberScope answers them.
const wholeDepartment = { kind: 'department', departmentId: 'd' };
const nobody = { kind: 'none', departmentId: 'd' };
const teams = (...teamIds: string[]) => ({ kind: 'teams', departmentId: 'd', teamIds });
const members = (...staffIds: string[]) => ({ kind: 'staff', departmentId: 'd', staffIds });

describe('AccessPolicy.memberScope', () => {
  const { policy } = fakeDatabase();

  it('gives readers of the department the department, the team or the member they ask about', async () => {
    expect(await policy.memberScope(admin, {})).toEqual(wholeDepartment);
    expect(await policy.memberScope(manager, { teamId: 't2' })).toEqual(teams('t2'));
    expect(await policy.memberScope(manager, { staffId: 'so' })).toEqual(members('so'));
    // a member asked about within a team: the member (the caller narrows by team on top)
    expect(await policy.memberScope(admin, { teamId: 't1', staffId: 'ss' })).toEqual(members('ss'));
  });

  it('answers 404 for a team or member outside the department', async () => {
    await expect(policy.memberScope(manager, { teamId: 'tx' })).rejects.toThrow('team not found');
    await expect(policy.memberScope(manager, { staffId: 'sx' })).rejects.toThrow(
      'staff member not found',
    );
  });

  it('narrows staff to themselves whatever they ask, after checking what they name', async () => {
    expect(await policy.memberScope(staff, {})).toEqual(members('ss'));
    expect(await policy.memberScope(staff, { teamId: 't2' })).toEqual(members('ss'));
    expect(await policy.memberScope(staff, { staffId: 'ss' })).toEqual(members('ss'));
    await expect(policy.memberScope(staff, { teamId: 'nope' })).rejects.toThrow('team not found');
    await expect(policy.memberScope(staff, { staffId: 'so' })).rejects.toThrow(
      'staff member not found',
    );
  });

  it('covers nobody for an account without a staff record of its own', async () => {
    expect(await policy.memberScope(unlinked, {})).toEqual(nobody);
    expect(await policy.memberScope(admin, 'own')).toEqual(nobody);
    expect(await policy.memberScope(manager, 'own')).toEqual(members('sm'));
  });

  it("gives 'managed-teams' the teams managed in the department, every team for an admin", async () => {
    expect(await policy.memberScope(admin, 'managed-teams')).toEqual(wholeDepartment);
    expect(await policy.memberScope(manager, 'managed-teams')).toEqual(teams('t1'));
    expect(await policy.memberScope(newManager, 'managed-teams')).toEqual(nobody);
    expect(await policy.memberScope(staff, 'managed-teams')).toEqual(nobody);
  });
});

describe('AccessPolicy.reviewer', () => {
  it('lets managers review the teams they manage, admins any, nobody their own CE', async () => {
    const { policy } = fakeDatabase();
    const managerReviews = await policy.reviewer(manager);
    expect(managerReviews.canReview(activityOf('ss'), member('ss'))).toBe(true);
    expect(managerReviews.canReview(activityOf('so'), member('so'))).toBe(false);
    expect(managerReviews.canReview(activityOf('sm'), member('sm'))).toBe(false);
    expect(managerReviews.canApproveNew(member('ss'))).toBe(true);
    expect(managerReviews.canApproveNew(member('so'))).toBe(false);
    expect(managerReviews.teamIds).toEqual(['t1']);
    const adminReviews = await policy.reviewer(admin);
    expect(adminReviews.canReview(activityOf('so'), member('so'))).toBe(true);
    expect(adminReviews.teamIds).toBe('all');
    const staffReviews = await policy.reviewer(staff);
    expect(staffReviews.canReview(activityOf('so'), member('so'))).toBe(false);
    expect(staffReviews.teamIds).toEqual([]);
    expect((await policy.reviewer(newManager)).canReview(activityOf('ss'), member('ss'))).toBe(
      false,
    );
  });

  it('hole 2: judges a review by the team at submission and the team now', async () => {
    const { policy } = fakeDatabase();
    const managerReviews = await policy.reviewer(manager);
    // submitted in t2 (not managed), the member moved into t1 since: not the manager's to review
    const movedIn = { staffId: 'so', createdByUserId: null, submittedTeamId: 't2' };
    expect(managerReviews.canReview(movedIn, { id: 'so', teamId: 't1' })).toBe(false);
    // submitted in t1, the member moved out to t2 since: not the manager's any more either
    const movedOut = { staffId: 'ss', createdByUserId: null, submittedTeamId: 't1' };
    expect(managerReviews.canReview(movedOut, { id: 'ss', teamId: 't2' })).toBe(false);
    expect(managerReviews.changeRight(movedIn, { id: 'so', teamId: 't1' })).toBe(null);
    // the team at submission was deleted: the team now decides
    const teamGone = { staffId: 'ss', createdByUserId: null, submittedTeamId: null };
    expect(managerReviews.canReview(teamGone, member('ss'))).toBe(true);
    // an admin reviews the department whatever the teams
    expect((await policy.reviewer(admin)).canReview(movedIn, { id: 'so', teamId: 't1' })).toBe(
      true,
    );
  });

  it('reads the managed teams once and answers every member from memory', async () => {
    const { policy, queries } = fakeDatabase();
    const reviewer = await policy.reviewer(manager);
    for (let i = 0; i < 100; i++) {
      const id = i % 2 ? 'ss' : 'so';
      reviewer.canReview(activityOf(id), member(id));
    }
    expect(queries).toHaveLength(1);
    await policy.reviewer(admin);
    await policy.reviewer(staff);
    expect(queries).toHaveLength(1);
  });

  it('lets the member change their own CE only while submitted, and a reviewer any status', async () => {
    const { policy } = fakeDatabase();
    const activity = activityOf('ss', 'us');
    expect((await policy.reviewer(staff)).changeRight(activity, member('ss'))).toBe(
      'while-submitted',
    );
    expect((await policy.reviewer(manager)).changeRight(activity, member('ss'))).toBe('any-status');
    const otherTeam = activityOf('so', 'us');
    expect((await policy.reviewer(manager)).changeRight(otherTeam, member('so'))).toBe(null);
  });

  it('lets whoever logged an entry change it while submitted, and nobody touch what they cannot see', async () => {
    const { policy } = fakeDatabase();
    const loggedByManager = activityOf('so', 'um');
    expect((await policy.reviewer(manager)).changeRight(loggedByManager, member('so'))).toBe(
      'while-submitted',
    );
    expect((await policy.reviewer(admin)).changeRight(loggedByManager, member('so'))).toBe(
      'any-status',
    );
    // the manager's own activity: theirs to change while submitted, never to review
    const own = activityOf('sm', 'um');
    expect((await policy.reviewer(manager)).changeRight(own, member('sm'))).toBe('while-submitted');
    const loggedByStaff = activityOf('so', 'us');
    expect((await policy.reviewer(staff)).changeRight(loggedByStaff, member('so'))).toBe(null);
  });
});
