import type {
  IsoDate,
  SurveyWindowResponse,
  SurveyWindowTarget,
  SurveyWindowTeam,
  TargetsMet,
  WindowLapse,
  WindowLowest,
} from '@him/contracts';
import { fraction } from './collections';
import { isCredentialCurrent } from './credentials';
import {
  assertIsoDate,
  countMet,
  credentialLapsesOn,
  evaluateDepartment,
  type DepartmentEvaluator,
} from './evaluation';
import type { DepartmentFacts } from './model';
import { requirementMet } from './requirements';

export interface SurveyWindowOptions {
  /** restrict members, teams, targets, figures and lapses to one team */
  teamId?: string;
}

/**
 * R17 survey window: for [from, to] with asOf <= from <= to, under the assumptions of R9
 * (nothing renews, is earned or is assessed after asOf), the lowest R8 figures on any day of
 * the window with the first day each is reached, the teams whose coverage targets fail on some
 * day of it (first failing day per target), and every credential and assessment that lapses
 * inside it.
 *
 * Only `from` is evaluated in full. After the knowledge cut a member's evidence changes only on
 * the day after a credential stops being current (expiresOn + 1, revokedOn) or an assessment
 * lapses (R2); on those days only the members concerned are re-evaluated and the counts behind
 * the figures are adjusted, so the cost is one evaluation plus one per lapse, whatever the
 * window's length. The denominators (active members, their requirements, the targets) are the
 * same on every day, so figures are compared by their numerators, exactly.
 */
export function computeSurveyWindow(
  facts: DepartmentFacts,
  asOf: IsoDate,
  from: IsoDate,
  to: IsoDate,
  options: SurveyWindowOptions = {},
): SurveyWindowResponse {
  assertIsoDate('asOf', asOf);
  assertIsoDate('from', from);
  assertIsoDate('to', to);
  if (from < asOf) throw new RangeError(`from (${from}) is before asOf (${asOf})`);
  if (to < from) throw new RangeError(`to (${to}) is before from (${from})`);

  const department = evaluateDepartment(facts, asOf, options.teamId);
  const { active, requirementsOf } = department;
  const start = department.evaluate(from);

  // The days inside the window after `from` on which each member's evidence can change.
  const changingOn = new Map<IsoDate, number[]>();
  for (let i = 0; i < active.length; i++) {
    const days = department.changeDaysAfter(from, i);
    days.forEach((day, d) => {
      // a member once per day, however many of their records lapse on it
      if (day > to || days.indexOf(day) !== d) return;
      const members = changingOn.get(day);
      if (members === undefined) changingOn.set(day, [i]);
      else members.push(i);
    });
  }
  const days = [...changingOn.keys()].sort();

  // Counts on `from`, then adjusted day by change day.
  const met = start.members.map((member) => member.met);
  let ready = start.members.filter((member) => member.ready).length;
  let metSum = met.reduce((sum, n) => sum + n, 0);
  const totalSum = start.members.reduce((sum, member) => sum + member.total, 0);
  const targets = start.targets;
  const holding = start.holderIndexes.map((holders) => new Set(holders));
  let targetsMet = targets.filter((target) => target.gap === 0).length;
  const targetsOfTeam = new Map<string, number[]>();
  targets.forEach((target, t) => {
    const indexes = targetsOfTeam.get(target.teamId);
    if (indexes === undefined) targetsOfTeam.set(target.teamId, [t]);
    else indexes.push(t);
  });

  let lowestReady = { count: ready, on: from };
  let lowestMet = { count: metSum, on: from };
  let lowestTargets = { count: targetsMet, on: from };
  const firstFailing: ({ on: IsoDate; holders: number } | undefined)[] = targets.map((target) =>
    target.holders < target.minHolders ? { on: from, holders: target.holders } : undefined,
  );
  const fewest = targets.map((target) => target.holders);

  for (const day of days) {
    const touched = new Set<number>();
    for (const i of changingOn.get(day) as number[]) {
      const evidence = department.evidenceOn(day, i);
      const total = requirementsOf[i].length;
      const nowMet = countMet(requirementsOf[i], evidence);
      if (nowMet !== met[i]) {
        if (met[i] === total) ready--;
        if (nowMet === total) ready++;
        metSum += nowMet - met[i];
        met[i] = nowMet;
      }
      for (const t of targetsOfTeam.get(active[i].teamId) ?? []) {
        const holdsNow = requirementMet(targets[t].requirement, evidence);
        if (holdsNow === holding[t].has(i)) continue;
        const wasMet = holding[t].size >= targets[t].minHolders;
        if (holdsNow) holding[t].add(i);
        else holding[t].delete(i);
        const isMet = holding[t].size >= targets[t].minHolders;
        if (wasMet !== isMet) targetsMet += isMet ? 1 : -1;
        touched.add(t);
      }
    }
    if (ready < lowestReady.count) lowestReady = { count: ready, on: day };
    if (metSum < lowestMet.count) lowestMet = { count: metSum, on: day };
    if (targetsMet < lowestTargets.count) lowestTargets = { count: targetsMet, on: day };
    for (const t of touched) {
      const holders = holding[t].size;
      if (holders < fewest[t]) fewest[t] = holders;
      if (holders < targets[t].minHolders && firstFailing[t] === undefined) {
        firstFailing[t] = { on: day, holders };
      }
    }
  }

  const teams: SurveyWindowTeam[] = [];
  for (const team of department.teams) {
    const failing: SurveyWindowTarget[] = [];
    let teamFirst: IsoDate | undefined;
    for (const t of targetsOfTeam.get(team.id) ?? []) {
      const failure = firstFailing[t];
      if (failure === undefined) continue;
      failing.push({
        requirement: targets[t].requirement,
        minHolders: targets[t].minHolders,
        firstFailingOn: failure.on,
        holdersThen: failure.holders,
        fewestHolders: fewest[t],
      });
      if (teamFirst === undefined || failure.on < teamFirst) teamFirst = failure.on;
    }
    if (teamFirst !== undefined) {
      teams.push({ teamId: team.id, name: team.name, firstFailingOn: teamFirst, targets: failing });
    }
  }

  const lowestTargetsMet: WindowLowest<TargetsMet> = {
    value: { met: lowestTargets.count, total: targets.length },
    firstOn: lowestTargets.on,
  };
  return {
    asOf,
    from,
    to,
    onFrom: start.figures,
    staffReadyPct: { value: fraction(lowestReady.count, active.length), firstOn: lowestReady.on },
    requirementsMetPct: { value: fraction(lowestMet.count, totalSum), firstOn: lowestMet.on },
    targetsMet: lowestTargetsMet,
    teams,
    lapses: windowLapses(facts, department, from, to),
    evaluatedDays: 1 + days.length,
  };
}

