import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AfterLapseStep, CeMinimum, CeRule, Page } from '@him/contracts';
import { DEFAULT_AFTER_LAPSE } from '@him/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { assertVersion, notFound } from '../common/errors';
import type { PageQuery } from '../common/pagination';
import { CeRuleEntity } from './ce-rule.entity';
import type {
  AfterLapseStepDto,
  CeMinimumDto,
  CreateCeRuleDto,
  UpdateCeRuleDto,
} from './ce-rule.dto';

export function toCeRule(e: CeRuleEntity): CeRule {
  return {
    id: e.id,
    issuingBody: e.issuingBody,
    cycleMonths: e.cycleMonths,
    extraPerAdditional: e.extraPerAdditional,
    cap: e.cap,
    minimums: e.minimums,
    afterLapse: e.afterLapse ?? [],
    version: e.version,
  };
}

/** Stored as the contract's shape, with only the one of hours or share that applies. */
function toMinimums(dtos: CeMinimumDto[]): CeMinimum[] {
  return dtos.map((m) =>
    m.hours !== undefined && m.hours !== null
      ? { categories: [...m.categories], hours: m.hours }
      : { categories: [...m.categories], share: m.share as number },
  );
}

function toAfterLapse(dtos: AfterLapseStepDto[]): AfterLapseStep[] {
  return dtos.map((step) => ({ state: step.state.trim(), days: step.days }));
}

/** credentials.md's states for a body the product knows (letter case ignored), else none. */
function defaultAfterLapse(issuingBody: string): AfterLapseStep[] {
  const key = Object.keys(DEFAULT_AFTER_LAPSE).find(
    (body) => body.toUpperCase() === issuingBody.trim().toUpperCase(),
  );
  return key === undefined ? [] : DEFAULT_AFTER_LAPSE[key].map((step) => ({ ...step }));
}

/** CE rules are addressed by issuing body (one rule per body, letter case ignored). */
@Injectable()
export class CeRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: RequestUser, page: PageQuery): Promise<Page<CeRule>> {
    const [rows, total] = await this.dataSource.getRepository(CeRuleEntity).findAndCount({
      where: { departmentId: user.departmentId },
      order: { issuingBody: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(toCeRule), total };
  }

  async get(user: RequestUser, issuingBody: string): Promise<CeRule> {
    return toCeRule(await this.find(this.dataSource.manager, user, issuingBody));
  }

  create(user: RequestUser, dto: CreateCeRuleDto): Promise<CeRule> {
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(
        em.create(CeRuleEntity, {
          departmentId: user.departmentId,
          issuingBody: dto.issuingBody.trim(),
          cycleMonths: dto.cycleMonths,
          extraPerAdditional: dto.extraPerAdditional,
          cap: dto.cap ?? null,
          minimums: toMinimums(dto.minimums),
          afterLapse:
            dto.afterLapse !== undefined
              ? toAfterLapse(dto.afterLapse)
              : defaultAfterLapse(dto.issuingBody),
          version: 1,
        }),
      );
      const rule = toCeRule(saved);
      await this.audit.record(em, user, user.departmentId, {
        action: 'create',
        entity: 'ce-rule',
        entityId: saved.id,
        after: rule,
      });
      return rule;
    });
  }

  update(user: RequestUser, issuingBody: string, dto: UpdateCeRuleDto): Promise<CeRule> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, issuingBody, true);
      assertVersion('CE rule', entity.version, dto.version);
      const before = toCeRule(entity);
      if (dto.issuingBody !== undefined) entity.issuingBody = dto.issuingBody.trim();
      if (dto.cycleMonths !== undefined) entity.cycleMonths = dto.cycleMonths;
      if (dto.extraPerAdditional !== undefined) entity.extraPerAdditional = dto.extraPerAdditional;
      if (dto.cap !== undefined) entity.cap = dto.cap;
      if (dto.minimums !== undefined) entity.minimums = toMinimums(dto.minimums);
      if (dto.afterLapse !== undefined) entity.afterLapse = toAfterLapse(dto.afterLapse);
      entity.version += 1;
      const after = toCeRule(await em.save(entity));
      await this.audit.record(em, user, user.departmentId, {
        action: 'update',
        entity: 'ce-rule',
        entityId: entity.id,
        before,
        after,
        note: dto.note,
      });
      return after;
    });
  }

  /** Allowed even while credential types name the body: its credentials then owe no CE (R11). */
  remove(user: RequestUser, issuingBody: string, note?: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, issuingBody, true);
      await em.delete(CeRuleEntity, { id: entity.id });
      await this.audit.record(em, user, user.departmentId, {
        action: 'delete',
        entity: 'ce-rule',
        entityId: entity.id,
        before: toCeRule(entity),
        note,
      });
    });
  }

  private async find(
    em: EntityManager,
    user: RequestUser,
    issuingBody: string,
    lock = false,
  ): Promise<CeRuleEntity> {
    const qb = em
      .createQueryBuilder(CeRuleEntity, 'r')
      .where('r.department_id = :departmentId', { departmentId: user.departmentId })
      .andWhere('upper(r.issuing_body) = upper(:issuingBody)', { issuingBody: issuingBody.trim() });
    if (lock) qb.setLock('pessimistic_write');
    const entity = await qb.getOne();
    if (!entity) throw notFound('CE rule');
    return entity;
  }
}
