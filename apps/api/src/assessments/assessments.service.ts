import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Assessment, Page } from '@him/contracts';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { departmentToday } from '../common/department-today';
import { notInTheFuture, problemMessages } from '../common/field-problems';
import type { PageQuery } from '../common/pagination';
import { AssessmentEntity } from './assessment.entity';
import type { CreateAssessmentDto } from './assessment.dto';

export function toAssessment(e: AssessmentEntity): Assessment {
  return {
    id: e.id,
    staffId: e.staffId,
    skillId: e.skillId,
    level: e.level,
    assessedOn: e.assessedOn,
    source: e.source,
    note: e.note,
    assessedByUserId: e.assessedByUserId,
    recordedAt: e.recordedAt.toISOString(),
  };
}

/**
 * Assessments are immutable records (R2 reads their history): no PATCH, no DELETE; a
 * correction is a new assessment.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  async list(user: RequestUser, staffId: string, page: PageQuery): Promise<Page<Assessment>> {
    await this.access.visibleStaff(user, staffId);
    const [rows, total] = await this.dataSource.getRepository(AssessmentEntity).findAndCount({
      where: { departmentId: user.departmentId, staffId },
      order: { assessedOn: 'DESC', recordedAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(toAssessment), total };
  }

  create(user: RequestUser, staffId: string, dto: CreateAssessmentDto): Promise<Assessment> {
    return this.dataSource.transaction(async (em) => {
      const member = await this.access.visibleStaff(user, staffId, em);
      if (!this.access.canRecordAssessment(user, member.id, dto.source)) {
        throw new ForbiddenException([
          dto.source === 'self'
            ? "source: a 'self' assessment can only be recorded by the member themselves"
            : "source: only a manager or an admin may record a 'manager' assessment",
        ]);
      }
      const problems: string[] = [];
      const skill = await em.query(
        `SELECT 1 FROM skill WHERE id = $1 AND department_id = $2 FOR SHARE`,
        [dto.skillId, user.departmentId],
      );
      if (skill.length === 0) problems.push('skillId must be a skill of your department');
      const today = await departmentToday(em, user.departmentId);
      problems.push(...problemMessages(notInTheFuture('assessedOn', dto.assessedOn, today)));
      if (problems.length > 0) throw new BadRequestException(problems);

      const saved = await em.save(
        em.create(AssessmentEntity, {
          departmentId: user.departmentId,
          staffId: member.id,
          skillId: dto.skillId,
          level: dto.level,
          assessedOn: dto.assessedOn,
          source: dto.source,
          note: dto.note?.trim() || null,
          assessedByUserId: user.id,
        }),
      );
      // recorded_at is the database's clock (R2 orders same-day assessments by it); read it back.
      return this.audit.created(
        em,
        user,
        'assessment',
        toAssessment(await em.findOneOrFail(AssessmentEntity, { where: { id: saved.id } })),
      );
    });
  }
}
