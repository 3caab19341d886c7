import { BadRequestException, Injectable } from '@nestjs/common';
import type { Role } from '@him/contracts';
import { countText } from '@him/domain';
import type { EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { CatalogService, type CatalogSpec } from '../common/catalog.service';
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
export class RolesService extends CatalogService<RoleEntity, Role, CreateRoleDto, UpdateRoleDto> {
  protected readonly spec: CatalogSpec<RoleEntity> = {
    entity: RoleEntity,
    auditEntity: 'role',
    what: 'role',
    order: { name: 'ASC', id: 'ASC' },
  };

  protected async toRecords(em: EntityManager, rows: RoleEntity[]): Promise<Role[]> {
    const requirements = await loadRequirements(
      em,
      'role_id',
      rows.map((r) => r.id),
    );
    return rows.map((r) => toRole(r, requirements.get(r.id) ?? []));
  }

  protected async insert(
    em: EntityManager,
    user: RequestUser,
    dto: CreateRoleDto,
  ): Promise<RoleEntity> {
    await this.assertRequirements(em, user, dto.requirements);
    const saved = await em.save(
      em.create(RoleEntity, {
        departmentId: user.departmentId,
        name: dto.name.trim(),
        description: dto.description ?? null,
        version: 1,
      }),
    );
    await this.replaceRequirements(em, user, saved, dto.requirements);
    return saved;
  }

  protected async change(
    em: EntityManager,
    user: RequestUser,
    role: RoleEntity,
    dto: UpdateRoleDto,
  ): Promise<RoleEntity> {
    if (dto.requirements !== undefined) await this.assertRequirements(em, user, dto.requirements);
    if (dto.name !== undefined) role.name = dto.name.trim();
    if (dto.description !== undefined) role.description = dto.description;
    await this.nextVersion(em, role);
    if (dto.requirements !== undefined)
      await this.replaceRequirements(em, user, role, dto.requirements);
    return role;
  }

  protected async inUse(em: EntityManager, role: RoleEntity): Promise<string | undefined> {
    const [{ holders }] = await em.query(
      `SELECT count(*)::int AS holders FROM staff WHERE role_id = $1`,
      [role.id],
    );
    return holders > 0
      ? `the role is held by ${countText(holders, 'staff member')} (terminated ones included); move them to another role first`
      : undefined;
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

  private replaceRequirements(
    em: EntityManager,
    user: RequestUser,
    role: RoleEntity,
    requirements: RequirementDto[],
  ): Promise<void> {
    return replaceRequirements(
      em,
      user.departmentId,
      { roleId: role.id },
      requirements.map((requirement) => ({ requirement })),
    );
  }
}
