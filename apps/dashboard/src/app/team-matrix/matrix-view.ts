import type {
  Credential,
  CredentialType,
  IsoDate,
  Role,
  SkillCategory,
  SkillsMatrixResponse,
  StaffStatus,
  Team,
} from '@him/contracts';
import { afterLapseInWords, levelName, sentenceCase, staffStatusLabel } from '@him/domain';
import {
  credentialBadges,
  credentialStatus,
  isCredentialInForce,
} from '../shared/credentials/credential-status';
import {
  categoriesOf,
  filterColumns,
  type GridFilter,
  NO_GRID_FILTER,
} from '../shared/grid-filter/grid-filter';
import type { StatusBadge } from '../shared/status/status-chip';
import { ICON_ERROR } from '../shared/status/status-icons';

export interface MatrixMember {
  staffId: string;
  name: string;
  /** "On leave" for members who are not active, else null */
  statusNote: string | null;
}

export interface SkillCellView {
  skillId: string;
  /** the main text: "3", or "2 / 3 needed" when below the requirement */
  text: string;
  /** a second line: "meets 3", or null */
  detail: string | null;
  below: boolean;
  level: number;
  /** the level's name, for a tooltip-free explanation in the legend and for tests */
  levelName: string;
}

export interface SkillRowView {
  member: MatrixMember;
  cells: SkillCellView[];
}

export interface SkillsGridView {
  /** the skills shown, after the filter */
  skills: { id: string; name: string; category: SkillCategory; required: boolean }[];
  rows: SkillRowView[];
  /** the categories of the skills before the filter, for its select */
  categories: SkillCategory[];
  /** levels below requirement and the members with one, whatever the filter hides */
  belowCount: number;
  membersBelow: number;
}

/** Beside a name: how a member who is not active is (R1); nothing for the active. */
function statusNote(status: StaffStatus): string | null {
  return status === 'active' ? null : staffStatusLabel(status);
}

/**
 * The members x skills grid. A cell with a requirement reads "2 / 3 needed" when below it
 * (and is highlighted) or "3" with "meets 3" when not; other cells show the level alone.
 * With `onlyRequired`, only skills some member's role requires are shown; the filter narrows
 * them further to a category or to skills where some member is below (a gap).
 */
export function skillsGridView(
  matrix: SkillsMatrixResponse,
  onlyRequired: boolean,
  filter: GridFilter = NO_GRID_FILTER,
): SkillsGridView {
  const required = new Set(
    matrix.rows.flatMap((row) =>
      row.cells.filter((cell) => cell.requiredLevel !== null).map((cell) => cell.skillId),
    ),
  );
  const skills = matrix.skills
    .filter((skill) => !onlyRequired || required.has(skill.id))
    .map((skill) => ({
      id: skill.id,
      name: skill.name,
      category: skill.category,
      required: required.has(skill.id),
    }));
  let belowCount = 0;
  let membersBelow = 0;
  const rows = matrix.rows.map((row) => {
    const byId = new Map(row.cells.map((cell) => [cell.skillId, cell]));
    let memberBelow = false;
    const cells = skills.map((skill): SkillCellView => {
      const cell = byId.get(skill.id);
      const level = cell?.level ?? 0;
      const requiredLevel = cell?.requiredLevel ?? null;
      const below = requiredLevel !== null && level < requiredLevel;
      if (below) {
        belowCount += 1;
        memberBelow = true;
      }
      return {
        skillId: skill.id,
        text: below ? `${level} / ${requiredLevel} needed` : String(level),
        detail: requiredLevel !== null && !below ? `meets ${requiredLevel}` : null,
        below,
        level,
        levelName: levelName(level),
      };
    });
    if (memberBelow) {
      membersBelow += 1;
    }
    return {
      member: { staffId: row.staffId, name: row.name, statusNote: statusNote(row.status) },
      cells,
    };
  });
  const withGap = new Set(
    rows.flatMap((row) => row.cells.filter((cell) => cell.below).map((cell) => cell.skillId)),
  );
  const shown = filterColumns(skills, (skillId) => withGap.has(skillId), filter);
  const kept = new Set(shown.map((skill) => skill.id));
  return {
    skills: shown,
    rows: rows.map((row) => ({
      ...row,
      cells: row.cells.filter((cell) => kept.has(cell.skillId)),
    })),
    categories: categoriesOf(skills),
    belowCount,
    membersBelow,
  };
}

export interface CredentialCellView {
  typeId: string;
  badges: StatusBadge[];
  /**
   * Beside an expired credential, where it stands with its issuing body (R18): "Expired —
   * inactive until 2027-05-30, can still be reinstated"; null otherwise
   */
  afterLapse: string | null;
  /** "None" when the member holds no credential of the type */
  empty: boolean;
  /**
   * a gap: the member's role requires the type (alone or as one of "any of") and the member
   * holds none of that requirement in force
   */
  gap: boolean;
}

