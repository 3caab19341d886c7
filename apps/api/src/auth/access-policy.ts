import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../common/errors';
import { StaffEntity } from '../staff/staff.entity';
import { hasPermission, PERMISSIONS } from './permissions';
import type { RequestUser } from './request-user';

/**
 * Ownership, checked in one place: which member's records a caller may see and change.
 * A record the caller may not see answers 404, as if it did not exist (API.md).
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** May the caller read this member's records? Staff: only their own. */
  canSeeStaff(user: RequestUser, staffId: string): boolean {
    return hasPermission(user.role, PERMISSIONS.staffReadAll) || user.staffId === staffId;
  }

  /** The member, if it is in the caller's department and the caller may see it; 404 otherwise. */
  async visibleStaff(
    user: RequestUser,
    staffId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<StaffEntity> {
    if (!this.canSeeStaff(user, staffId)) throw notFound('staff member');
    const staff = await em.findOne(StaffEntity, {
      where: { id: staffId, departmentId: user.departmentId },
    });
    if (!staff) throw notFound('staff member');
    return staff;
  }

  /** Staff may only ever act on their own records; 404 for anyone else's. */
  restrictToSelf(user: RequestUser, staffId: string): void {
    if (!this.canSeeStaff(user, staffId)) throw notFound('staff member');
  }

  /** Managers review CE of the teams they manage; admins review any. */
  async canReviewFor(
    user: RequestUser,
    teamId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (!hasPermission(user.role, PERMISSIONS.ceReview)) return false;
    if (user.role === 'admin') return true;
    if (!user.staffId) return false;
    const rows = await em.query(`SELECT 1 FROM team_manager WHERE team_id = $1 AND staff_id = $2`, [
      teamId,
      user.staffId,
    ]);
    return rows.length > 0;
  }

  /**
   * Who may record which assessment of a member they can see: a 'self' assessment only
   * the member themselves; a 'manager' assessment only someone who writes staff records.
   */
  canRecordAssessment(user: RequestUser, staffId: string, source: 'self' | 'manager'): boolean {
    if (!this.canSeeStaff(user, staffId)) return false;
    return source === 'self'
      ? user.staffId === staffId
      : hasPermission(user.role, PERMISSIONS.staffWrite);
  }

  /** The members a caller's lists may contain: the whole department, or (staff) only themselves. */
  visibleStaffIds(user: RequestUser): 'all' | string[] {
    if (hasPermission(user.role, PERMISSIONS.staffReadAll)) return 'all';
    return user.staffId ? [user.staffId] : [];
  }

  /** The teams whose CE the caller reviews (the review queue's scope): all for admins, managed teams for managers. */
  async reviewableTeamIds(
    user: RequestUser,
    em: EntityManager = this.dataSource.manager,
  ): Promise<'all' | string[]> {
    if (!hasPermission(user.role, PERMISSIONS.ceReview)) return [];
    if (user.role === 'admin') return 'all';
    if (!user.staffId) return [];
    const rows: { team_id: string }[] = await em.query(
      `SELECT tm.team_id FROM team_manager tm JOIN team t ON t.id = tm.team_id WHERE tm.staff_id = $1 AND t.department_id = $2`,
      [user.staffId, user.departmentId],
    );
    return rows.map((r) => r.team_id);
  }

  /** May the caller review (approve, reject) this member's CE? Within canReviewFor, and never their own. */
  async canReviewMember(
    user: RequestUser,
    member: { id: string; teamId: string },
    em: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (user.staffId === member.id) return false;
    return this.canReviewFor(user, member.teamId, em);
  }

  /**
   * What the caller may change (edit, delete) of a member's CE activity they can see:
   * `any-status` for a reviewer of the member's team; `while-submitted` for the member
   * themselves and for whoever logged the entry (so nobody edits their own approved hours);
   * null when they may look but not touch.
   */
  async ceChangeRight(
    user: RequestUser,
    activity: { staffId: string; createdByUserId: string | null },
    member: { id: string; teamId: string },
    em: EntityManager = this.dataSource.manager,
  ): Promise<'any-status' | 'while-submitted' | null> {
    if (!hasPermission(user.role, PERMISSIONS.ceWrite) || !this.canSeeStaff(user, activity.staffId))
      return null;
    if (user.staffId === activity.staffId) return 'while-submitted';
    if (await this.canReviewMember(user, member, em)) return 'any-status';
    if (activity.createdByUserId === user.id) return 'while-submitted';
    return null;
  }
}