/**
 * R17 what lapses inside the window, for every non-terminated member in scope: credentials
 * current on `from` (R4, with the department's verification setting) that stop being current
 * on a later day of the window, and the latest assessments of the skills the member's role or
 * team needs that count on `from` and lapse on a later day of it (R2). Soonest first, then by
 * member name, credentials before assessments.
 */
function windowLapses(
  facts: DepartmentFacts,
  department: DepartmentEvaluator,
  from: IsoDate,
  to: IsoDate,
): WindowLapse[] {
  const lapses: { lapse: WindowLapse; order: number; key: string }[] = [];
  for (const member of department.nonTerminated) {
    const order = department.memberOrder.get(member.id) ?? 0;
    for (const credential of department.credentialsByStaff.get(member.id) ?? []) {
      if (!isCredentialCurrent(credential, from, facts.settings, department.asOf)) continue;
      const lapsesOn = credentialLapsesOn(credential, from, department.dayAfter);
      if (lapsesOn === null || lapsesOn > to) continue;
      lapses.push({
        order,
        key: `0${credential.id}`,
        lapse: {
          kind: 'credential',
          staffId: member.id,
          credentialId: credential.id,
          credentialTypeId: credential.credentialTypeId,
          expiresOn: credential.expiresOn,
          revokedOn: credential.revokedOn,
          lapsesOn,
        },
      });
    }
    const needed = department.neededSkills(member);
    for (const assessment of department.latestOf(member.id, department.asOf).values()) {
      if (!needed.has(assessment.skillId)) continue;
      const dueBy = department.validity.countsThrough(assessment);
      if (dueBy === null || dueBy < from || dueBy >= to) continue;
      lapses.push({
        order,
        key: `1${assessment.skillId}`,
        lapse: {
          kind: 'assessment',
          staffId: member.id,
          skillId: assessment.skillId,
          level: assessment.level,
          source: assessment.source,
          assessedOn: assessment.assessedOn,
          dueBy,
          lapsesOn: department.dayAfter(dueBy),
        },
      });
    }
  }
  return lapses
    .sort(
      (a, b) =>
        (a.lapse.lapsesOn < b.lapse.lapsesOn ? -1 : a.lapse.lapsesOn > b.lapse.lapsesOn ? 1 : 0) ||
        a.order - b.order ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .map(({ lapse }) => lapse);
}
