import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MemberActions } from '@him/contracts';
import { notFound } from '../common/errors';
import { DepartmentEntity } from '../departments/department.entity';
import { EvidenceRules } from '../evidence/evidence-access';
import { staffReferences } from '../staff/staff-references';
import { StaffEntity } from '../staff/staff.entity';
import { hasPermission, type Permission, PERMISSIONS } from './permissions';
import type { RequestUser } from './request-user';

/** Who is asking: a signed-in caller, or the account behind a calendar feed token. */
export type Caller = Pick<RequestUser, 'id' | 'role' | 'staffId' | 'departmentId'>;

/**
 * The members a request covers, as `AccessPolicy.memberScope` decided. `none` covers nobody:
 * whatever is loaded by it holds no member's rows (and is not queried at all).
 */
export type MemberScope =
  | { kind: 'department'; departmentId: string }
  | { kind: 'teams'; departmentId: string; teamIds: readonly string[] }
  | { kind: 'staff'; departmentId: string; staffIds: readonly string[] }
  | { kind: 'none'; departmentId: string };

/**
 * What a caller asks to see: one team or one member (neither: everyone), `'own'` (their own
 * records) or `'managed-teams'` (the members of the teams they manage, every team for an admin).
 */
export type MemberScopeRequest = { teamId?: string; staffId?: string } | 'own' | 'managed-teams';

/** The member whose CE is reviewed or changed. */
export interface CeMember {
  id: string;
  teamId: string;
}

/**
 * The CE activity being reviewed or changed, as the rules need it: whose it is, who logged it
 * and the team its member was on when it was submitted (null: that team is gone).
 */
export interface CeActivityRef {
  staffId: string;
  createdByUserId: string | null;
  submittedTeamId: string | null;
}

/**
 * What the caller may change (edit, delete) of a CE activity: `any-status` for a reviewer of the
 * member's team; `while-submitted` for the member themselves and whoever logged the entry (so
 * nobody edits their own approved hours); null when they may look but not touch.
 */
export type CeChangeRight = 'any-status' | 'while-submitted' | null;

/** Managed teams as loaded once: every team, or these. */
type ManagedTeams = 'all' | ReadonlySet<string>;

/** Admins run the department: they review and follow every team. */
function managesEveryTeam(user: Caller): boolean {
  return user.role === 'admin';
}

function canSeeStaff(user: Caller, staffId: string): boolean {
  return hasPermission(user.role, PERMISSIONS.staffReadAll) || user.staffId === staffId;
}

/**
 * The caller's CE review rights, from their managed teams loaded once (AccessPolicy.reviewer):
 * every answer after that is in memory, for one activity or the ten thousand rows of an import.
 * Who reviews whose CE is decided here and nowhere else.
 */
export class Reviewer {
  constructor(
    private readonly user: Caller,
    private readonly managed: ManagedTeams,
  ) {}

  /** The teams whose CE the caller reviews (the review queue's scope): 'all', or these ids. */
  get teamIds(): 'all' | string[] {
    return this.managed === 'all' ? 'all' : [...this.managed];
  }

  /**
   * May the caller review (approve, reject) this activity of this member? Never their own; an
   * admin any; a manager only when they manage both the team the member was on when the activity
   * was submitted and the member's team now, so moving a member into one's team for an afternoon
   * does not make their activities one's own to approve (docs/interpretations.md).
   */
  canReview(activity: Pick<CeActivityRef, 'submittedTeamId'>, member: CeMember): boolean {
    if (this.user.staffId === member.id) return false;
    if (this.managed === 'all') return true;
    const atSubmission = activity.submittedTeamId;
    return (
      this.managed.has(member.teamId) && (atSubmission === null || this.managed.has(atSubmission))
    );
  }

  /** May the caller approve an activity of this member as it is logged (submitted now, in their current team)? */
  canApproveNew(member: CeMember): boolean {
    return this.canReview({ submittedTeamId: member.teamId }, member);
  }

