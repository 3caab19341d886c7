import { BadRequestException, Injectable } from '@nestjs/common';
import type { CredentialType } from '@him/contracts';
import { countText } from '@him/domain';
import type { EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { CatalogService, type CatalogSpec } from '../common/catalog.service';
import {
  CredentialTypeEntity,
  CredentialTypeSkillEntity,
  CredentialTypeSupersessionEntity,
} from './credential-type.entity';
import type {
  CreateCredentialTypeDto,
  SkillLevelDto,
  UpdateCredentialTypeDto,
} from './credential-type.dto';

/** The schema keeps no order for evidenced skills; they are given sorted by skill id. */
export function toCredentialType(e: CredentialTypeEntity): CredentialType {
  return {
    id: e.id,
    code: e.code,
    name: e.name,
    issuingBody: e.issuingBody,
    baseCeus: e.baseCeus,
    evidencesSkills: (e.evidencesSkills ?? [])
      .map((s) => ({ skillId: s.skillId, level: s.level }))
      .sort((a, b) => a.skillId.localeCompare(b.skillId)),
    supersedes: (e.supersessions ?? []).map((s) => s.supersededTypeId).sort(),
    version: e.version,
  };
}

@Injectable()
export class CredentialTypesService extends CatalogService<
  CredentialTypeEntity,
  CredentialType,
  CreateCredentialTypeDto,
  UpdateCredentialTypeDto
> {
  protected readonly spec: CatalogSpec<CredentialTypeEntity> = {
    entity: CredentialTypeEntity,
    auditEntity: 'credential-type',
    what: 'credential type',
    order: { code: 'ASC', id: 'ASC' },
  };

  protected toRecords(_em: EntityManager, rows: CredentialTypeEntity[]): CredentialType[] {
    return rows.map(toCredentialType);
  }

  /** The new type, read back with its evidenced skills and supersessions. */
  protected async insert(
    em: EntityManager,
    user: RequestUser,
    dto: CreateCredentialTypeDto,
  ): Promise<CredentialTypeEntity> {
    await this.assertSkills(em, user, dto.evidencesSkills);
    const saved = await em.save(
      em.create(CredentialTypeEntity, {
        departmentId: user.departmentId,
        code: dto.code.trim(),
        name: dto.name.trim(),
        issuingBody: dto.issuingBody.trim(),
        baseCeus: dto.baseCeus,
        version: 1,
      }),
    );
    await this.replaceSkills(em, saved.id, dto.evidencesSkills);
    if (dto.supersedes !== undefined && dto.supersedes.length > 0) {
      await this.assertSupersedes(em, user, saved.id, dto.supersedes);
      await this.replaceSupersedes(em, saved.id, dto.supersedes);
    }
    return this.find(em, user, saved.id);
  }

  /** The row's columns in one UPDATE, its children replaced; read back with them. */
  protected async change(
    em: EntityManager,
    user: RequestUser,
    type: CredentialTypeEntity,
    dto: UpdateCredentialTypeDto,
  ): Promise<CredentialTypeEntity> {
    const id = type.id;
    if (dto.evidencesSkills !== undefined) await this.assertSkills(em, user, dto.evidencesSkills);
    const changes: Partial<CredentialTypeEntity> = { version: type.version + 1 };
    if (dto.code !== undefined) changes.code = dto.code.trim();
    if (dto.name !== undefined) changes.name = dto.name.trim();
    if (dto.issuingBody !== undefined) changes.issuingBody = dto.issuingBody.trim();
    if (dto.baseCeus !== undefined) changes.baseCeus = dto.baseCeus;
    await em.update(CredentialTypeEntity, { id }, changes);
    if (dto.evidencesSkills !== undefined) await this.replaceSkills(em, id, dto.evidencesSkills);
    if (dto.supersedes !== undefined) {
      await this.assertSupersedes(em, user, id, dto.supersedes);
      await this.replaceSupersedes(em, id, dto.supersedes);
    }
    return this.find(em, user, id);
  }

  protected async inUse(
    em: EntityManager,
    type: CredentialTypeEntity,
  ): Promise<string | undefined> {
    const [uses]: { credentials: number; requirements: number; targets: number }[] = await em.query(
      `SELECT (SELECT count(*) FROM credential WHERE credential_type_id = $1)::int AS credentials,
              (SELECT count(*) FROM requirement_credential_type x JOIN requirement r ON r.id = x.requirement_id
                WHERE x.credential_type_id = $1 AND r.role_id IS NOT NULL)::int AS requirements,
              (SELECT count(*) FROM requirement_credential_type x JOIN requirement r ON r.id = x.requirement_id
                WHERE x.credential_type_id = $1 AND r.team_id IS NOT NULL)::int AS targets`,
      [type.id],
    );
    const inUse = [
      plural(uses.credentials, 'credential'),
      plural(uses.requirements, 'role requirement'),
      plural(uses.targets, 'coverage target'),
    ].filter((s): s is string => s !== null);
    return inUse.length > 0
      ? `the credential type is in use by ${inUse.join(', ')} (revoked credentials included)`
      : undefined;
  }

  /** Every evidenced skill must be a skill of the caller's department (400 naming the path). */
  private async assertSkills(
    em: EntityManager,
    user: RequestUser,
    skills: SkillLevelDto[],
  ): Promise<void> {
    if (skills.length === 0) return;
    // FOR SHARE: a skill referenced here cannot be deleted before this transaction commits.
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM skill WHERE department_id = $1 AND id = ANY($2::uuid[]) FOR SHARE`,
      [user.departmentId, skills.map((s) => s.skillId)],
    );
    const known = new Set(rows.map((r) => r.id));
    const problems = skills.flatMap((s, i) =>
      known.has(s.skillId)
        ? []
        : [`evidencesSkills.${i}.skillId: no skill with this id in the department`],
    );
    if (problems.length > 0) throw new BadRequestException(problems);
  }

  /**
   * R12: the superseded types must be other types of the department, and supersession must not
   * go round (RHIA supersedes RHIT and RHIT supersedes RHIA, or a longer cycle): the rules would
   * drop every type of such a cycle (docs/interpretations.md). 400 naming the path.
   */
  private async assertSupersedes(
    em: EntityManager,
    user: RequestUser,
    typeId: string,
    supersedes: string[],
  ): Promise<void> {
    if (supersedes.length === 0) return;
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM credential_type WHERE department_id = $1 AND id = ANY($2::uuid[]) FOR SHARE`,
      [user.departmentId, supersedes],
    );
    const known = new Set(rows.map((r) => r.id));
    const problems = supersedes.flatMap((id, i) =>
      id === typeId
        ? [`supersedes.${i}: a credential type cannot supersede itself`]
        : known.has(id)
          ? []
          : [`supersedes.${i}: no credential type with this id in the department`],
    );
    if (problems.length > 0) throw new BadRequestException(problems);
    // The department's other supersessions, with this type's replaced by the new list.
    const edges: { from: string; to: string }[] = await em.query(
      `SELECT x.credential_type_id AS "from", x.superseded_type_id AS "to"
         FROM credential_type_supersession x
         JOIN credential_type t ON t.id = x.credential_type_id
        WHERE t.department_id = $1 AND x.credential_type_id <> $2`,
      [user.departmentId, typeId],
    );
    const next = new Map<string, string[]>();
    for (const { from, to } of [...edges, ...supersedes.map((to) => ({ from: typeId, to }))]) {
      next.set(from, [...(next.get(from) ?? []), to]);
    }
    const reachesType = (start: string): boolean => {
      const seen = new Set<string>();
      const stack = [start];
      while (stack.length > 0) {
        const id = stack.pop() as string;
        if (id === typeId) return true;
        if (seen.has(id)) continue;
        seen.add(id);
        stack.push(...(next.get(id) ?? []));
      }
      return false;
    };
    const cycles = supersedes.flatMap((id, i) =>
      reachesType(id)
        ? [
            `supersedes.${i}: that credential type already supersedes this one (directly or through others)`,
          ]
        : [],
    );
    if (cycles.length > 0) throw new BadRequestException(cycles);
  }

  private async replaceSupersedes(
    em: EntityManager,
    credentialTypeId: string,
    supersedes: string[],
  ): Promise<void> {
    await em.delete(CredentialTypeSupersessionEntity, { credentialTypeId });
    if (supersedes.length === 0) return;
    await em.insert(
      CredentialTypeSupersessionEntity,
      supersedes.map((supersededTypeId) => ({ credentialTypeId, supersededTypeId })),
    );
  }

  private async replaceSkills(
    em: EntityManager,
    credentialTypeId: string,
    skills: SkillLevelDto[],
  ): Promise<void> {
    await em.delete(CredentialTypeSkillEntity, { credentialTypeId });
    if (skills.length === 0) return;
    await em.insert(
      CredentialTypeSkillEntity,
      skills.map((s) => ({ credentialTypeId, skillId: s.skillId, level: s.level })),
    );
  }

  /**
   * The type with its evidenced skills. Locking reads the row alone: PostgreSQL refuses
   * FOR UPDATE on the outer join that loads the skills.
   */
  protected override async find(
    em: EntityManager,
    user: RequestUser,
    id: string,
    lock = false,
  ): Promise<CredentialTypeEntity> {
    const entity = await super.find(em, user, id, lock);
    if (lock) {
      entity.evidencesSkills = await em.find(CredentialTypeSkillEntity, {
        where: { credentialTypeId: id },
      });
      entity.supersessions = await em.find(CredentialTypeSupersessionEntity, {
        where: { credentialTypeId: id },
      });
    }
    return entity;
  }
}

function plural(count: number, noun: string): string | null {
  return count === 0 ? null : countText(count, noun);
}
