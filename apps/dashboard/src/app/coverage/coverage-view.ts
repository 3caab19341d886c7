import {
  type ReadinessResponse,
  type ReadinessSummaryResponse,
  type Role,
  type SkillsMatrixResponse,
  type SkillCategory,
  type Team,
} from '@him/contracts';
import { requirementLabel, levelInWords } from '@him/domain';
import { type RequirementCatalog } from '../core/catalog/requirement-catalog';
import { filterColumns, type GridFilter } from '../shared/grid-filter/grid-filter';

export interface MemberLink {
  staffId: string;
  name: string;
}

/** One coverage target (R7) as the chart and its table show it. */
export interface CoverageTargetRow {
  key: string;
  teamName: string;
  requirement: string;
  minHolders: number;
  holders: number;
  gap: number;
  /** "Short by 1" or "Met" */
  gapText: string;
  singlePointOfFailure: boolean;
  holderMembers: MemberLink[];
}

/** R7 targets of the teams shown, teams by name, gaps first within a team. */
export function coverageTargetRows(
  readiness: ReadinessResponse | ReadinessSummaryResponse,
  catalog: RequirementCatalog,
): CoverageTargetRow[] {
  const teamNames = new Map(readiness.teams.map((team) => [team.teamId, team.name]));
  // the summary form names the members it mentions; the full form lists them all
  const people = 'people' in readiness ? readiness.people : readiness.members;
  const names = new Map(people.map((member) => [member.staffId, member.name]));
  return readiness.targets
    .map((target, index) => ({
      key: `${target.teamId}:${index}`,
      teamName: teamNames.get(target.teamId) ?? 'Unknown team',
      requirement: requirementLabel(target.requirement, catalog),
      minHolders: target.minHolders,
      holders: target.holders,
      gap: target.gap,
      gapText: target.gap > 0 ? `Short by ${target.gap}` : 'Met',
      singlePointOfFailure: target.singlePointOfFailure,
      holderMembers: (target.holderIds ?? []).map((staffId) => ({
        staffId,
        name: names.get(staffId) ?? 'Unknown staff member',
      })),
    }))
    .sort((a, b) => a.teamName.localeCompare(b.teamName) || b.gap - a.gap);
}

/** The bars of the coverage chart: holders up to the minimum, the gap, holders above the minimum. */
export interface CoverageChartSeries {
  /** one label per target, as lines: team, requirement, and "short by 1" when there is a gap */
  labels: string[][];
  holdersUpToMinimum: number[];
  gap: number[];
  holdersAboveMinimum: number[];
}

/**
 * A chart label's text as lines of at most `width` characters, broken between words (a word
 * longer than a line is cut), at most `maxLines` of them: the last ends with "…" when text is
 * left over. The table under the chart has the whole text.
 */
