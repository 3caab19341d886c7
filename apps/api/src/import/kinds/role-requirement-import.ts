import { ConflictException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ImportFieldChange, Requirement, Role } from '@him/contracts';
import { levelName } from '@him/domain';
import {
  CredentialRequirementDto,
  MAX_REQUIREMENTS,
  SkillRequirementDto,
} from '../../roles/requirements';
import { insertRows } from '../batch-sql';
import {
  byLowerName,
  change,
  duplicateOf,
  knownNames,
  type ApplyContext,
  type ImportContext,
  type ImportHandler,
  type ImportPlan,
  type PlannedChange,
} from '../import-kind';
import type { ImportRow } from '../import-row';
import { levelOf } from './assessment-import';
import { CREDENTIAL_CODE_ALIASES } from './credential-import';

interface RoleRef {
  id: string;
  name: string;
  description: string | null;
  version: number;
}

/** A requirement row of a role as stored (`anyOf` sorted by type code, as the API serves it). */
interface StoredRequirement {
  id: string;
  roleId: string;
  position: number;
  requirement: Requirement;
}

interface RoleState {
  role: RoleRef;
  before: StoredRequirement[];
  /** the role's requirements once the file's rows are applied, in order */
  after: StoredRequirement[];
  /** lines of the file that change this role */
  lines: number[];
}

interface RequirementPayload {
  roleId: string;
  /** the stored requirement row this row updates, or the new one it creates */
  after: StoredRequirement;
  before: StoredRequirement | null;
  /** every state of the import, shared by the rows: apply writes each role once */
  roles: Map<string, RoleState>;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0']);

/**
 * Role requirements (R6), one per row: a skill at a level, or a credential "any of" some types,
 * optionally `verifiedOnly` (R5). A row matches the role's requirement of the same skill, or of
 * the same credential types, and changes its level or its verified-only flag; otherwise it is
 * added after the role's requirements. A requirement the file does not name is kept: an import
 * adds and corrects, it never removes (remove in the role editor). Each row is checked with the
 * DTO classes `PATCH /roles/:id` checks its requirements with; only an admin (catalog:write)
 * may import them, as only an admin may edit a role.
 */
export class RoleRequirementImport implements ImportHandler<RequirementPayload> {
  readonly kind = 'role-requirements' as const;
  readonly example = {
    role: 'Medical Coder (Inpatient)',
    credentialTypes: 'CCS; CPC',
    verifiedOnly: 'yes',
  };

