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
  async visibleStaff(user: RequestUser, staffId: string, em: EntityManager = this.dataSource.manager): Promise<StaffEntity> {
    if (!this.canSeeStaff(user, staffId)) throw notFound('staff member');
    const staff = await em.findOne(StaffEntity, { where: { id: staffId, departmentId: user.departmentId } });
    if (!staff) throw notFound('staff member');
    return staff;
  }

  /** Staff may only ever act on their own records; 404 for anyone else's. */
  restrictToSelf(user: RequestUser, staffId: string): void {
    if (!this.canSeeStaff(user, staffId)) throw notFound('staff member');
  }

  /** Managers review CE of the teams they manage; admins review any. */
  async canReviewFor(user: RequestUser, teamId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!hasPermission(user.role, PERMISSIONS.ceReview)) return false;
    if (user.role === 'admin') return true;
    if (!user.staffId) return false;
    const rows = await em.query(`SELECT 1 FROM team_manager WHERE team_id = $1 AND staff_id = $2`, [teamId, user.staffId]);
    return rows.length > 0;
  }
}