export function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest.length > 0; ) {
      const joined = line ? `${line} ${rest}` : rest;
      if (joined.length <= width) {
        line = joined;
        rest = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length < width ? last : last.slice(0, width - 1)}…`;
  return kept;
}

/**
 * The bars and their labels. `labelWidth` is how many characters a label line may hold (fewer
 * on a phone, so the labels leave the bars room): the team on one line, the requirement on at
 * most two, then the gap.
 */
export function coverageChartSeries(
  rows: readonly CoverageTargetRow[],
  labelWidth = 28,
): CoverageChartSeries {
  return {
    labels: rows.map((row) => [
      ...wrapLabel(row.teamName, labelWidth, 1),
      ...wrapLabel(row.requirement, labelWidth, 2),
      row.gap > 0 ? `short by ${row.gap}` : `${row.holders} of ${row.minHolders}: met`,
    ]),
    holdersUpToMinimum: rows.map((row) => Math.min(row.holders, row.minHolders)),
    gap: rows.map((row) => row.gap),
    holdersAboveMinimum: rows.map((row) => Math.max(0, row.holders - row.minHolders)),
  };
}

/** A heatmap cell: how many of the row's active members meet the level, of how many. */
export interface HeatCell {
  skillId: string;
  /** null when nothing in the row requires the skill */
  requiredLevel: number | null;
  count: number;
  of: number;
  /** "2 of 3 at ≥ Proficient (3)", or "Not required" */
  text: string;
  /** members below the level: the gap (0 when met, not required or nobody to count) */
  short: number;
  /** how loud the cell is: the fewer meet the level, the louder; met cells are quiet */
  tone: HeatTone;
}

/**
 * `gap-all`: nobody meets the level; `gap-most`: half or more fall short; `gap-some`: fewer
 * than half; `met`: everyone does; `empty`: no active member to count; `not-required`.
 */
export type HeatTone = 'gap-all' | 'gap-most' | 'gap-some' | 'met' | 'empty' | 'not-required';

export interface HeatRow {
  id: string;
  name: string;
  members: number;
  cells: HeatCell[];
}

export interface Heatmap {
  skills: { id: string; name: string; category: SkillCategory }[];
  rows: HeatRow[];
}

export interface HeatmapFilter {
  /** narrows the members counted (and the role rows) to one role */
  roleId?: string | null;
}

/** Skill levels each role requires: role id → skill id → the highest level it requires. */
function roleSkillLevels(roles: readonly Role[]): Map<string, Map<string, number>> {
  const levels = new Map<string, Map<string, number>>();
  for (const role of roles) {
    const bySkill = new Map<string, number>();
    for (const requirement of role.requirements) {
      if (requirement.kind === 'skill') {
        bySkill.set(
          requirement.skillId,
          Math.max(bySkill.get(requirement.skillId) ?? 0, requirement.minLevel),
        );
      }
    }
    levels.set(role.id, bySkill);
  }
  return levels;
}

/** The skills some role requires, in the matrix's order. */
function requiredSkills(
  matrix: SkillsMatrixResponse,
  levels: Map<string, Map<string, number>>,
): Heatmap['skills'] {
  const required = new Set<string>();
  for (const bySkill of levels.values()) {
    for (const skillId of bySkill.keys()) {
      required.add(skillId);
    }
  }
  return matrix.skills
    .filter((skill) => required.has(skill.id))
    .map((skill) => ({ id: skill.id, name: skill.name, category: skill.category }));
}

function heatCell(
  skillId: string,
  requiredLevel: number | null,
  levels: readonly number[],
): HeatCell {
  if (requiredLevel === null) {
    const of = levels.length;
    return { skillId, requiredLevel, count: 0, of, text: 'Not required', short: 0, tone: 'not-required' };
  }
  const count = levels.filter((level) => level >= requiredLevel).length;
  const of = levels.length;
  const short = of - count;
  return {
    skillId,
    requiredLevel,
    count,
    of,
    text: `${count} of ${of} at ≥ ${levelInWords(requiredLevel)}`,
    short,
    tone: heatTone(count, of),
  };
}

function heatTone(count: number, of: number): HeatTone {
  if (of === 0) {
    return 'empty';
  }
  if (count === of) {
    return 'met';
  }
  if (count === 0) {
    return 'gap-all';
  }
  return (of - count) * 2 >= of ? 'gap-most' : 'gap-some';
}

/** The heatmap with only the skills the filter keeps (a category, only skills with a gap). */
export function filterHeatmap(heatmap: Heatmap, filter: GridFilter): Heatmap {
  const withGap = new Set(
    heatmap.rows.flatMap((row) => row.cells.filter((cell) => cell.short > 0).map((cell) => cell.skillId)),
  );
  const skills = filterColumns(heatmap.skills, (skillId) => withGap.has(skillId), filter);
  const kept = new Set(skills.map((skill) => skill.id));
  return {
    skills,
    rows: heatmap.rows.map((row) => ({
      ...row,
      cells: row.cells.filter((cell) => kept.has(cell.skillId)),
    })),
  };
}

/** Active members of the matrix with their level per skill. */
function activeMembers(matrix: SkillsMatrixResponse, filter: HeatmapFilter) {
  return matrix.rows
    .filter((row) => row.status === 'active')
    .filter((row) => !filter.roleId || row.roleId === filter.roleId)
    .map((row) => ({
      teamId: row.teamId,
      roleId: row.roleId,
      levels: new Map(row.cells.map((cell) => [cell.skillId, cell.level])),
    }));
}

/** Role x skill: members of each role at or above the level that role requires. */
export function roleSkillHeatmap(
  matrix: SkillsMatrixResponse,
  roles: readonly Role[],
  filter: HeatmapFilter = {},
): Heatmap {
  const levels = roleSkillLevels(roles);
  const skills = requiredSkills(matrix, levels);
  const members = activeMembers(matrix, filter);
  const rows = [...roles]
    .filter((role) => !filter.roleId || role.id === filter.roleId)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((role) => {
      const ofRole = members.filter((member) => member.roleId === role.id);
      return {
        id: role.id,
        name: role.name,
        members: ofRole.length,
        cells: skills.map((skill) =>
          heatCell(
            skill.id,
            levels.get(role.id)?.get(skill.id) ?? null,
            ofRole.map((member) => member.levels.get(skill.id) ?? 0),
          ),
        ),
      };
    });
  return { skills, rows };
}

/**
 * Team x skill: members of each team at or above the highest level any role in the team
 * (the roles of its active members) requires.
 */
export function teamSkillHeatmap(
  matrix: SkillsMatrixResponse,
  roles: readonly Role[],
  teams: readonly Pick<Team, 'id' | 'name'>[],
  filter: HeatmapFilter = {},
): Heatmap {
  const levels = roleSkillLevels(roles);
  const skills = requiredSkills(matrix, levels);
  const members = activeMembers(matrix, filter);
  const rows = [...teams]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((team) => {
      const ofTeam = members.filter((member) => member.teamId === team.id);
      const teamRoles = new Set(ofTeam.map((member) => member.roleId));
      return {
        id: team.id,
        name: team.name,
        members: ofTeam.length,
        cells: skills.map((skill) => {
          const required = [...teamRoles]
            .map((roleId) => levels.get(roleId)?.get(skill.id))
            .filter((level): level is number => level !== undefined);
          return heatCell(
            skill.id,
            required.length > 0 ? Math.max(...required) : null,
            ofTeam.map((member) => member.levels.get(skill.id) ?? 0),
          );
        }),
      };
    });
  return { skills, rows };
}
