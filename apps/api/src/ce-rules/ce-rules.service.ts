import { Injectable } from '@nestjs/common';
import type { AfterLapseStep, CeMinimum, CeRule } from '@him/contracts';
import { DEFAULT_AFTER_LAPSE } from '@him/domain';
import type { EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { CatalogService, type CatalogSpec } from '../common/catalog.service';
import { notFound } from '../common/errors';
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
export class CeRulesService extends CatalogService<
  CeRuleEntity,
  CeRule,
  CreateCeRuleDto,
  UpdateCeRuleDto
> {
  protected readonly spec: CatalogSpec<CeRuleEntity> = {
    entity: CeRuleEntity,
    auditEntity: 'ce-rule',
    what: 'CE rule',
    order: { issuingBody: 'ASC', id: 'ASC' },
  };

  protected toRecords(_em: EntityManager, rows: CeRuleEntity[]): CeRule[] {
    return rows.map(toCeRule);
  }

  protected insert(
    em: EntityManager,
    user: RequestUser,
    dto: CreateCeRuleDto,
  ): Promise<CeRuleEntity> {
    return em.save(
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
  }

  protected change(
    em: EntityManager,
    _user: RequestUser,
    rule: CeRuleEntity,
    dto: UpdateCeRuleDto,
  ): Promise<CeRuleEntity> {
    if (dto.issuingBody !== undefined) rule.issuingBody = dto.issuingBody.trim();
    if (dto.cycleMonths !== undefined) rule.cycleMonths = dto.cycleMonths;
    if (dto.extraPerAdditional !== undefined) rule.extraPerAdditional = dto.extraPerAdditional;
    if (dto.cap !== undefined) rule.cap = dto.cap;
    if (dto.minimums !== undefined) rule.minimums = toMinimums(dto.minimums);
    if (dto.afterLapse !== undefined) rule.afterLapse = toAfterLapse(dto.afterLapse);
    return this.nextVersion(em, rule);
  }

  /** A rule may go even while credential types name its body: their credentials then owe no CE (R11). */
  protected async inUse(): Promise<string | undefined> {
    return undefined;
  }

  protected override async find(
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
