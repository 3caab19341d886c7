import type { IsoDate, SkillCategory, SkillsMatrixResponse, SkillsMatrixRow } from '@him/contracts';
import { groupBy, sortByName } from './collections';
import { isIsoDate } from './dates';
import type { AssessmentFacts, CredentialFacts, DepartmentFacts, StaffFacts } from './model';
import {
  assessmentValidity,
  evidenceFromLatest,
  indexCredentialTypes,
  latestAssessmentsOn,
} from './skills';

export interface MatrixSkill {
  id: string;
  name: string;
  category: SkillCategory;
}

/**
 * The members x skills heatmap on asOf: one row per non-terminated member (R1: reports list
 * every non-terminated member), one cell per skill in the order given, with the R2 level and
 * its source and the level the member's role requires (the highest if the role names the
 * skill more than once; null when it does not). A lapsed assessment (R2) counts for nothing.
 */
export function computeSkillsMatrix(
  facts: DepartmentFacts,
  asOf: IsoDate,
  skills: readonly MatrixSkill[],
  options: { teamId?: string } = {},
): SkillsMatrixResponse {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not a calendar date (YYYY-MM-DD): ${asOf}`);
  const members = sortByName(
    facts.staff.filter(
      (member: StaffFacts) =>
        member.status !== 'terminated' &&
        (options.teamId === undefined || member.teamId === options.teamId),
    ),
  );
  const memberIds = new Set(members.map((member) => member.id));
  const credentialTypes = indexCredentialTypes(facts.credentialTypes);
  const validity = assessmentValidity(facts.skills, facts.settings);
  const credentialsByStaff = groupBy(
    facts.credentials,
    (c) => c.staffId,
    (id) => memberIds.has(id),
  );
  const assessmentsByStaff = groupBy(
    facts.assessments,
    (a) => a.staffId,
    (id) => memberIds.has(id),
  );

  const requiredLevelsByRole = new Map<string, Map<string, number>>();
  for (const role of facts.roles) {
    const levels = new Map<string, number>();
    for (const requirement of role.requirements) {
      if (requirement.kind !== 'skill') continue;
      const previous = levels.get(requirement.skillId);
      if (previous === undefined || requirement.minLevel > previous) {
        levels.set(requirement.skillId, requirement.minLevel);
      }
    }
    requiredLevelsByRole.set(role.id, levels);
  }

  const noAssessments: AssessmentFacts[] = [];
  const noCredentials: CredentialFacts[] = [];
  const rows = members.map((member): SkillsMatrixRow => {
    const evidence = evidenceFromLatest(
      asOf,
      latestAssessmentsOn(assessmentsByStaff.get(member.id) ?? noAssessments, asOf),
      credentialsByStaff.get(member.id) ?? noCredentials,
      credentialTypes,
      facts.settings,
      asOf,
      validity,
    );
    const required = requiredLevelsByRole.get(member.roleId);
    return {
      staffId: member.id,
      name: member.name,
      teamId: member.teamId,
      roleId: member.roleId,
      status: member.status,
      cells: skills.map((skill) => {
        const { level, source } = evidence.levelOf(skill.id);
        return { skillId: skill.id, level, source, requiredLevel: required?.get(skill.id) ?? null };
      }),
    };
  });

  return {
    asOf,
    skills: skills.map(({ id, name, category }) => ({ id, name, category })),
    rows,
  };
}
