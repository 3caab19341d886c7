import { gzipSync } from 'node:zlib';
import type {
  IsoDate,
  MemberReadiness,
  ReadinessComparison,
  ReadinessResponse,
  ReadinessSummaryResponse,
  TeamFigures,
} from '@him/contracts';
import { computeCeStatus, computeReadiness, computeSkillsMatrix } from '@him/domain';
import type { MemberScope } from '../auth/access-policy';
import type { FactsRepository } from './facts.repository';

/**
 * One heavy computation of the analysis endpoints, as plain data: it crosses to a worker thread
 * (rules.worker.ts) or runs in the process (RULES_WORKERS=0) through the same `runRulesTask`.
 */
export type RulesTask =
  | {
      kind: 'readiness';
      scope: MemberScope;
      asOf: IsoDate;
      teamId?: string;
      extraDates: IsoDate[];
      /** the data version read before loading, so a replica behind it is not used */
      version: number;
    }
  | {
      kind: 'skills-matrix' | 'ce-status';
      scope: MemberScope;
      asOf: IsoDate;
      teamId?: string;
      version: number;
    };

/** A readiness answer ready to serve in any form without serializing 10,000 rows again. */
export interface ReadinessResult {
  kind: 'readiness';
  /** the full form as JSON bytes, for integrations, and gzipped */
  json: Uint8Array;
  gzip: Uint8Array;
  /**
   * The summary form without other days or a member page, as JSON ending in
   * SUMMARY_COMPARISONS_TAIL (so a request adding them replaces the tail), and gzipped.
   */
  summaryJson: string;
  summaryBytes: Uint8Array;
  summaryGzip: Uint8Array;
  /** the figures, for another request's `compare=` */
  figures: ReadinessComparison;
  /** the team figures, for another request's `compare=` */
  teams: TeamFigures[];
  /** each member row as JSON, in the full form's order, with what the filters need */
  members: { ready: boolean; json: string }[];
}

/** How the summary JSON ends: its empty comparisons, last. */
export const SUMMARY_COMPARISONS_TAIL = ',"comparisons":[],"comparisonTeams":[]}';

export interface JsonResult {
  kind: 'json';
  json: Uint8Array;
  /** the JSON gzipped (most clients accept it: a 5 MB answer leaves as a few hundred kB) */
  gzip: Uint8Array;
}

/** Fast compression: the answer is sent many times, compressed once, off the event loop. */
function gzipped(json: string | Uint8Array): Uint8Array {
  return gzipSync(json, { level: 4 });
}

function jsonBytes(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value));
}

export type RulesResult = ReadinessResult | JsonResult;

/** What runRulesTask reads from: the facts repository, or the worker's stand-in with the same queries. */
export type FactsSource = Pick<FactsRepository, 'departmentFacts' | 'ceFacts' | 'skills'>;

export async function runRulesTask(facts: FactsSource, task: RulesTask): Promise<RulesResult> {
  const options = { teamId: task.teamId };
  switch (task.kind) {
    case 'readiness': {
      const departmentFacts = await facts.departmentFacts(task.scope, task.asOf);
      const scope = task.scope;
      // A readiness of some teams (one asked for, or those the caller manages) holds those teams only.
      if (scope.kind === 'teams') {
        departmentFacts.teams = departmentFacts.teams.filter((team) =>
          scope.teamIds.includes(team.id),
        );
      }
      const readiness = computeReadiness(departmentFacts, task.asOf, {
        ...options,
        extraDates: task.extraDates,
      });
      return readinessResult(readiness);
    }
    case 'skills-matrix': {
      const [departmentFacts, skills] = await Promise.all([
        facts.departmentFacts(task.scope, task.asOf),
        facts.skills(task.scope.departmentId),
      ]);
      const json = jsonBytes(computeSkillsMatrix(departmentFacts, task.asOf, skills, options));
      return { kind: 'json', json, gzip: gzipped(json) };
    }
    case 'ce-status': {
      const json = jsonBytes(
        computeCeStatus(await facts.ceFacts(task.scope, task.asOf), task.asOf, options),
      );
      return { kind: 'json', json, gzip: gzipped(json) };
    }
  }
}

export function readinessResult(readiness: ReadinessResponse): ReadinessResult {
  const { members, onLeave, ...rest } = readiness;
  const names = new Map<string, { name: string; teamId: string }>();
  for (const member of [...members, ...onLeave]) {
    names.set(member.staffId, { name: member.name, teamId: member.teamId });
  }
  const mentioned = new Set<string>();
  for (const point of rest.singlePointsOfFailure) mentioned.add(point.staffId);
  for (const target of rest.targets) for (const staffId of target.holderIds) mentioned.add(staffId);
  for (const point of rest.forecast) {
    for (const lapsed of point.lapsed) mentioned.add(lapsed.staffId);
    // a survey date: who stops being ready by then
    for (const member of point.membersNoLongerReady ?? []) mentioned.add(member.staffId);
  }
  const people = [...mentioned].flatMap((staffId) => {
    const known = names.get(staffId);
    return known ? [{ staffId, ...known }] : [];
  });
  const summary: ReadinessSummaryResponse = {
    ...rest,
    view: 'summary',
    activeStaff: members.length,
    notReadyStaff: members.filter((member) => !member.ready).length,
    onLeaveStaff: onLeave.length,
    people,
    onLeave,
    // last: SUMMARY_COMPARISONS_TAIL
    comparisons: [],
    comparisonTeams: [],
  };
  const summaryJson = JSON.stringify(summary);
  const json = Buffer.from(JSON.stringify(readiness));
  return {
    kind: 'readiness',
    json,
    gzip: gzipSync(json, { level: 4 }),
    summaryJson,
    summaryBytes: Buffer.from(summaryJson),
    summaryGzip: gzipped(summaryJson),
    figures: {
      asOf: rest.asOf,
      staffReadyPct: rest.staffReadyPct,
      requirementsMetPct: rest.requirementsMetPct,
      targetsMet: rest.targetsMet,
      staffReady: rest.staffReady,
      requirementsMet: rest.requirementsMet,
    },
    teams: rest.teams,
    members: members.map((member: MemberReadiness) => ({
      ready: member.ready,
      json: JSON.stringify(member),
    })),
  };
}