  async plan(ctx: ImportContext, rows: ImportRow[]): Promise<ImportPlan<RequirementPayload>> {
    const dept = ctx.user.departmentId;
    const roles: RoleRef[] = await ctx.em.query(
      `SELECT id, name, description, version FROM job_role WHERE department_id = $1`,
      [dept],
    );
    const skills: { id: string; name: string }[] = await ctx.em.query(
      `SELECT id, name FROM skill WHERE department_id = $1`,
      [dept],
    );
    const types: { id: string; code: string; name: string }[] = await ctx.em.query(
      `SELECT id, code, name FROM credential_type WHERE department_id = $1`,
      [dept],
    );
    const roleByName = byLowerName(roles, (r) => r.name);
    const skillByName = byLowerName(skills, (s) => s.name);
    const skillName = new Map(skills.map((s) => [s.id, s.name]));
    const typeByCode = new Map(types.map((t) => [t.code.trim().toUpperCase(), t]));
    const typeByName = byLowerName(types, (t) => t.name);
    const codeOf = new Map(types.map((t) => [t.id, t.code]));
    const byCode = (a: string, b: string) =>
      (codeOf.get(a) ?? '').toUpperCase().localeCompare((codeOf.get(b) ?? '').toUpperCase()) ||
      (a < b ? -1 : a > b ? 1 : 0);
    const stored = await storedRequirements(
      ctx,
      roles.map((r) => r.id),
    );

    const states = new Map<string, RoleState>();
    const stateOf = (role: RoleRef): RoleState => {
      let state = states.get(role.id);
      if (!state) {
        const before = stored.filter((r) => r.roleId === role.id);
        state = { role, before, after: before.map((r) => ({ ...r })), lines: [] };
        states.set(role.id, state);
      }
      return state;
    };
    const seen = new Map<string, number>();
    const plan: ImportPlan<RequirementPayload> = { changes: [], errors: [] };

    for (const row of rows) {
      const roleText = row.required('role');
      const role = roleText === undefined ? undefined : roleByName.get(roleText.toLowerCase());
      if (roleText !== undefined && !role) {
        row.fail(
          'role',
          `no role named "${roleText}"${knownNames(
            roles.map((r) => r.name),
            'roles',
          )}`,
        );
      }
      const skillText = row.text('skill');
      const typeTexts = row.list('credentialTypes');
      const verifiedText = row.text('verifiedOnly')?.toLowerCase();
      let requirement: Requirement | undefined;

      if (skillText !== undefined && typeTexts !== undefined) {
        row.fail(
          'credentialTypes',
          `a row is one requirement: a ${row.field('skill')} or ${row.field('credentialTypes')}, not both`,
        );
      } else if (skillText === undefined && typeTexts === undefined) {
        row.fail(
          row.has('skill') ? 'skill' : 'credentialTypes',
          `give a ${row.field('skill')} (with a ${row.field('level')}) or ${row.field('credentialTypes')}`,
        );
      } else if (skillText !== undefined) {
        const skill = skillByName.get(skillText.toLowerCase());
        if (!skill) {
          row.fail(
            'skill',
            `no skill named "${skillText}"${knownNames(
              skills.map((s) => s.name),
              'skills',
            )}`,
          );
        }
        const level = row.has('level')
          ? levelOf(row)
          : row.fail('level', 'is required with a skill');
        if (verifiedText !== undefined && !NO.has(verifiedText)) {
          row.fail('verifiedOnly', `applies to credential requirements only, not to a skill`);
        }
        const dto = row.validate(
          SkillRequirementDto,
          { kind: 'skill', skillId: skill?.id, minLevel: level },
          { skillId: 'skill', minLevel: 'level' },
        );
        if (skill && typeof dto.minLevel === 'number' && !row.failed('level')) {
          requirement = { kind: 'skill', skillId: skill.id, minLevel: dto.minLevel };
        }
      } else if (typeTexts !== undefined) {
        const ids: string[] = [];
        for (const text of typeTexts) {
          const type =
            typeByCode.get(text.toUpperCase()) ??
            typeByName.get(text.toLowerCase()) ??
            typeByCode.get(CREDENTIAL_CODE_ALIASES[text.toUpperCase()] ?? '');
          if (!type) {
            row.fail(
              'credentialTypes',
              `no credential type with code or name "${text}"${knownNames(
                types.map((t) => t.code),
                'codes',
              )}`,
            );
          } else if (ids.includes(type.id)) {
            row.fail('credentialTypes', `names ${type.code} twice`);
          } else {
            ids.push(type.id);
          }
        }
        let verifiedOnly: boolean | undefined;
        if (verifiedText === undefined || NO.has(verifiedText)) verifiedOnly = false;
        else if (YES.has(verifiedText)) verifiedOnly = true;
        else
          row.fail(
            'verifiedOnly',
            `must be yes or no (got "${row.text('verifiedOnly')}"); empty means no`,
          );
        row.validate(
          CredentialRequirementDto,
          { kind: 'credential', anyOf: ids, verifiedOnly },
          { anyOf: 'credentialTypes', verifiedOnly: 'verifiedOnly' },
        );
        if (ids.length > 0 && verifiedOnly !== undefined && !row.failed('credentialTypes')) {
          const anyOf = [...ids].sort(byCode);
          requirement = verifiedOnly
            ? { kind: 'credential', anyOf, verifiedOnly: true }
            : { kind: 'credential', anyOf };
        }
      }

      const match = role && requirement ? matchKey(requirement) : undefined;
      if (role && match) {
        duplicateOf(
          row,
          seen,
          `${role.id}|${match}`,
          requirement?.kind === 'skill' ? 'skill' : 'credentialTypes',
          `a requirement of ${role.name} for ${
            requirement?.kind === 'skill'
              ? (skillName.get(requirement.skillId) ?? 'this skill')
              : 'these credential types'
          }`,
        );
      }
      if (!row.ok || !role || !requirement) {
        plan.errors.push(...row.errors());
        continue;
      }

      const state = stateOf(role);
      const existing = state.after.find((r) => matchKey(r.requirement) === match);
      const label = `${role.name}: ${
        requirement.kind === 'skill'
          ? `${skillName.get(requirement.skillId)} at ${requirement.minLevel}`
          : `${requirement.anyOf.map((id) => codeOf.get(id)).join(' or ')}`
      }`;
      const changes: ImportFieldChange[] = [];
      let after: StoredRequirement;
      if (existing) {
        const old = existing.requirement;
        if (old.kind === 'skill' && requirement.kind === 'skill') {
          change(changes, 'Level', String(old.minLevel), String(requirement.minLevel));
        } else if (old.kind === 'credential' && requirement.kind === 'credential') {
          change(
            changes,
            'Verified only',
            yesNo(old.verifiedOnly),
            yesNo(requirement.verifiedOnly),
          );
        }
        existing.requirement = requirement;
        after = existing;
      } else {
        if (state.after.length >= MAX_REQUIREMENTS) {
          row.fail('role', `${role.name} would have more than ${MAX_REQUIREMENTS} requirements`);
          plan.errors.push(...row.errors());
          continue;
        }
        const position = Math.max(-1, ...state.after.map((r) => r.position)) + 1;
        after = { id: randomUUID(), roleId: role.id, position, requirement };
        state.after.push(after);
      }
      const before = existing ? (state.before.find((r) => r.id === existing.id) ?? null) : null;
      const action = !existing ? 'create' : changes.length > 0 ? 'update' : 'unchanged';
      if (action !== 'unchanged') state.lines.push(row.line);
      plan.changes.push({
        line: row.line,
        action,
        key: label,
        values: {
          Role: role.name,
          Skill: requirement.kind === 'skill' ? (skillName.get(requirement.skillId) ?? null) : null,
          Level:
            requirement.kind === 'skill'
              ? `${requirement.minLevel} (${levelName(requirement.minLevel)})`
              : null,
          'Credential types (any of)':
            requirement.kind === 'credential'
              ? requirement.anyOf.map((id) => codeOf.get(id)).join('; ')
              : null,
          'Verified only':
            requirement.kind === 'credential' ? yesNo(requirement.verifiedOnly) : null,
        },
        changes,
        payload: { roleId: role.id, after, before, roles: states },
      });
    }
    return plan;
  }

