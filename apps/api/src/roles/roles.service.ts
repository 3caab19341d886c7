import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, Role } from '@him/contracts';
import { countText } from '@him/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/errors';
import { findInDepartment } from '../common/find-in-department';
import type { PageQuery } from '../common/pagination';
import { RoleEntity } from './role.entity';
import type { CreateRoleDto, UpdateRoleDto } from './role.dto';
import {
  loadRequirements,
  replaceRequirements,
  requirementProblems,
  type RequirementDto,
  type RequirementRow,
} from './requirements';

export function toRole(e: RoleEntity, requirements: RequirementRow[]): Role {
  return {
    id: e.id,
    name: e.name,
    description: e.description,
    requirements: requirements.map((r) => r.requirement),
    version: e.version,
  };
}

@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: RequestUser, page: PageQuery): Promise<Page<Role>> {
    const [rows, total] = await this.dataSource.getRepository(RoleEntity).findAndCount({
      where: { departmentId: user.departmentId },
      order: { name: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    const requirements = await loadRequirements(
      this.dataSource.manager,
      'role_id',
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toRole(r, requirements.get(r.id) ?? [])), total };
  }

  async get(user: RequestUser, id: string): Promise<Role> {
    return this.read(this.dataSource.manager, await this.find(this.dataSource.manager, user, id));
  }

  create(user: RequestUser, dto: CreateRoleDto): Promise<Role> {
    return this.dataSource.transaction(async (em) => {
      await this.assertRequirements(em, user, dto.requirements);
      const saved = await em.save(
        em.create(RoleEntity, {
          departmentId: user.departmentId,
          name: dto.name.trim(),
          description: dto.description ?? null,
          version: 1,
        }),
      );
      await replaceRequirements(
        em,
        user.departmentId,
        { roleId: saved.id },
        dto.requirements.map((requirement) => ({ requirement })),
      );
      const role = await this.read(em, saved);
      await this.audit.record(em, user, user.departmentId, {
        action: 'create',
        entity: 'role',
        entityId: role.id,
        after: role,
      });
      return role;
    });
  }

  update(user: RequestUser, id: string, dto: UpdateRoleDto): Promise<Role> {
    return this.dataSource.transaction(async (em) => {
      const entity = await this.find(em, user, id, true);
      assertVersion('role', entity.version, dto.version);
      if (dto.requirements !== undefined) await this.assertRequirements(em, user, dto.requirements);
      const before = await this.read(em, entity);
      if (dto.name !== undefined) entity.name = dto.name.trim();
      if (dto.description !== undefined) entity.description = dto.description;
      entity.version += 1;
      await em.save(entity);
      if (dto.requirements !== undefined) {
        await replaceRequirements(
          em,
          user.departmentId,
          { roleId: id },
          dto.requirements.map((requirement) => ({ requirement })),
        );
      }
      const after = await this.read(em, entity);
      await this.audit.record(em, user, user.departmentId, {
        action: 'update',
        entity: 'role',
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
      const [{ holders }] = await em.query(
        `SELECT count(*)::int AS holders FROM staff WHERE role_id = $1`,
        [id],
      );
      if (holders > 0) {
        throw new ConflictException(
          `the role is held by ${countText(holders, 'staff member')} (terminated ones included); move them to another role first`,
        );
      }
      const before = await this.read(em, entity);
      // The role's requirement rows go with it (ON DELETE CASCADE).
      await em.delete(RoleEntity, { id });
      await this.audit.record(em, user, user.departmentId, {
        action: 'delete',
        entity: 'role',
        entityId: id,
        before,
        note,
      });
    });
  }

  private async assertRequirements(
    em: EntityManager,
    user: RequestUser,
    requirements: RequirementDto[],
  ): Promise<void> {
    const problems = await requirementProblems(
      em,
      user.departmentId,
      requirements.map((requirement, i) => ({ path: `requirements.${i}`, requirement })),
    );
    if (problems.length > 0) throw new BadRequestException(problems);
  }

  private async read(em: EntityManager, entity: RoleEntity): Promise<Role> {
    const requirements = await loadRequirements(em, 'role_id', [entity.id]);
    return toRole(entity, requirements.get(entity.id) ?? []);
  }

  private find(
    em: EntityManager,
    user: RequestUser,
    id: string,
    lock = false,
  ): Promise<RoleEntity> {
    return findInDepartment(em, RoleEntity, user.departmentId, id, 'role', lock);
  }
}
