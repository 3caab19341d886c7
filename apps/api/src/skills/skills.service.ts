import { Injectable } from '@nestjs/common';
import type { Skill } from '@him/contracts';
import type { EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { CatalogService, type CatalogSpec } from '../common/catalog.service';
import { SkillEntity } from './skill.entity';
import type { CreateSkillDto, UpdateSkillDto } from './skill.dto';

export function toSkill(e: SkillEntity): Skill {
  return {
    id: e.id,
    name: e.name,
    category: e.category,
    description: e.description,
    reassessMonths: e.reassessMonths ?? null,
    version: e.version,
  };
}

@Injectable()
export class SkillsService extends CatalogService<
  SkillEntity,
  Skill,
  CreateSkillDto,
  UpdateSkillDto
> {
  protected readonly spec: CatalogSpec<SkillEntity> = {
    entity: SkillEntity,
    auditEntity: 'skill',
    what: 'skill',
    order: { name: 'ASC' },
  };

  protected toRecords(_em: EntityManager, rows: SkillEntity[]): Skill[] {
    return rows.map(toSkill);
  }

  protected insert(
    em: EntityManager,
    user: RequestUser,
    dto: CreateSkillDto,
  ): Promise<SkillEntity> {
    return em.save(
      em.create(SkillEntity, {
        departmentId: user.departmentId,
        name: dto.name.trim(),
        category: dto.category,
        description: dto.description ?? null,
        reassessMonths: dto.reassessMonths ?? null,
        version: 1,
      }),
    );
  }

  protected change(
    em: EntityManager,
    _user: RequestUser,
    skill: SkillEntity,
    dto: UpdateSkillDto,
  ): Promise<SkillEntity> {
    if (dto.name !== undefined) skill.name = dto.name.trim();
    if (dto.category !== undefined) skill.category = dto.category;
    if (dto.description !== undefined) skill.description = dto.description;
    if (dto.reassessMonths !== undefined) skill.reassessMonths = dto.reassessMonths;
    return this.nextVersion(em, skill);
  }

  protected async inUse(em: EntityManager, skill: SkillEntity): Promise<string | undefined> {
    const [{ uses }] = await em.query(
      `SELECT (SELECT count(*) FROM requirement WHERE skill_id = $1)
            + (SELECT count(*) FROM credential_type_skill WHERE skill_id = $1)
            + (SELECT count(*) FROM assessment WHERE skill_id = $1) AS uses`,
      [skill.id],
    );
    return Number(uses) > 0
      ? 'the skill is in use by requirements, credential types or assessments'
      : undefined;
  }
}
