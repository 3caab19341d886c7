/**
 * The per-date evaluation behind R6 to R9 and R17: the department's facts indexed once (by staff
 * id, role id, team id), then R6 to R8 on any date as one pass over the active members, and,
 * after the knowledge cut, the days on which a member's evidence can change.
 */
import type {
  Figures,
  IsoDate,
  MemberReadiness,
  Requirement,
  TargetCoverage,
  TeamFigures,
} from '@him/contracts';
import { fraction, groupBy, sortByName } from './collections';
import { isCredentialCurrent } from './credentials';
import { addDays, isIsoDate } from './dates';
import type {
  AssessmentFacts,
  CredentialFacts,
  DepartmentFacts,
  StaffFacts,
  TeamFacts,
} from './model';
import { dedupeRequirements, requirementMet } from './requirements';
import {
  assessmentValidity,
  evidenceFromLatest,
  indexCredentialTypes,
  latestAssessmentsOn,
  type AssessmentValidity,
  type MemberEvidence,
} from './skills';

export function assertIsoDate(name: string, value: IsoDate): void {
  if (!isIsoDate(value)) {
    throw new RangeError(`${name} is not a calendar date (YYYY-MM-DD): ${value}`);
  }
}

/** R6 to R8 on one date; arrays by index into the active members, in name order. */
export interface DateEvaluation {
  evidence: MemberEvidence[];
  members: MemberReadiness[];
  /** every target of the teams in scope, teams in name order, targets in each team's order */
  targets: TargetCoverage[];
  /** per target: indexes of the active members holding it */
  holderIndexes: Set<number>[];
  teamFigures: TeamFigures[];
  figures: Figures;
}

/** R8 figures of some active members and some targets; a 0 denominator gives null. */
function figuresOf(
  members: readonly MemberReadiness[],
  targetsTotal: number,
  targetsMet: number,
): Figures {
  let ready = 0;
  let met = 0;
  let total = 0;
  for (const member of members) {
    if (member.ready) ready++;
    met += member.met;
    total += member.total;
  }
  return figuresFromCounts(ready, members.length, met, total, targetsMet, targetsTotal);
}

/** R8: the three figures with the counts behind them. */
export function figuresFromCounts(
  ready: number,
  active: number,
  met: number,
  total: number,
  targetsMet: number,
  targetsTotal: number,
): Figures {
  return {
    staffReadyPct: fraction(ready, active),
    requirementsMetPct: fraction(met, total),
    targetsMet: { met: targetsMet, total: targetsTotal },
    staffReady: { ready, total: active },
    requirementsMet: { met, total },
  };
}

/**
 * R9 / R17: the first day after `from` on which a credential current on `from` is no longer
 * current: the day after its expiry or its recorded revocation, whichever comes first; null when
 * it stays current for good.
 */
export function credentialLapsesOn(
  credential: CredentialFacts,
  from: IsoDate,
  dayAfter: (date: IsoDate) => IsoDate = nextDay,
): IsoDate | null {
  let lapses: IsoDate | null =
    credential.expiresOn === null ? null : dayAfter(credential.expiresOn);
  if (credential.revokedOn !== null && credential.revokedOn > from) {
    if (lapses === null || credential.revokedOn < lapses) lapses = credential.revokedOn;
  }
  return lapses;
}

function nextDay(date: IsoDate): IsoDate {
  return addDays(date, 1);
}

/** addDays(date, 1), memoised: a department's lapse dates are a few thousand distinct days. */
export function memoisedDayAfter(): (date: IsoDate) => IsoDate {
  const memo = new Map<IsoDate, IsoDate>();
  return (date) => {
    let next = memo.get(date);
    if (next === undefined) {
      next = addDays(date, 1);
      memo.set(date, next);
    }
    return next;
  };
}

