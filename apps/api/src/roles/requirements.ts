import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { Requirement } from '@him/contracts';
import { requirementKey } from '@him/domain';
import { plainToInstance, Transform } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IsOptionalNotNull } from '../common/dto-fields';
import { RequirementCredentialTypeEntity, RequirementEntity } from './requirement.entity';

/**
 * The one place that knows how a `Requirement` (API.md) is validated, checked against the
 * department's catalog, written to the `requirement` tables and read back. Roles use it
 * for their requirements, teams for their coverage targets.
 */

export const REQUIREMENT_KINDS = ['skill', 'credential'] as const;

/** Enough for any real role or team; keeps a single request from writing thousands of rows. */
export const MAX_REQUIREMENTS = 100;

export class SkillRequirementDto {
  @ApiProperty({ enum: ['skill'] })
  @IsIn(['skill'])
  kind!: 'skill';

  @ApiProperty({ format: 'uuid', description: 'a skill of the department' })
  @IsUUID()
  skillId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 4,
    description: 'proficiency needed: 0 none .. 4 expert',
  })
  @IsInt()
  @Min(0)
  @Max(4)
  minLevel!: number;
}

export class CredentialRequirementDto {
  @ApiProperty({ enum: ['credential'] })
  @IsIn(['credential'])
  kind!: 'credential';

  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
    description:
      'credential types of the department; a current credential of any one meets the requirement',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: '$property must not name a credential type twice' })
  @IsUUID(undefined, { each: true })
  anyOf!: string[];

  @ApiPropertyOptional({
    default: false,
    description:
      'only a current credential with a verification recorded on or before the day meets it, whatever the department setting (the job description requires primary-source verification)',
  })
  @IsOptionalNotNull()
  @IsBoolean()
  verifiedOnly?: boolean;
}

export type RequirementDto = SkillRequirementDto | CredentialRequirementDto;

/** What an element with a missing or unknown `kind` becomes: only `kind` is reported. */
class UnknownKindRequirementDto {
  @IsIn(REQUIREMENT_KINDS, { message: `$property must be one of: ${REQUIREMENT_KINDS.join(', ')}` })
  kind!: unknown;

  @Allow() skillId?: unknown;
  @Allow() minLevel?: unknown;
  @Allow() anyOf?: unknown;
  @Allow() verifiedOnly?: unknown;
}

/**
 * Picks the DTO class by `kind`, so each kind is validated (and whitelisted) on its own: a
 * skill requirement carrying `anyOf` is refused, and so is a credential one with `skillId`.
 * (class-transformer's own discriminator throws on a `null` array element: a 500.)
 */
function toRequirementDto(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'skill') return plainToInstance(SkillRequirementDto, value);
  if (kind === 'credential') return plainToInstance(CredentialRequirementDto, value);
  return plainToInstance(UnknownKindRequirementDto, value);
}

const REQUIREMENT_SCHEMA = {
  oneOf: [
    { $ref: getSchemaPath(SkillRequirementDto) },
    { $ref: getSchemaPath(CredentialRequirementDto) },
  ],
  discriminator: {
    propertyName: 'kind',
    mapping: {
      skill: getSchemaPath(SkillRequirementDto),
      credential: getSchemaPath(CredentialRequirementDto),
    },
  },
};

/** Models to register with `@ApiExtraModels(...)` where a requirement is documented. */
export const REQUIREMENT_MODELS = [SkillRequirementDto, CredentialRequirementDto];

/** A body field holding one `Requirement`. */
export function IsRequirement(): PropertyDecorator {
  return applyDecorators(
    ApiProperty(REQUIREMENT_SCHEMA),
    Transform(({ value }) => toRequirementDto(value)),
    IsDefined(),
    ValidateNested(),
  );
}

/** A body field holding a list of `Requirement`s. */
export function IsRequirementList(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'array', items: REQUIREMENT_SCHEMA, maxItems: MAX_REQUIREMENTS }),
    Transform(({ value }) => (Array.isArray(value) ? value.map(toRequirementDto) : value)),
    IsArray(),
    ArrayMaxSize(MAX_REQUIREMENTS),
    ValidateNested({ each: true }),
  );
}

/** A requirement as sent, with the body path it came from (`requirements.2`). */
export interface RequirementAt {
  path: string;
  requirement: RequirementDto;
}

/**
 * What is wrong with validated requirements in the context of the department: repeats
 * of the same requirement (by the domain's requirementKey) and skills or credential types
 * that are not the department's. One line per problem, naming its path. The referenced
 * rows are locked FOR SHARE so that they cannot be deleted before the transaction commits.
 */
