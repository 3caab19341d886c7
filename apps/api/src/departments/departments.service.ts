import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Department } from '@him/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { assertVersion, notFound } from '../common/errors';
import { DepartmentEntity } from './department.entity';
import type { UpdateDepartmentDto } from './department.dto';

export function toDepartment(e: DepartmentEntity): Department {
  return {
    id: e.id,
    name: e.name,
    timeZone: e.timeZone,
    requireVerification: e.requireVerification,
    expiryWarningDays: e.expiryWarningDays,
    reminderLeadDays: [...e.reminderLeadDays],
    assessmentValidityMonths: e.assessmentValidityMonths ?? null,
    version: e.version,
  };
}

/** The zone's canonical spelling (`america/chicago` is stored as `America/Chicago`). */
function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

/** The caller's own department: every account belongs to exactly one. */
@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(user: RequestUser): Promise<Department> {
    return toDepartment(await this.find(this.dataSource.manager, user));
  }

  update(user: RequestUser, dto: UpdateDepartmentDto): Promise<Department> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, true);
      assertVersion('department', entity.version, dto.version);
      const before = toDepartment(entity);
      if (dto.name !== undefined) entity.name = dto.name.trim();
      if (dto.timeZone !== undefined) entity.timeZone = canonicalTimeZone(dto.timeZone);
      if (dto.requireVerification !== undefined)
        entity.requireVerification = dto.requireVerification;
      if (dto.expiryWarningDays !== undefined) entity.expiryWarningDays = dto.expiryWarningDays;
      if (dto.reminderLeadDays !== undefined)
        entity.reminderLeadDays = [...dto.reminderLeadDays].sort((a, b) => b - a);
      if (dto.assessmentValidityMonths !== undefined)
        entity.assessmentValidityMonths = dto.assessmentValidityMonths;
      entity.version += 1;
      const after = toDepartment(await em.save(entity));
      await this.audit.record(em, user, user.departmentId, {
        action: 'update',
        entity: 'department',
        entityId: entity.id,
        before,
        after,
        note: dto.note,
      });
      return after;
    });
  }

  private async find(
    em: EntityManager,
    user: RequestUser,
    lock = false,
  ): Promise<DepartmentEntity> {
    const entity = await em.findOne(DepartmentEntity, {
      where: { id: user.departmentId },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!entity) throw notFound('department');
    return entity;
  }
}