/** One department (or team) evaluated under the knowledge cut `asOf` (R9). */
export interface DepartmentEvaluator {
  readonly asOf: IsoDate;
  /** R1: non-terminated members in scope, in name order */
  readonly nonTerminated: readonly StaffFacts[];
  readonly active: readonly StaffFacts[];
  readonly onLeave: readonly StaffFacts[];
  /** position of a non-terminated member in name order */
  readonly memberOrder: ReadonlyMap<string, number>;
  /** teams in scope, in name order */
  readonly teams: readonly TeamFacts[];
  /** indexes into `active` per team id, in name order */
  readonly activeByTeam: ReadonlyMap<string, readonly number[]>;
  /** the role's requirements (deduplicated) per active member */
  readonly requirementsOf: readonly (readonly Requirement[])[];
  /** R2: the skills a member's role or team needs (skill requirements and coverage targets) */
  neededSkills(member: StaffFacts): ReadonlySet<string>;
  /** credentials of the non-terminated members in scope, by staff id */
  readonly credentialsByStaff: ReadonlyMap<string, readonly CredentialFacts[]>;
  readonly validity: AssessmentValidity;
  /** addDays(date, 1), memoised */
  dayAfter(date: IsoDate): IsoDate;
  /** the latest assessment per skill of a non-terminated member on or before `cutoff` */
  latestOf(staffId: string, cutoff: IsoDate): ReadonlyMap<string, AssessmentFacts>;
  /** evidence of active member i on `date`, knowing only what was recorded by asOf */
  evidenceOn(date: IsoDate, i: number): MemberEvidence;
  /** R6 to R8 on `date` in full */
  evaluate(date: IsoDate): DateEvaluation;
  /**
   * Days after `from` (from >= asOf) on which the evidence of active member i can change: a
   * credential current on `from` lapsing, or an assessment counting on `from` lapsing (R2).
   * Unsorted, may repeat; nothing else changes after the knowledge cut.
   */
  changeDaysAfter(from: IsoDate, i: number): IsoDate[];
}

export function evaluateDepartment(
  facts: DepartmentFacts,
  asOf: IsoDate,
  teamId?: string,
): DepartmentEvaluator {
  // R1: active members count; staff on leave are listed; terminated never appear.
  const nonTerminated = sortByName(
    facts.staff.filter(
      (member) =>
        member.status !== 'terminated' && (teamId === undefined || member.teamId === teamId),
    ),
  );
  const active = nonTerminated.filter((member) => member.status === 'active');
  const onLeave = nonTerminated.filter((member) => member.status === 'leave');
  const nonTerminatedIds = new Set(nonTerminated.map((member) => member.id));
  const memberOrder = new Map(nonTerminated.map((member, index) => [member.id, index]));

  const teams = sortByName(
    facts.teams.filter((team) => teamId === undefined || team.id === teamId),
  );
  const activeByTeam = new Map<string, number[]>();
  active.forEach((member, index) => {
    const indexes = activeByTeam.get(member.teamId);
    if (indexes === undefined) activeByTeam.set(member.teamId, [index]);
    else indexes.push(index);
  });

  const credentialTypes = indexCredentialTypes(facts.credentialTypes);
  const neededSkills = neededSkillsOf(facts);
  const validity = assessmentValidity(facts.skills, facts.settings);
  const roleRequirements = new Map<string, Requirement[]>(
    facts.roles.map((role) => [role.id, dedupeRequirements(role.requirements)]),
  );
  const noRequirements: Requirement[] = [];
  // A member whose role is unknown has no requirements (as a role without any).
  const requirementsOf = active.map(
    (member) => roleRequirements.get(member.roleId) ?? noRequirements,
  );

  const credentialsByStaff = groupBy(
    facts.credentials,
    (credential) => credential.staffId,
    (staffId) => nonTerminatedIds.has(staffId),
  );
  const assessmentsByStaff = groupBy(
    facts.assessments,
    (assessment) => assessment.staffId,
    (staffId) => nonTerminatedIds.has(staffId),
  );
  const noAssessments: AssessmentFacts[] = [];
  const noCredentials: CredentialFacts[] = [];
  const activeCredentials = active.map(
    (member) => credentialsByStaff.get(member.id) ?? noCredentials,
  );

  // R9: on any date after asOf only assessments dated on or before asOf count, so the latest
  // assessment per skill is the same for every later date: reduce once per cutoff.
  const latestByCutoff = new Map<IsoDate, Map<string, AssessmentFacts>[]>();
  const latestAssessmentsAt = (cutoff: IsoDate) => {
    let latest = latestByCutoff.get(cutoff);
    if (latest === undefined) {
      latest = active.map((member) =>
        latestAssessmentsOn(assessmentsByStaff.get(member.id) ?? noAssessments, cutoff),
      );
      latestByCutoff.set(cutoff, latest);
    }
    return latest;
  };
  const activeIndex = new Map(active.map((member, index) => [member.id, index]));
  const latestOf = (staffId: string, cutoff: IsoDate) => {
    const i = activeIndex.get(staffId);
    if (i !== undefined) return latestAssessmentsAt(cutoff)[i];
    return latestAssessmentsOn(assessmentsByStaff.get(staffId) ?? noAssessments, cutoff);
  };

  const evidenceOn = (date: IsoDate, i: number): MemberEvidence =>
    evidenceFromLatest(
      date,
      latestAssessmentsAt(date < asOf ? date : asOf)[i],
      activeCredentials[i],
      credentialTypes,
      facts.settings,
      asOf,
      validity,
    );

  const evaluate = (date: IsoDate): DateEvaluation => {
    const evidence = active.map((_, i) => evidenceOn(date, i));
    const members = active.map((member, i): MemberReadiness => {
      const requirements = requirementsOf[i];
      const missing = requirements.filter((r) => !requirementMet(r, evidence[i]));
      return {
        staffId: member.id,
        name: member.name,
        teamId: member.teamId,
        roleId: member.roleId,
        met: requirements.length - missing.length,
        total: requirements.length,
        ready: missing.length === 0,
        missing,
      };
    });

    const targets: TargetCoverage[] = [];
    const holderIndexes: Set<number>[] = [];
    const teamFigures = teams.map((team): TeamFigures => {
      const teamMembers = activeByTeam.get(team.id) ?? [];
      let teamTargetsMet = 0;
      for (const target of team.coverageTargets) {
        const holders = new Set(
          teamMembers.filter((i) => requirementMet(target.requirement, evidence[i])),
        );
        const gap = Math.max(0, target.minHolders - holders.size);
        if (gap === 0) teamTargetsMet++;
        holderIndexes.push(holders);
        targets.push({
          teamId: team.id,
          requirement: target.requirement,
          minHolders: target.minHolders,
          holders: holders.size,
          holderIds: [...holders].map((i) => active[i].id),
          gap,
          singlePointOfFailure: holders.size === 1,
        });
      }
      return {
        teamId: team.id,
        name: team.name,
        activeStaff: teamMembers.length,
        ...figuresOf(
          teamMembers.map((i) => members[i]),
          team.coverageTargets.length,
          teamTargetsMet,
        ),
      };
    });

    return {
      evidence,
      members,
      targets,
      holderIndexes,
      teamFigures,
      figures: figuresOf(members, targets.length, targets.filter((t) => t.gap === 0).length),
    };
  };

  const dayAfter = memoisedDayAfter();
  const changeDaysAfter = (from: IsoDate, i: number): IsoDate[] => {
    const days: IsoDate[] = [];
    for (const credential of activeCredentials[i]) {
      if (!isCredentialCurrent(credential, from, facts.settings, asOf)) continue;
      const lapses = credentialLapsesOn(credential, from, dayAfter);
      if (lapses !== null) days.push(lapses);
    }
    const needed = neededSkills(active[i]);
    for (const assessment of latestAssessmentsAt(from < asOf ? from : asOf)[i].values()) {
      // a skill no requirement or target names changes no figure when it lapses
      if (!needed.has(assessment.skillId)) continue;
      const through = validity.countsThrough(assessment);
      if (through !== null && through >= from) days.push(dayAfter(through));
    }
    return days;
  };

  return {
    asOf,
    nonTerminated,
    active,
    onLeave,
    memberOrder,
    teams,
    activeByTeam,
    requirementsOf,
    neededSkills,
    credentialsByStaff,
    validity,
    dayAfter,
    latestOf,
    evidenceOn,
    evaluate,
    changeDaysAfter,
  };
}

