import type {
  Figures,
  ForecastPoint,
  IsoDate,
  LapsedCredential,
  MemberReadiness,
  ReadinessResponse,
  Requirement,
  SinglePointOfFailure,
  TargetCoverage,
  TeamFigures,
} from '@him/contracts';
import { fraction, groupBy, sortByName } from './collections';
import { isCredentialCurrent } from './credentials';
import { addDays, daysBetween, isIsoDate } from './dates';
import type { AssessmentFacts, CredentialFacts, DepartmentFacts } from './model';
import { dedupeRequirements, requirementKey, requirementMet } from './requirements';
import {
  evidenceFromLatest,
  indexCredentialTypes,
  latestAssessmentsOn,
  type MemberEvidence,
} from './skills';

const LAST_DAY: IsoDate = '9999-12-31';

/** R9 default forecast offsets in days after asOf. */
export const DEFAULT_FORECAST_DAYS: readonly number[] = [30, 60, 90, 180];

/** R9: the furthest after asOf a forecast or survey date may lie (three years, leap days too). */
export const MAX_FORECAST_DAYS = 3 * 366;

export interface ReadinessOptions {
  /** restrict members, teams, targets, figures and forecast to one team */
  teamId?: string;
  /** R9 forecast offsets in days (default 30, 60, 90, 180) */
  forecastDays?: readonly number[];
  /** R9 further dates to forecast (an accreditation survey day); days = daysBetween(asOf, date) */
  extraDates?: readonly IsoDate[];
}

function assertIsoDate(name: string, value: IsoDate): void {
  if (!isIsoDate(value)) {
    throw new RangeError(`${name} is not a calendar date (YYYY-MM-DD): ${value}`);
  }
}

