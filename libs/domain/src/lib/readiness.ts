import type {
  Figures,
  ForecastPoint,
  IsoDate,
  LapsedCredential,
  ReadinessResponse,
  Requirement,
  SinglePointOfFailure,
} from '@him/contracts';
import { isCredentialCurrent } from './credentials';
import { addDays, daysBetween } from './dates';
import { assertIsoDate, countMet, evaluateDepartment, figuresFromCounts } from './evaluation';
import type { CredentialFacts, DepartmentFacts } from './model';
import { requirementKey, requirementMet } from './requirements';
import type { MemberEvidence } from './skills';

const NEVER: IsoDate = '9999-12-31';

/** R9 on a named date: who and which coverage targets stop being met by then. */
type SurveyDetail = Required<Pick<ForecastPoint, 'membersNoLongerReady' | 'targetsFallingShort'>>;

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

/**
 * R1 and R6 to R9: member readiness, team coverage, single points of failure, department and
 * team figures on asOf, and the forecast. Everything is indexed once (by staff id, role id,
 * team id) and each date is one pass over the active members, so the cost is linear in the
 * size of the department. Assessments lapse (R2) on every date, forecasts included.
 */
export function computeReadiness(
  facts: DepartmentFacts,
  asOf: IsoDate,
  options: ReadinessOptions = {},
): ReadinessResponse {
  assertIsoDate('asOf', asOf);
  const dates = forecastDates(asOf, options);
  const department = evaluateDepartment(facts, asOf, options.teamId);
  const { active, activeByTeam, requirementsOf, teams } = department;

  // R9: after asOf a credential can only stop being current and an assessment only lapse
  // (nothing later is known), so a member's evidence on a later date is the one on asOf until
  // the first such day: it lets the forecast reuse most of asOf's evidence.
  const firstChange = active.map((_, i) => {
    let first = NEVER;
    for (const day of department.changeDaysAfter(asOf, i)) if (day < first) first = day;
    return first;
  });

  const today = department.evaluate(asOf);

  /**
   * R9 figures on a date after asOf: only members whose evidence changes by then can differ
   * from asOf, so start from asOf's counts and re-evaluate those members alone.
   */
  const figuresAfterAsOf = (date: IsoDate, detail?: SurveyDetail): Figures => {
    let ready = 0;
    let metSum = 0;
    let totalSum = 0;
    const changedByTeam = new Map<string, { index: number; evidence: MemberEvidence }[]>();
    for (let i = 0; i < active.length; i++) {
      const total = requirementsOf[i].length;
      let met = today.members[i].met;
      if (date >= firstChange[i]) {
        const evidence = department.evidenceOn(date, i);
        met = countMet(requirementsOf[i], evidence);
        if (detail && met < total && today.members[i].ready) {
          detail.membersNoLongerReady.push({
            staffId: active[i].id,
            teamId: active[i].teamId,
            missing: requirementsOf[i].filter(
              (requirement) => !requirementMet(requirement, evidence),
            ),
          });
        }
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
      else if (detail && holdersOnAsOf.size >= target.minHolders) {
        detail.targetsFallingShort.push({
          teamId: target.teamId,
          requirement: target.requirement,
          minHolders: target.minHolders,
          holders,
        });
      }
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
  // A role's requirements are shared by its members, so each requirement's key is made once;
  // a requirement that is also a target of the team has its holders on asOf already.
  const keys = new Map<Requirement, string>();
  const keyOf = (requirement: Requirement) => {
    let key = keys.get(requirement);
    if (key === undefined) {
      key = requirementKey(requirement);
      keys.set(requirement, key);
    }
    return key;
  };
  const targetHolders = new Map<string, Map<string, Set<number>>>();
  today.targets.forEach((target, t) => {
    let byKey = targetHolders.get(target.teamId);
    if (byKey === undefined) targetHolders.set(target.teamId, (byKey = new Map()));
    const key = keyOf(target.requirement);
    if (!byKey.has(key)) byKey.set(key, today.holderIndexes[t]);
  });
  const singlePointsOfFailure: SinglePointOfFailure[] = [];
  for (const team of teams) {
    const teamMembers = activeByTeam.get(team.id) ?? [];
    const held = targetHolders.get(team.id);
    const requirements = new Map<string, Requirement>();
    const consider = (requirement: Requirement) => {
      const key = keyOf(requirement);
      if (!requirements.has(key)) requirements.set(key, requirement);
    };
    team.coverageTargets.forEach((target) => consider(target.requirement));
    new Set(teamMembers.map((i) => requirementsOf[i])).forEach((requirementsOfRole) =>
      requirementsOfRole.forEach(consider),
    );
    for (const [key, requirement] of requirements) {
      let holder = -1;
      let holders = 0;
      const known = held?.get(key);
      if (known !== undefined) {
        holders = known.size;
        if (holders === 1) holder = known.values().next().value as number;
      } else {
        for (const i of teamMembers) {
          if (!requirementMet(requirement, today.evidence[i])) continue;
          holders++;
          holder = i;
          if (holders > 1) break;
        }
      }
      if (holders === 1) {
        singlePointsOfFailure.push({ teamId: team.id, requirement, staffId: active[holder].id });
      }
    }
  }

  // R9 lapsed: credentials of non-terminated members current on asOf, chosen once and put in
  // the order lapsed lists are given in (soonest, then member, then id): each date's list is
  // then a filter of them, already in order.
  const currentOnAsOf: CredentialFacts[] = [];
  for (const credentials of department.credentialsByStaff.values()) {
    for (const credential of credentials) {
      if (isCredentialCurrent(credential, asOf, facts.settings)) currentOnAsOf.push(credential);
    }
  }
  sortLapsedOrder(currentOnAsOf, department.memberOrder);

  const named = new Set(options.extraDates ?? []);
  const forecast = dates.map(({ days, date }): ForecastPoint => {
    const lapsed = lapsedBy(asOf, date, currentOnAsOf, facts.settings);
    if (date < asOf) return { days, date, ...department.evaluate(date).figures, lapsed };
    if (!named.has(date)) return { days, date, ...figuresAfterAsOf(date), lapsed };
    // A named date (a survey) also says who and which teams stop being ready by then.
    const detail: SurveyDetail = { membersNoLongerReady: [], targetsFallingShort: [] };
    const figures = figuresAfterAsOf(date, detail);
    const order = (staffId: string) => department.memberOrder.get(staffId) ?? 0;
    detail.membersNoLongerReady.sort((a, b) => order(a.staffId) - order(b.staffId));
    return { days, date, ...figures, lapsed, ...detail };
  });

  return {
    asOf,
    ...today.figures,
    teams: today.teamFigures,
    members: today.members,
    onLeave: department.onLeave.map((member) => ({
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

/** The day a lapsed credential is reported as lapsing on (the contract's `expiresOn`). */
function lapsedOn(credential: CredentialFacts): IsoDate {
  // no expiry: it lapses by a recorded revocation (or, for a date before asOf, by not yet being
  // issued); the contract has no other field for that day
  return credential.expiresOn ?? credential.revokedOn ?? credential.issuedOn;
}

/**
 * Puts credentials in the order of R9 lapsed lists: soonest first, then by member name, then by
 * id. The keys are read once per credential, not once per comparison.
 */
function sortLapsedOrder(
  credentials: CredentialFacts[],
  memberOrder: ReadonlyMap<string, number>,
): void {
  const keyed = credentials.map((credential) => ({
    credential,
    on: lapsedOn(credential),
    member: memberOrder.get(credential.staffId) ?? 0,
  }));
  keyed.sort(
    (a, b) =>
      (a.on < b.on ? -1 : a.on > b.on ? 1 : 0) ||
      a.member - b.member ||
      (a.credential.id < b.credential.id ? -1 : a.credential.id > b.credential.id ? 1 : 0),
  );
  keyed.forEach((entry, i) => (credentials[i] = entry.credential));
}

/**
 * R9 "who will have lapsed by then": of the credentials current on asOf (already chosen, in the
 * order of sortLapsedOrder), those not current on `date`. Soonest first, then by member name. A
 * credential without expiresOn can only lapse by a revocation already recorded; its revocation
 * date is reported as its expiresOn.
 */
function lapsedBy(
  asOf: IsoDate,
  date: IsoDate,
  currentOnAsOf: readonly CredentialFacts[],
  settings: DepartmentFacts['settings'],
): LapsedCredential[] {
  const lapsed: LapsedCredential[] = [];
  for (const credential of currentOnAsOf) {
    // after asOf a credential current on asOf (issued, and verified when that is required) is
    // current on `date` unless it has expired or been revoked by then
    if (
      date >= asOf
        ? (credential.expiresOn === null || date <= credential.expiresOn) &&
          (credential.revokedOn === null || credential.revokedOn > date)
        : isCredentialCurrent(credential, date, settings, asOf)
    ) {
      continue;
    }
    lapsed.push({
      staffId: credential.staffId,
      credentialId: credential.id,
      credentialTypeId: credential.credentialTypeId,
      expiresOn: lapsedOn(credential),
    });
  }
  return lapsed;
}
