import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, Skill } from '@him/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/errors';
import { findInDepartment } from '../common/find-in-department';
import type { PageQuery } from '../common/pagination';
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
export class SkillsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: RequestUser, page: PageQuery): Promise<Page<Skill>> {
    const [rows, total] = await this.dataSource.getRepository(SkillEntity).findAndCount({
      where: { departmentId: user.departmentId },
      order: { name: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: rows.map(toSkill), total };
  }

  async get(user: RequestUser, id: string): Promise<Skill> {
    return toSkill(await this.find(this.dataSource.manager, user, id));
  }

  create(user: RequestUser, dto: CreateSkillDto): Promise<Skill> {
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(
        em.create(SkillEntity, {
          departmentId: user.departmentId,
          name: dto.name.trim(),
          category: dto.category,
          description: dto.description ?? null,
          reassessMonths: dto.reassessMonths ?? null,
          version: 1,
        }),
      );
      const skill = toSkill(saved);
      await this.audit.record(em, user, user.departmentId, {
        action: 'create',
        entity: 'skill',
        entityId: skill.id,
        after: skill,
      });
      return skill;
    });
  }

  update(user: RequestUser, id: string, dto: UpdateSkillDto): Promise<Skill> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      assertVersion('skill', entity.version, dto.version);
      const before = toSkill(entity);
      if (dto.name !== undefined) entity.name = dto.name.trim();
      if (dto.category !== undefined) entity.category = dto.category;
      if (dto.description !== undefined) entity.description = dto.description;
      if (dto.reassessMonths !== undefined) entity.reassessMonths = dto.reassessMonths;
      entity.version += 1;
      const after = toSkill(await em.save(entity));
      await this.audit.record(em, user, user.departmentId, {
        action: 'update',
        entity: 'skill',
        entityId: id,
        before,
        after,
        note: dto.note,
      });
      return after;
    });
  }

  remove(user: RequestUser, id: string, note?: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      const [{ uses }] = await em.query(
        `SELECT (SELECT count(*) FROM requirement WHERE skill_id = $1)
              + (SELECT count(*) FROM credential_type_skill WHERE skill_id = $1)
              + (SELECT count(*) FROM assessment WHERE skill_id = $1) AS uses`,
        [id],
      );
      if (Number(uses) > 0) {
        throw new ConflictException(
          'the skill is in use by requirements, credential types or assessments',
        );
      }
      await em.delete(SkillEntity, { id });
      await this.audit.record(em, user, user.departmentId, {
        action: 'delete',
        entity: 'skill',
        entityId: id,
        before: toSkill(entity),
        note,
      });
    });
  }

  private find(
    em: EntityManager,
    user: RequestUser,
    id: string,
    lock = false,
  ): Promise<SkillEntity> {
    return findInDepartment(em, SkillEntity, user.departmentId, id, 'skill', lock);
  }
}