/** R6 to R8 on one date; arrays by index into the active members, in name order. */
interface DateEvaluation {
  evidence: MemberEvidence[];
  members: MemberReadiness[];
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
function figuresFromCounts(
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
 * R1 and R6 to R9: member readiness, team coverage, single points of failure, department and
 * team figures on asOf, and the forecast. Everything is indexed once (by staff id, role id,
 * team id) and each date is one pass over the active members, so the cost is linear in the
 * size of the department.
 */
export function computeReadiness(
  facts: DepartmentFacts,
  asOf: IsoDate,
  options: ReadinessOptions = {},
): ReadinessResponse {
  assertIsoDate('asOf', asOf);
  const { teamId } = options;
  const dates = forecastDates(asOf, options);

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
  const activeIds = new Set(active.map((member) => member.id));
  const memberOrder = new Map(nonTerminated.map((member, index) => [member.id, index]));

  const teams = sortByName(
    facts.teams.filter((team) => teamId === undefined || team.id === teamId),
  );
  // indexes into `active` per team, in name order
  const activeByTeam = new Map<string, number[]>();
  active.forEach((member, index) => {
    const indexes = activeByTeam.get(member.teamId);
    if (indexes === undefined) activeByTeam.set(member.teamId, [index]);
    else indexes.push(index);
  });

  const credentialTypes = indexCredentialTypes(facts.credentialTypes);
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
    (staffId) => activeIds.has(staffId),
  );
  const noAssessments: AssessmentFacts[] = [];
  const noCredentials: CredentialFacts[] = [];
  const activeCredentials = active.map(
    (member) => credentialsByStaff.get(member.id) ?? noCredentials,
  );

  // R9: on any date after asOf only assessments dated on or before asOf count, so the latest
  // assessment per skill is the same for every forecast date: reduce once per cutoff.
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

  // R9: after asOf a credential can only stop being current (none issued later is known), so a
  // member's evidence on a later date is the one on asOf until a credential current on asOf
  // lapses: the last such day per member lets the forecast reuse most of asOf's evidence.
  const unchangedThrough = activeCredentials.map((credentials) => {
    let last = LAST_DAY;
    for (const credential of credentials) {
      if (!isCredentialCurrent(credential, asOf, facts.settings)) continue;
      if (credential.expiresOn !== null && credential.expiresOn < last) last = credential.expiresOn;
      if (credential.revokedOn !== null) {
        const lastBeforeRevocation = addDays(credential.revokedOn, -1);
        if (lastBeforeRevocation < last) last = lastBeforeRevocation;
      }
    }
    return last;
  });

  const evidenceOn = (date: IsoDate, i: number): MemberEvidence =>
    evidenceFromLatest(
      date,
      latestAssessmentsAt(date < asOf ? date : asOf)[i],
      activeCredentials[i],
      credentialTypes,
      facts.settings,
      asOf,
    );
  const countMet = (requirements: readonly Requirement[], evidence: MemberEvidence): number => {
    let met = 0;
    for (const requirement of requirements) if (requirementMet(requirement, evidence)) met++;
    return met;
  };

  /** R6 to R8 on one date, in full. */
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

  const today = evaluate(asOf);

  /**
   * R9 figures on a date after asOf: only members with a credential lapsing by then can differ
   * from asOf, so start from asOf's counts and re-evaluate those members alone.
   */
  const figuresAfterAsOf = (date: IsoDate): Figures => {
    let ready = 0;
    let metSum = 0;
    let totalSum = 0;
    const changedByTeam = new Map<string, { index: number; evidence: MemberEvidence }[]>();
    for (let i = 0; i < active.length; i++) {
      const total = requirementsOf[i].length;
      let met = today.members[i].met;
      if (date > unchangedThrough[i]) {
        const evidence = evidenceOn(date, i);
        met = countMet(requirementsOf[i], evidence);
        const changed = changedByTeam.get(active[i].teamId);
        if (changed === undefined) changedByTeam.set(active[i].teamId, [{ index: i, evidence }]);
        else changed.push({ index: i, evidence });
      }
      if (met === total) ready++;
      metSum += met;
      totalSum += total;
    }
    let targetsMet = 0;
    today.targets.forEach((target, t) => {
      const holdersOnAsOf = today.holderIndexes[t];
      let holders = holdersOnAsOf.size;
      for (const { index, evidence } of changedByTeam.get(target.teamId) ?? []) {
        const holdsNow = requirementMet(target.requirement, evidence);
        if (holdsNow !== holdersOnAsOf.has(index)) holders += holdsNow ? 1 : -1;
      }
      if (holders >= target.minHolders) targetsMet++;
    });
    return figuresFromCounts(
      ready,
      active.length,
      metSum,
      totalSum,
      targetsMet,
      today.targets.length,
    );
  };

  // R7 single points of failure: every coverage target of the team and every requirement of
  // the role of an active member of the team, once each, met by exactly one active member.
  const singlePointsOfFailure: SinglePointOfFailure[] = [];
  for (const team of teams) {
    const teamMembers = activeByTeam.get(team.id) ?? [];
    const requirements = new Map<string, Requirement>();
    const consider = (requirement: Requirement) => {
      const key = requirementKey(requirement);
      if (!requirements.has(key)) requirements.set(key, requirement);
    };
    team.coverageTargets.forEach((target) => consider(target.requirement));
    new Set(teamMembers.map((i) => requirementsOf[i])).forEach((requirementsOfRole) =>
      requirementsOfRole.forEach(consider),
    );
    for (const requirement of requirements.values()) {
      let holder = -1;
      let holders = 0;
      for (const i of teamMembers) {
        if (!requirementMet(requirement, today.evidence[i])) continue;
        holders++;
        holder = i;
        if (holders > 1) break;
      }
      if (holders === 1) {
        singlePointsOfFailure.push({ teamId: team.id, requirement, staffId: active[holder].id });
      }
    }
  }

  // R9 lapsed: credentials of non-terminated members current on asOf, chosen once.
  const currentOnAsOf: CredentialFacts[] = [];
  for (const credentials of credentialsByStaff.values()) {
    for (const credential of credentials) {
      if (isCredentialCurrent(credential, asOf, facts.settings)) currentOnAsOf.push(credential);
    }
  }

  const forecast = dates.map(
    ({ days, date }): ForecastPoint => ({
      days,
      date,
      ...(date < asOf ? evaluate(date).figures : figuresAfterAsOf(date)),
      lapsed: lapsedBy(date, currentOnAsOf, facts.settings, memberOrder),
    }),
  );

  return {
    asOf,
    ...today.figures,
    teams: today.teamFigures,
    members: today.members,
    onLeave: onLeave.map((member) => ({
      staffId: member.id,
      name: member.name,
      teamId: member.teamId,
      roleId: member.roleId,
    })),
    targets: today.targets,
    singlePointsOfFailure,
    forecast,
  };
}

/** R9 forecast dates: the offsets and the named dates, one point per date, earliest first. */
export function forecastDates(
  asOf: IsoDate,
  options: Pick<ReadinessOptions, 'forecastDays' | 'extraDates'> = {},
): { days: number; date: IsoDate }[] {
  const byDate = new Map<IsoDate, number>();
  for (const days of options.forecastDays ?? DEFAULT_FORECAST_DAYS) {
    const date = addDays(asOf, days);
    byDate.set(date, days);
  }
  for (const date of options.extraDates ?? []) {
    assertIsoDate('extraDates', date);
    byDate.set(date, daysBetween(asOf, date));
  }
  return [...byDate.entries()]
    .map(([date, days]) => ({ days, date }))
    .sort((a, b) => a.days - b.days);
}

/**
 * R9 "who will have lapsed by then": of the credentials current on asOf (already chosen), those
 * not current on `date`. Soonest first, then by member name. A credential without expiresOn can
 * only lapse by a revocation already recorded; its revocation date is reported as its expiresOn.
 */
function lapsedBy(
  date: IsoDate,
  currentOnAsOf: readonly CredentialFacts[],
  settings: DepartmentFacts['settings'],
  memberOrder: ReadonlyMap<string, number>,
): LapsedCredential[] {
  const lapsed: LapsedCredential[] = [];
  for (const credential of currentOnAsOf) {
    if (isCredentialCurrent(credential, date, settings)) continue;
    lapsed.push({
      staffId: credential.staffId,
      credentialId: credential.id,
      credentialTypeId: credential.credentialTypeId,
      // no expiry: it lapses by a recorded revocation (or, for a date before asOf, by not yet
      // being issued); the contract has no other field for that day
      expiresOn: credential.expiresOn ?? credential.revokedOn ?? credential.issuedOn,
    });
  }
  return lapsed.sort(
    (a, b) =>
      (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : 0) ||
      (memberOrder.get(a.staffId) ?? 0) - (memberOrder.get(b.staffId) ?? 0) ||
      (a.credentialId < b.credentialId ? -1 : a.credentialId > b.credentialId ? 1 : 0),
  );
}
