import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CeActivity, CeActivityQueueItem, Page } from '@him/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { departmentToday } from '../common/department-today';
import { assertVersion, notFound } from '../common/errors';
import { problemMessages } from '../common/field-problems';
import { findInDepartment } from '../common/find-in-department';
import { ownersWithEvidence } from '../evidence/evidence-flags';
import { StaffEntity } from '../staff/staff.entity';
import { RejectionNotices } from '../notifications/rejection-notices';
import { CeActivitiesRepository } from './ce-activities.repository';
import { ceChangeRefusal, completedOnProblems } from './ce-activity-rules';
import { CeActivityCredentialEntity, CeActivityEntity } from './ce-activity.entity';
import type {
  CreateCeActivityDto,
  MemberCeActivitiesQuery,
  ReviewCeActivityDto,
  ReviewQueueQuery,
  UpdateCeActivityDto,
} from './ce-activity.dto';

export function toCeActivity(
  e: CeActivityEntity,
  credentialIds: string[],
  hasEvidence = false,
): CeActivity {
  return {
    id: e.id,
    staffId: e.staffId,
    createdByUserId: e.createdByUserId,
    title: e.title,
    provider: e.provider,
    completedOn: e.completedOn,
    hours: e.hours,
    categories: [...e.categories],
    credentialIds: [...credentialIds].sort(),
    status: e.status,
    reviewNote: e.reviewNote,
    reviewedByUserId: e.reviewedByUserId,
    reviewedAt: e.reviewedAt ? e.reviewedAt.toISOString() : null,
    hasEvidence,
    version: e.version,
  };
}