  async apply(ctx: ApplyContext, changes: PlannedChange<RequirementPayload>[]): Promise<void> {
    if (changes.length === 0) return;
    const states = changes[0].payload.roles;
    const touched = [...new Set(changes.map((c) => c.payload.roleId))].map(
      (id) => states.get(id) as RoleState,
    );

    // The role's version guards the whole role, as PATCH /roles/:id does.
    for (const state of touched) {
      const [rows] = (await ctx.em.query(
        `UPDATE job_role SET version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
        [state.role.id, state.role.version],
      )) as [unknown[], number];
      if (rows.length !== 1) {
        throw new ConflictException(
          `the role ${state.role.name} was changed by someone else while it was imported; nothing was imported, run the import again`,
        );
      }
    }

    const updates = changes.filter((c) => c.action === 'update');
    for (const { payload } of updates) {
      const r = payload.after.requirement;
      await ctx.em.query(
        `UPDATE requirement SET min_level = $2, verified_only = $3 WHERE id = $1`,
        [
          payload.after.id,
          r.kind === 'skill' ? r.minLevel : null,
          r.kind === 'credential' && r.verifiedOnly === true,
        ],
      );
    }
    const creates = changes.filter((c) => c.action === 'create');
    await insertRows(
      ctx.em,
      'requirement',
      [
        'id::uuid',
        'department_id::uuid',
        'role_id::uuid',
        'position::int',
        'kind::text',
        'skill_id::uuid',
        'min_level::smallint',
        'verified_only::boolean',
      ],
      creates.map(({ payload: { after } }) => {
        const r = after.requirement;
        return [
          after.id,
          ctx.user.departmentId,
          after.roleId,
          after.position,
          r.kind,
          r.kind === 'skill' ? r.skillId : null,
          r.kind === 'skill' ? r.minLevel : null,
          r.kind === 'credential' && r.verifiedOnly === true,
        ];
      }),
    );
    await insertRows(
      ctx.em,
      'requirement_credential_type',
      ['requirement_id::uuid', 'credential_type_id::uuid'],
      creates.flatMap(({ payload: { after } }) =>
        after.requirement.kind === 'credential'
          ? after.requirement.anyOf.map((typeId) => [after.id, typeId])
          : [],
      ),
    );

    // One audit event per role, with the before and after images PATCH /roles/:id records.
    for (const state of touched) {
      const image = (requirements: StoredRequirement[], version: number): Role => ({
        id: state.role.id,
        name: state.role.name,
        description: state.role.description,
        requirements: [...requirements]
          .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))
          .map((r) => r.requirement),
        version,
      });
      ctx.audit.add({
        action: 'update',
        entity: 'role',
        entityId: state.role.id,
        before: image(state.before, state.role.version),
        after: image(state.after, state.role.version + 1),
        note: `import ${ctx.importId}: ${ctx.fileName}, line${state.lines.length === 1 ? '' : 's'} ${state.lines.join(', ')}`,
      });
    }
  }
}

/** What a row matches among a role's requirements: the same skill, or the same credential types. */
function matchKey(requirement: Requirement): string {
  return requirement.kind === 'skill'
    ? `skill:${requirement.skillId}`
    : `credential:${[...requirement.anyOf].sort().join(',')}`;
}

function yesNo(value: boolean | undefined): string {
  return value === true ? 'yes' : 'no';
}

/** The requirement rows of the department's roles, in position order, anyOf sorted by code. */
async function storedRequirements(
  ctx: ImportContext,
  roleIds: string[],
): Promise<StoredRequirement[]> {
  if (roleIds.length === 0) return [];
  const rows: {
    id: string;
    role_id: string;
    position: number;
    kind: 'skill' | 'credential';
    skill_id: string | null;
    min_level: number | null;
    verified_only: boolean;
    any_of: string[];
  }[] = await ctx.em.query(
    `SELECT r.id, r.role_id, r.position, r.kind, r.skill_id, r.min_level, r.verified_only,
            COALESCE(array_agg(rct.credential_type_id::text ORDER BY upper(ct.code), ct.id)
                       FILTER (WHERE rct.credential_type_id IS NOT NULL), '{}') AS any_of
       FROM requirement r
       LEFT JOIN requirement_credential_type rct ON rct.requirement_id = r.id
       LEFT JOIN credential_type ct ON ct.id = rct.credential_type_id
      WHERE r.role_id = ANY($1::uuid[])
      GROUP BY r.id
      ORDER BY r.position, r.id`,
    [roleIds],
  );
  return rows.map((row) => ({
    id: row.id,
    roleId: row.role_id,
    position: row.position,
    requirement:
      row.kind === 'skill'
        ? { kind: 'skill', skillId: row.skill_id as string, minLevel: Number(row.min_level) }
        : row.verified_only
          ? { kind: 'credential', anyOf: row.any_of, verifiedOnly: true }
          : { kind: 'credential', anyOf: row.any_of },
  }));
}