export interface CredentialRowView {
  member: MatrixMember;
  /** one chip per role requirement ("any of") not met: "CCS or CPC — missing" */
  missing: StatusBadge[];
  cells: CredentialCellView[];
}

export interface CredentialsGridView {
  types: { id: string; code: string; name: string }[];
  rows: CredentialRowView[];
}

/** An either/or requirement reads as one: "CCS or CPC — missing", not a red chip per type. */
function missingGroupBadge(codes: readonly string[]): StatusBadge {
  return { label: `${codes.join(' or ')} — missing`, tone: 'danger', icon: ICON_ERROR };
}
const STATUS_RANK = ['current', 'expiring', 'not-yet-valid', 'expired', 'revoked'];

/**
 * The members x credential types grid: the types anyone in the team holds or any member's
 * role asks for; per cell the chips of the member's best credential of that type; per member
 * one chip for each role requirement ("any of") they do not meet with a credential in force,
 * and each type of such a requirement a gap cell. With `onlyGaps`, only types with a gap.
 */
export function credentialsGridView(
  matrix: SkillsMatrixResponse,
  credentialsByMember: ReadonlyMap<string, Credential[]>,
  types: readonly CredentialType[],
  roles: readonly Role[],
  asOf: IsoDate,
  warningDays: number,
  onlyGaps = false,
): CredentialsGridView {
  const rolesById = new Map(roles.map((role) => [role.id, role]));
  const requiredGroups = (roleId: string) =>
    (rolesById.get(roleId)?.requirements ?? []).flatMap((requirement) =>
      requirement.kind === 'credential' ? [requirement.anyOf] : [],
    );
  const shownTypeIds = new Set<string>();
  for (const row of matrix.rows) {
    for (const credential of credentialsByMember.get(row.staffId) ?? []) {
      shownTypeIds.add(credential.credentialTypeId);
    }
    for (const group of requiredGroups(row.roleId)) {
      group.forEach((typeId) => shownTypeIds.add(typeId));
    }
  }
  const shownTypes = types
    .filter((type) => shownTypeIds.has(type.id))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((type) => ({ id: type.id, code: type.code, name: type.name }));

  const rows = matrix.rows.map((row) => {
    const credentials = credentialsByMember.get(row.staffId) ?? [];
    const inForce = new Set(
      credentials
        .filter((credential) => isCredentialInForce(credential, asOf, warningDays))
        .map((credential) => credential.credentialTypeId),
    );
    const codeOf = new Map(types.map((type) => [type.id, type.code]));
    const unmet = requiredGroups(row.roleId).filter(
      (group) => !group.some((typeId) => inForce.has(typeId)),
    );
    const missing = unmet.map((group) =>
      missingGroupBadge(group.map((typeId) => codeOf.get(typeId) ?? 'Unknown')),
    );
    const gapTypeIds = new Set(unmet.flat());
    return {
      member: { staffId: row.staffId, name: row.name, statusNote: statusNote(row.status) },
      missing,
      cells: shownTypes.map((type): CredentialCellView => {
        const best = credentials
          .filter((credential) => credential.credentialTypeId === type.id)
          .sort(
            (a, b) =>
              STATUS_RANK.indexOf(credentialStatus(a, asOf, warningDays)) -
                STATUS_RANK.indexOf(credentialStatus(b, asOf, warningDays)) ||
              (b.expiresOn ?? '9999').localeCompare(a.expiresOn ?? '9999'),
          )[0];
        const badges = best ? credentialBadges(best, asOf, warningDays) : [];
        const afterLapse =
          best?.afterLapse && credentialStatus(best, asOf, warningDays) === 'expired'
            ? sentenceCase(afterLapseInWords(best.afterLapse))
            : null;
        return {
          typeId: type.id,
          badges,
          afterLapse,
          empty: badges.length === 0,
          gap: gapTypeIds.has(type.id),
        };
      }),
    };
  });
  if (!onlyGaps) {
    return { types: shownTypes, rows };
  }
  const withGap = new Set(
    rows.flatMap((row) => row.cells.filter((cell) => cell.gap).map((cell) => cell.typeId)),
  );
  return {
    types: filterColumns(shownTypes, (typeId) => withGap.has(typeId), {
      category: null,
      onlyGaps: true,
    }),
    rows: rows.map((row) => ({
      ...row,
      cells: row.cells.filter((cell) => withGap.has(cell.typeId)),
    })),
  };
}

/** The team a manager lands on: one they manage, else the first by name. */
export function defaultTeamId(teams: readonly Team[], staffId: string | null): string | null {
  const sorted = [...teams].sort((a, b) => a.name.localeCompare(b.name));
  const managed = staffId
    ? sorted.find((team) => team.managerStaffIds?.includes(staffId))
    : undefined;
  return (managed ?? sorted[0])?.id ?? null;
}