@Injectable()
export class CeActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly activities: CeActivitiesRepository,
    private readonly rejections: RejectionNotices,
  ) {}

  /** A member's log, newest completedOn first. */
  async list(
    user: RequestUser,
    staffId: string,
    query: MemberCeActivitiesQuery,
  ): Promise<Page<CeActivity>> {
    await this.access.visibleStaff(user, staffId);
    const [rows, total] = await this.dataSource.getRepository(CeActivityEntity).findAndCount({
      where: {
        departmentId: user.departmentId,
        staffId,
        ...(query.status ? { status: query.status } : {}),
      },
      order: { completedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: await this.withCredentials(this.dataSource.manager, rows), total };
  }

  /**
   * The review queue of the caller's scope (admins: the department; managers: the teams
   * they manage), oldest submission first, without the caller's own activities.
   */
  async queue(user: RequestUser, query: ReviewQueueQuery): Promise<Page<CeActivityQueueItem>> {
    const teamIds = (await this.access.reviewer(user)).teamIds;
    if (teamIds !== 'all' && teamIds.length === 0) return { items: [], total: 0 };
    const { rows, total, members } = await this.activities.reviewQueue({
      departmentId: user.departmentId,
      status: query.status,
      teamIds,
      teamId: query.teamId,
      excludeStaffId: user.staffId,
      limit: query.limit,
      offset: query.offset,
    });
    const activities = await this.withCredentials(this.dataSource.manager, rows);
    return {
      items: activities.map((a, index) => ({
        ...a,
        staffName: members.get(a.staffId)?.name ?? '',
        teamId: members.get(a.staffId)?.teamId ?? '',
        submittedAt: rows[index].createdAt.toISOString(),
      })),
      total,
    };
  }

  async get(user: RequestUser, id: string): Promise<CeActivity> {
    const em = this.dataSource.manager;
    return this.toDto(em, await this.find(em, user, id));
  }

  create(user: RequestUser, staffId: string, dto: CreateCeActivityDto): Promise<CeActivity> {
    return this.dataSource.transaction(async (em) => {
      const member = await this.access.visibleStaff(user, staffId, em);
      const approveNow = dto.status === 'approved';
      if (approveNow && !(await this.access.reviewer(user, em)).canApproveNew(member)) {
        throw new ForbiddenException([
          user.staffId === member.id
            ? 'status: you may not approve your own activity; it is submitted for review'
            : "status: only a reviewer of the member's team may approve at once",
        ]);
      }
      const today = await departmentToday(em, user.departmentId);
      const problems = [
        ...problemMessages(completedOnProblems(dto.completedOn, today)),
        ...(await this.credentialProblems(em, user, member.id, dto.credentialIds)),
      ];
      if (problems.length > 0) throw new BadRequestException(problems);

      const saved = await em.save(
        em.create(CeActivityEntity, {
          departmentId: user.departmentId,
          staffId: member.id,
          title: dto.title.trim(),
          provider: dto.provider.trim(),
          completedOn: dto.completedOn,
          hours: dto.hours,
          categories: dto.categories ?? [],
          status: approveNow ? 'approved' : 'submitted',
          reviewNote: null,
          reviewedByUserId: approveNow ? user.id : null,
          reviewedAt: approveNow ? new Date() : null,
          createdByUserId: user.id,
          submittedTeamId: member.teamId,
          version: 1,
        }),
      );
      await this.linkCredentials(em, saved.id, dto.credentialIds ?? []);
      return this.audit.created(
        em,
        user,
        'ce_activity',
        toCeActivity(saved, dto.credentialIds ?? []),
      );
    });
  }

  update(user: RequestUser, id: string, dto: UpdateCeActivityDto): Promise<CeActivity> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      await this.assertMayChange(em, user, entity, 'change');
      assertVersion('CE activity', entity.version, dto.version);
      const problems = [
        ...(dto.completedOn !== undefined
          ? problemMessages(
              completedOnProblems(dto.completedOn, await departmentToday(em, user.departmentId)),
            )
          : []),
        ...(await this.credentialProblems(em, user, entity.staffId, dto.credentialIds)),
      ];
      if (problems.length > 0) throw new BadRequestException(problems);

      const before = await this.toDto(em, entity);
      if (dto.title !== undefined) entity.title = dto.title.trim();
      if (dto.provider !== undefined) entity.provider = dto.provider.trim();
      if (dto.completedOn !== undefined) entity.completedOn = dto.completedOn;
      if (dto.hours !== undefined) entity.hours = dto.hours;
      if (dto.categories !== undefined) entity.categories = dto.categories;
      entity.version += 1;
      const saved = await em.save(entity);
      if (dto.credentialIds !== undefined) {
        await em.delete(CeActivityCredentialEntity, { ceActivityId: id });
        await this.linkCredentials(em, id, dto.credentialIds);
      }
      // A reviewer's edit keeps an approved or rejected status; the audit event shows what changed.
      const after = toCeActivity(
        saved,
        dto.credentialIds ?? before.credentialIds,
        before.hasEvidence,
      );
      return this.audit.updated(em, user, 'ce_activity', id, { before, after, note: dto.note });
    });
  }

  /** A hard delete (an entry logged by mistake); the before image stays in the audit trail. */
  remove(user: RequestUser, id: string, note?: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      await this.assertMayChange(em, user, entity, 'delete');
      const before = await this.toDto(em, entity);
      await em.delete(CeActivityCredentialEntity, { ceActivityId: id });
      await em.delete(CeActivityEntity, { id });
      await this.audit.deleted(em, user, 'ce_activity', id, { before, note });
    });
  }

  review(user: RequestUser, id: string, dto: ReviewCeActivityDto): Promise<CeActivity> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      const member = await this.member(em, user, entity.staffId);
      if (user.staffId === member.id)
        throw new ForbiddenException('you may not review your own CE activity');
      if (!(await this.access.reviewer(user, em)).canReview(entity, member)) {
        throw new ForbiddenException(
          entity.submittedTeamId && entity.submittedTeamId !== member.teamId
            ? "only an admin, or a manager of both the team the member was on when it was submitted and the member's team now, may review this activity"
            : "only a manager of the member's team or an admin may review this activity",
        );
      }
      assertVersion('CE activity', entity.version, dto.version);
      const before = await this.toDto(em, entity);
      entity.status = dto.status;
      entity.reviewNote = dto.note?.trim() || null;
      entity.reviewedByUserId = user.id;
      entity.reviewedAt = new Date();
      entity.version += 1;
      const after = toCeActivity(await em.save(entity), before.credentialIds, before.hasEvidence);
      if (entity.status === 'rejected') await this.rejections.tell(em, entity, member);
      await this.audit.record(em, user, user.departmentId, {
        action: 'review',
        entity: 'ce_activity',
        entityId: id,
        before,
        after,
        note: dto.note,
      });
      return after;
    });
  }

  /**
   * AccessPolicy says who may touch it; a member (or whoever logged it for them) may only
   * change it while it awaits review, so nobody edits their own approved hours.
   */
  private async assertMayChange(
    em: EntityManager,
    user: RequestUser,
    entity: CeActivityEntity,
    what: 'change' | 'delete',
  ): Promise<void> {
    const member = await this.member(em, user, entity.staffId);
    const right = (await this.access.reviewer(user, em)).changeRight(entity, member);
    const refusal = ceChangeRefusal(right, entity.status, what);
    if (refusal?.reason === 'no-right') throw new ForbiddenException(refusal.message);
    if (refusal) throw new ConflictException(`status: ${refusal.message}`);
  }

  /** Every id must be a credential of the same member (any status: a revoked one keeps its history). */
  private async credentialProblems(
    em: EntityManager,
    user: RequestUser,
    staffId: string,
    ids: string[] | undefined,
  ): Promise<string[]> {
    if (!ids || ids.length === 0) return [];
    const found = await this.activities.memberCredentialIds(em, user.departmentId, staffId, ids);
    return ids.flatMap((id, i) =>
      found.has(id) ? [] : [`credentialIds.${i} must be a credential of this staff member`],
    );
  }

  private async linkCredentials(
    em: EntityManager,
    ceActivityId: string,
    credentialIds: string[],
  ): Promise<void> {
    if (credentialIds.length === 0) return;
    await em.insert(
      CeActivityCredentialEntity,
      credentialIds.map((credentialId) => ({ ceActivityId, credentialId })),
    );
  }

  private async member(
    em: EntityManager,
    user: RequestUser,
    staffId: string,
  ): Promise<StaffEntity> {
    const member = await em.findOne(StaffEntity, {
      where: { id: staffId, departmentId: user.departmentId },
    });
    if (!member) throw notFound('CE activity');
    return member;
  }

  /** An activity of the caller's department whose member the caller may see; 404 otherwise. */
  private async find(
    em: EntityManager,
    user: RequestUser,
    id: string,
    lock = false,
  ): Promise<CeActivityEntity> {
    const entity = await findInDepartment(
      em,
      CeActivityEntity,
      user.departmentId,
      id,
      'CE activity',
      lock,
    );
    if (!this.access.canSeeStaff(user, entity.staffId)) throw notFound('CE activity');
    return entity;
  }

  private async toDto(em: EntityManager, entity: CeActivityEntity): Promise<CeActivity> {
    return (await this.withCredentials(em, [entity]))[0];
  }

  /** The activities with their credential ids and evidence flags, in two queries for the whole page. */
  private async withCredentials(
    em: EntityManager,
    rows: CeActivityEntity[],
  ): Promise<CeActivity[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const links = await em.find(CeActivityCredentialEntity, {
      where: { ceActivityId: In(ids) },
    });
    const withEvidence = await ownersWithEvidence(em, 'ce-activity', ids);
    const byActivity = new Map<string, string[]>();
    for (const link of links)
      byActivity.set(link.ceActivityId, [
        ...(byActivity.get(link.ceActivityId) ?? []),
        link.credentialId,
      ]);
    return rows.map((r) => toCeActivity(r, byActivity.get(r.id) ?? [], withEvidence.has(r.id)));
  }
}
