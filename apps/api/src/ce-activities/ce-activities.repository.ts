import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CeReviewStatus } from '@him/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { StaffEntity } from '../staff/staff.entity';
import { CeActivityEntity } from './ce-activity.entity';

/** Which activities a review queue page holds. */
export interface ReviewQueueFilter {
  departmentId: string;
  status: CeReviewStatus;
  /** the teams the caller reviews (Reviewer.teamIds): 'all', or these (not empty) */
  teamIds: 'all' | readonly string[];
  /** one of them */
  teamId?: string;
  /** the caller's own activities are never in their queue */
  excludeStaffId: string | null;
  limit: number;
  offset: number;
}

/** The queries behind CE activities beyond loading and saving one entity. */
@Injectable()
export class CeActivitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Which of these ids are credentials of the member (any status: a revoked one keeps its
   * history), locked so they cannot be deleted before the links are written.
   */
  async memberCredentialIds(
    em: EntityManager,
    departmentId: string,
    staffId: string,
    ids: readonly string[],
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM credential WHERE id = ANY($1::uuid[]) AND staff_id = $2 AND department_id = $3 FOR SHARE`,
      [ids, staffId, departmentId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** A page of the review queue, oldest submission first, with the members the page names. */
  async reviewQueue(filter: ReviewQueueFilter): Promise<{
    rows: CeActivityEntity[];
    total: number;
    members: Map<string, StaffEntity>;
  }> {
    const qb = this.dataSource
      .getRepository(CeActivityEntity)
      .createQueryBuilder('a')
      .innerJoin(StaffEntity, 's', 's.id = a.staff_id')
      .where('a.department_id = :dept', { dept: filter.departmentId })
      .andWhere('a.status = :status', { status: filter.status });
    // A manager reviews what was submitted in a team they manage by a member still in one (Reviewer.canReview).
    if (filter.teamIds !== 'all')
      qb.andWhere('s.team_id IN (:...teams)', { teams: filter.teamIds }).andWhere(
        '(a.submitted_team_id IS NULL OR a.submitted_team_id IN (:...teams))',
        { teams: filter.teamIds },
      );
    if (filter.teamId) qb.andWhere('s.team_id = :teamId', { teamId: filter.teamId });
    if (filter.excludeStaffId) qb.andWhere('a.staff_id <> :self', { self: filter.excludeStaffId });
    const [rows, total] = await qb
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    const members = rows.length
      ? await this.dataSource
          .getRepository(StaffEntity)
          .find({ where: { id: In([...new Set(rows.map((r) => r.staffId))]) } })
      : [];
    return { rows, total, members: new Map(members.map((m) => [m.id, m])) };
  }
}