  /** What the caller may change of this activity of a member they can see (CeChangeRight). */
  changeRight(activity: CeActivityRef, member: CeMember): CeChangeRight {
    if (
      !hasPermission(this.user.role, PERMISSIONS.ceWrite) ||
      !canSeeStaff(this.user, activity.staffId)
    )
      return null;
    if (this.user.staffId === activity.staffId) return 'while-submitted';
    if (this.canReview(activity, member)) return 'any-status';
    if (activity.createdByUserId === this.user.id) return 'while-submitted';
    return null;
  }
}

/**
 * Ownership, checked in one place: whom a caller may see and act on. A record the caller may not
 * see answers 404, as if it did not exist (API.md). What it needs from the database (the member,
 * the managed teams) it loads once per request and answers the rest in memory.
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** May the caller read this member's records? Staff: only their own. */
  canSeeStaff(user: Caller, staffId: string): boolean {
    return canSeeStaff(user, staffId);
  }

  /** The member, if it is in the caller's department and the caller may see it; 404 otherwise. */
  async visibleStaff(
    user: Caller,
    staffId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<StaffEntity> {
    if (!canSeeStaff(user, staffId)) throw notFound('staff member');
    const staff = await em.findOne(StaffEntity, {
      where: { id: staffId, departmentId: user.departmentId },
    });
    if (!staff) throw notFound('staff member');
    return staff;
  }

  /** Staff may only ever act on their own records; 404 for anyone else's. */
  restrictToSelf(user: Caller, staffId: string): void {
    if (!canSeeStaff(user, staffId)) throw notFound('staff member');
  }

  /** The members a caller's lists may contain: the whole department, or (staff) only themselves. */
  visibleStaffIds(user: Caller): 'all' | string[] {
    if (hasPermission(user.role, PERMISSIONS.staffReadAll)) return 'all';
    return user.staffId ? [user.staffId] : [];
  }

  /**
   * Whom a request covers. A team or member it names must exist in the department and be
   * visible (404 otherwise); then staff are narrowed to themselves whatever they asked, and an
   * account without a staff record of its own covers nobody.
   */
  async memberScope(
    user: Caller,
    request: MemberScopeRequest,
    em: EntityManager = this.dataSource.manager,
  ): Promise<MemberScope> {
    const { departmentId } = user;
    if (request === 'own') return this.ownScope(user);
    if (request === 'managed-teams') {
      if (!this.canFollowTeams(user)) return { kind: 'none', departmentId };
      const managed = await this.managedTeams(user, em);
      if (managed === 'all') return { kind: 'department', departmentId };
      return managed.size > 0
        ? { kind: 'teams', departmentId, teamIds: [...managed] }
        : { kind: 'none', departmentId };
    }
    if (request.teamId) await this.assertTeam(user, request.teamId, em);
    if (request.staffId) await this.visibleStaff(user, request.staffId, em);
    if (!hasPermission(user.role, PERMISSIONS.staffReadAll)) return this.ownScope(user);
    if (request.staffId) return { kind: 'staff', departmentId, staffIds: [request.staffId] };
    if (request.teamId) return { kind: 'teams', departmentId, teamIds: [request.teamId] };
    return { kind: 'department', departmentId };
  }

  /** The caller's CE review rights, their managed teams loaded once (in `em`'s transaction). */
  async reviewer(user: Caller, em: EntityManager = this.dataSource.manager): Promise<Reviewer> {
    const managed = hasPermission(user.role, PERMISSIONS.ceReview)
      ? await this.managedTeams(user, em)
      : new Set<string>();
    return new Reviewer(user, managed);
  }

  /**
   * Who may record which assessment of a member they can see: a 'self' assessment only the
   * member themselves; a 'manager' assessment only someone who writes staff records, and never
   * of their own skills (it outranks a self-assessment, R2: nobody rates themselves above it).
   */
  canRecordAssessment(user: Caller, staffId: string, source: 'self' | 'manager'): boolean {
    if (!canSeeStaff(user, staffId)) return false;
    return source === 'self'
      ? user.staffId === staffId
      : hasPermission(user.role, PERMISSIONS.staffWrite) && user.staffId !== staffId;
  }

  /**
   * May the caller record the verification of a credential of this member? Whoever writes
   * credentials of a member they see, except their own: a verification attests that someone
   * else checked the credential at its source (Joint Commission HR.01.02.05).
   */
  canVerifyCredential(user: Caller, staffId: string): boolean {
    return (
      hasPermission(user.role, PERMISSIONS.credentialsWrite) &&
      canSeeStaff(user, staffId) &&
      user.staffId !== staffId
    );
  }

  /**
   * May the caller add, as the member, a credential they newly earned? Only to their own record,
   * and only where the department lets members add credentials (otherwise managers do).
   */
  canReportOwnCredential(user: Caller, staffId: string, staffMayAddCredentials: boolean): boolean {
    return user.staffId === staffId && staffMayAddCredentials;
  }

  /**
   * Everything the caller may do to one member they can see, answered by the same checks the
   * write paths make (permissions, the ones above, Reviewer, EvidenceRules, what refers to the
   * member), so what the dashboard offers and what the API accepts cannot drift apart.
   */
  async memberActions(
    user: Caller,
    member: Pick<StaffEntity, 'id' | 'teamId'>,
    em: EntityManager = this.dataSource.manager,
  ): Promise<MemberActions> {
    const may = (permission: Permission) =>
      hasPermission(user.role, permission) && canSeeStaff(user, member.id);
    const reviewer = await this.reviewer(user, em);
    const department = await em.findOneOrFail(DepartmentEntity, {
      where: { id: user.departmentId },
    });
    const references = may(PERMISSIONS.staffDelete) ? await staffReferences(em, member.id) : null;
    const reviews = reviewer.canApproveNew(member);
    return {
      editProfile: may(PERMISSIONS.staffWrite),
      terminate: may(PERMISSIONS.staffWrite),
      delete: references !== null && references.length === 0,
      addCredential: may(PERMISSIONS.credentialsWrite),
      reportOwnCredential: this.canReportOwnCredential(
        user,
        member.id,
        department.staffMayAddCredentials,
      ),
      verifyCredential: this.canVerifyCredential(user, member.id),
      addAssessment:
        may(PERMISSIONS.assessmentsWrite) && this.canRecordAssessment(user, member.id, 'manager'),
      addSelfAssessment:
        may(PERMISSIONS.assessmentsWrite) && this.canRecordAssessment(user, member.id, 'self'),
      logCe: may(PERMISSIONS.ceWrite),
      approveCeAtOnce: may(PERMISSIONS.ceWrite) && reviews,
      reviewCe: may(PERMISSIONS.ceReview) && reviews,
      uploadEvidence: canSeeStaff(user, member.id) && EvidenceRules.mayAttach(user, member.id),
    };
  }

  /** May this account follow its teams' deadlines (a 'teams' calendar feed)? Those who read the department. */
  canFollowTeams(user: Pick<Caller, 'role'>): boolean {
    return hasPermission(user.role, PERMISSIONS.staffReadAll);
  }

  /** Own calendar feeds; whoever manages the department's accounts revokes any (a lost phone, a leaver). */
  canRevokeCalendarFeed(user: Caller, feedOwnerUserId: string): boolean {
    return feedOwnerUserId === user.id || hasPermission(user.role, PERMISSIONS.usersManage);
  }

  private ownScope(user: Caller): MemberScope {
    return user.staffId
      ? { kind: 'staff', departmentId: user.departmentId, staffIds: [user.staffId] }
      : { kind: 'none', departmentId: user.departmentId };
  }

  private async assertTeam(user: Caller, teamId: string, em: EntityManager): Promise<void> {
    const rows = await em.query(`SELECT 1 FROM team WHERE id = $1 AND department_id = $2`, [
      teamId,
      user.departmentId,
    ]);
    if (rows.length === 0) throw notFound('team');
  }

  /** The teams of the department the caller manages: all of them for an admin. */
  private async managedTeams(user: Caller, em: EntityManager): Promise<ManagedTeams> {
    if (managesEveryTeam(user)) return 'all';
    if (!user.staffId) return new Set();
    const rows: { team_id: string }[] = await em.query(
      `SELECT tm.team_id FROM team_manager tm JOIN team t ON t.id = tm.team_id
        WHERE tm.staff_id = $1 AND t.department_id = $2`,
      [user.staffId, user.departmentId],
    );
    return new Set(rows.map((r) => r.team_id));
  }
}
