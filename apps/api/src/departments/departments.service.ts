import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Department, UserRole } from '@him/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { keepsUserManagement } from '../auth/permissions';
import type { RequestUser } from '../auth/request-user';
import { ENV, type Env } from '../config/env';
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
    ssoCreateAccounts: e.ssoCreateAccounts,
    passwordSignIn: e.passwordSignIn,
    breakGlassUserId: e.breakGlassUserId,
    staffMayAddCredentials: e.staffMayAddCredentials,
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
    @Inject(ENV) private readonly env: Env,
  ) {}

  async get(user: RequestUser): Promise<Department> {
    return this.served(toDepartment(await this.find(this.dataSource.manager, user)));
  }

  /** As served: with the limits of this API the dashboard states (not kept in the audit trail). */
  private served(department: Department): Department {
    return { ...department, evidenceMaxBytes: this.env.EVIDENCE_MAX_BYTES };
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
      if (dto.ssoCreateAccounts !== undefined) entity.ssoCreateAccounts = dto.ssoCreateAccounts;
      if (dto.breakGlassUserId !== undefined) entity.breakGlassUserId = dto.breakGlassUserId;
      if (dto.passwordSignIn !== undefined) entity.passwordSignIn = dto.passwordSignIn;
      if (dto.staffMayAddCredentials !== undefined)
        entity.staffMayAddCredentials = dto.staffMayAddCredentials;
      await this.assertSignIn(em, entity);
      entity.version += 1;
      const after = toDepartment(await em.save(entity));
      return this.audit.updated(em, user, 'department', entity.id, {
        before,
        after,
        note: dto.note,
      });
    });
  }

  /**
   * Password sign-in can be switched off only while single sign-on is configured, and only with a
   * break-glass admin who can still sign in with a password: the department never locks itself out.
   */
  private async assertSignIn(em: EntityManager, entity: DepartmentEntity): Promise<void> {
    if (entity.breakGlassUserId !== null) {
      const [account]: { role: UserRole; active: boolean }[] = await em.query(
        `SELECT role, active FROM app_user WHERE id = $1 AND department_id = $2`,
        [entity.breakGlassUserId, entity.id],
      );
      if (!account || !account.active || !keepsUserManagement(account.role)) {
        throw new BadRequestException([
          'breakGlassUserId must be an active admin account of the department',
        ]);
      }
    }
    if (entity.passwordSignIn) return;
    if (!this.env.OIDC) {
      throw new BadRequestException([
        'passwordSignIn can be switched off only when single sign-on is configured (OIDC_ISSUER)',
      ]);
    }
    if (entity.breakGlassUserId === null) {
      throw new BadRequestException([
        'breakGlassUserId is required when password sign-in is off: an admin who can still sign in with a password if the identity provider is down',
      ]);
    }
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