/**
 * The skills a member's role names in a skill requirement or their team in a coverage target:
 * those whose competence the department tracks for that member (R2 reassessment, R17).
 */
export function neededSkillsOf(
  facts: Pick<DepartmentFacts, 'roles' | 'teams'>,
): (member: Pick<StaffFacts, 'roleId' | 'teamId'>) => ReadonlySet<string> {
  const skillsOf = (requirements: readonly Requirement[]) => {
    const skills = new Set<string>();
    for (const requirement of requirements) {
      if (requirement.kind === 'skill') skills.add(requirement.skillId);
    }
    return skills;
  };
  const byRole = new Map(facts.roles.map((role) => [role.id, skillsOf(role.requirements)]));
  const byTeam = new Map(
    facts.teams.map((team) => [
      team.id,
      skillsOf(team.coverageTargets.map((target) => target.requirement)),
    ]),
  );
  const none: ReadonlySet<string> = new Set();
  const memo = new Map<string, ReadonlySet<string>>();
  return (member) => {
    const key = `${member.roleId}\u0000${member.teamId}`;
    let needed = memo.get(key);
    if (needed === undefined) {
      const role = byRole.get(member.roleId) ?? none;
      const team = byTeam.get(member.teamId) ?? none;
      needed = team.size === 0 ? role : role.size === 0 ? team : new Set([...role, ...team]);
      memo.set(key, needed);
    }
    return needed;
  };
}

/** R6: how many of the requirements the evidence meets. */
export function countMet(requirements: readonly Requirement[], evidence: MemberEvidence): number {
  let met = 0;
  for (const requirement of requirements) if (requirementMet(requirement, evidence)) met++;
  return met;
}