export async function requirementProblems(
  em: EntityManager,
  departmentId: string,
  items: RequirementAt[],
): Promise<string[]> {
  const problems: string[] = [];
  const firstPathByKey = new Map<string, string>();
  for (const { path, requirement } of items) {
    const key = requirementKey(requirement);
    const first = firstPathByKey.get(key);
    if (first !== undefined) problems.push(`${path}: the same requirement as ${first}`);
    else firstPathByKey.set(key, path);
  }

  const skillIds = items.flatMap(({ requirement: r }) => (r.kind === 'skill' ? [r.skillId] : []));
  const typeIds = items.flatMap(({ requirement: r }) => (r.kind === 'credential' ? r.anyOf : []));
  const skills = await existingIds(em, 'skill', departmentId, skillIds);
  const types = await existingIds(em, 'credential_type', departmentId, typeIds);
  for (const { path, requirement: r } of items) {
    if (r.kind === 'skill') {
      if (!skills.has(r.skillId))
        problems.push(`${path}.skillId: no skill with this id in the department`);
    } else {
      r.anyOf.forEach((typeId, i) => {
        if (!types.has(typeId))
          problems.push(`${path}.anyOf.${i}: no credential type with this id in the department`);
      });
    }
  }
  return problems;
}

async function existingIds(
  em: EntityManager,
  table: 'skill' | 'credential_type',
  departmentId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await em.query(
    `SELECT id FROM ${table} WHERE department_id = $1 AND id = ANY($2::uuid[]) FOR SHARE`,
    [departmentId, [...new Set(ids)]],
  );
  return new Set(rows.map((r) => r.id));
}

/** Whose requirements: a role's (its requirements) or a team's (its coverage targets). */
export type RequirementOwner = { roleId: string } | { teamId: string };

export interface RequirementRow {
  requirement: Requirement;
  /** coverage targets only */
  minHolders?: number;
}

/** Replaces the owner's requirement rows wholesale; `position` keeps the order given. */
export async function replaceRequirements(
  em: EntityManager,
  departmentId: string,
  owner: RequirementOwner,
  rows: RequirementRow[],
): Promise<void> {
  const roleId = 'roleId' in owner ? owner.roleId : null;
  const teamId = 'teamId' in owner ? owner.teamId : null;
  // requirement_credential_type rows go with their requirement (ON DELETE CASCADE).
  await em.delete(RequirementEntity, roleId ? { roleId } : { teamId: teamId as string });
  if (rows.length === 0) return;
  const links: { requirementId: string; credentialTypeId: string }[] = [];
  const entities = rows.map(({ requirement: r, minHolders }, position) => {
    const id = randomUUID();
    if (r.kind === 'credential')
      for (const credentialTypeId of r.anyOf) links.push({ requirementId: id, credentialTypeId });
    return {
      id,
      departmentId,
      roleId,
      teamId,
      position,
      kind: r.kind,
      skillId: r.kind === 'skill' ? r.skillId : null,
      minLevel: r.kind === 'skill' ? r.minLevel : null,
      verifiedOnly: r.kind === 'credential' && r.verifiedOnly === true,
      minHolders: teamId ? (minHolders ?? null) : null,
    };
  });
  await em.insert(RequirementEntity, entities);
  if (links.length > 0) await em.insert(RequirementCredentialTypeEntity, links);
}

/**
 * The requirement rows of many roles or teams in one query, by owner id, in `position`
 * order. The schema keeps no order within `anyOf`, so it is given sorted by type code.
 */
export async function loadRequirements(
  em: EntityManager,
  ownerColumn: 'role_id' | 'team_id',
  ownerIds: string[],
): Promise<Map<string, RequirementRow[]>> {
  const byOwner = new Map<string, RequirementRow[]>(ownerIds.map((id) => [id, []]));
  if (ownerIds.length === 0) return byOwner;
  const rows: {
    owner_id: string;
    kind: 'skill' | 'credential';
    skill_id: string | null;
    min_level: number | null;
    min_holders: number | null;
    verified_only: boolean;
    any_of: string[];
  }[] = await em.query(
    `SELECT r.${ownerColumn} AS owner_id, r.kind, r.skill_id, r.min_level, r.min_holders, r.verified_only,
            COALESCE(array_agg(rct.credential_type_id::text ORDER BY upper(ct.code), ct.id)
                       FILTER (WHERE rct.credential_type_id IS NOT NULL), '{}') AS any_of
       FROM requirement r
       LEFT JOIN requirement_credential_type rct ON rct.requirement_id = r.id
       LEFT JOIN credential_type ct ON ct.id = rct.credential_type_id
      WHERE r.${ownerColumn} = ANY($1::uuid[])
      GROUP BY r.id
      ORDER BY r.position, r.id`,
    [ownerIds],
  );
  for (const row of rows) {
    const requirement: Requirement =
      row.kind === 'skill'
        ? { kind: 'skill', skillId: row.skill_id as string, minLevel: Number(row.min_level) }
        : row.verified_only
          ? { kind: 'credential', anyOf: row.any_of, verifiedOnly: true }
          : { kind: 'credential', anyOf: row.any_of };
    byOwner
      .get(row.owner_id)
      ?.push(
        row.min_holders === null ? { requirement } : { requirement, minHolders: row.min_holders },
      );
  }
  return byOwner;
}
