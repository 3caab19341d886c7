import type { IsoDate, ReassessmentDue } from '@him/contracts';
import { compareByName, groupBy, nonTerminatedById } from './collections';
import { DEFAULT_EXPIRY_WARNING_DAYS } from './credentials';
import { addDays, daysBetween, isIsoDate } from './dates';
import { neededSkillsOf } from './evaluation';
import type { DepartmentFacts, StaffFacts } from './model';
import { assessmentValidity, latestAssessmentsOn } from './skills';

export interface ReassessmentOptions {
  teamId?: string;
  staffId?: string;
  /**
   * Every latest assessment with a lapse period, not only those of the skills the member's role
   * or team needs (the member file lists them all).
   */
  all?: boolean;
}

/**
 * R2 reassessment due, the counterpart of R10 for competence: for each non-terminated member,
 * the latest assessment on or before asOf of each skill their role names in a skill requirement
 * or their team in a coverage target (options.all: of every skill), when its counting period
 * ends (dueBy = assessedOn + the skill's or the department's months, clamped) within
 * [asOf, asOf + withinDays], or has already ended (overdue: dueBy < asOf, it no longer counts).
 * A skill without a period never appears. Overdue first (longest overdue first), then soonest
 * due, then by member name and skill name.
 */
export function reassessmentsDue(
  facts: Pick<DepartmentFacts, 'settings' | 'skills' | 'staff' | 'roles' | 'teams' | 'assessments'>,
  asOf: IsoDate,
  withinDays: number = facts.settings.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS,
  options: ReassessmentOptions = {},
): ReassessmentDue[] {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not a calendar date (YYYY-MM-DD): ${asOf}`);
  const windowEnd = addDays(asOf, withinDays);
  const members = nonTerminatedById(facts.staff, options);
  const validity = assessmentValidity(facts.skills, facts.settings);
  const skillNames = new Map(facts.skills.map((skill) => [skill.id, skill.name]));
  const neededSkills = neededSkillsOf(facts);
  const byStaff = groupBy(
    facts.assessments,
    (assessment) => assessment.staffId,
    (staffId) => members.has(staffId),
  );

  const due: { entry: ReassessmentDue; member: StaffFacts }[] = [];
  for (const [staffId, assessments] of byStaff) {
    const member = members.get(staffId) as StaffFacts;
    const needed = neededSkills(member);
    for (const assessment of latestAssessmentsOn(assessments, asOf).values()) {
      if (options.all !== true && !needed.has(assessment.skillId)) continue;
      const dueBy = validity.countsThrough(assessment);
      if (dueBy === null || dueBy > windowEnd) continue;
      due.push({
        member,
        entry: {
          staffId: member.id,
          staffName: member.name,
          teamId: member.teamId,
          skillId: assessment.skillId,
          skillName: skillNames.get(assessment.skillId) ?? assessment.skillId,
          level: assessment.level,
          source: assessment.source,
          assessedOn: assessment.assessedOn,
          dueBy,
          lapsesOn: addDays(dueBy, 1),
          daysLeft: daysBetween(asOf, dueBy),
          overdue: dueBy < asOf,
        },
      });
    }
  }
  return due
    .sort(
      (a, b) =>
        a.entry.daysLeft - b.entry.daysLeft ||
        compareByName(a.member, b.member) ||
        a.entry.skillName.localeCompare(b.entry.skillName, 'en') ||
        (a.entry.skillId < b.entry.skillId ? -1 : a.entry.skillId > b.entry.skillId ? 1 : 0),
    )
    .map(({ entry }) => entry);
}
