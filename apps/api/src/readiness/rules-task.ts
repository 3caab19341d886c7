import { gzipSync } from 'node:zlib';
import type { IsoDate, MemberReadiness, ReadinessResponse } from '@him/contracts';
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
  /** the full form as JSON, for integrations, and gzipped */
  json: string;
  gzip: Uint8Array;
  /** everything but the member rows */
  summary: Omit<ReadinessResponse, 'members' | 'onLeave'> & { onLeaveStaff: number };
  /** each member row as JSON, in the full form's order, with what the filters need */
  members: { ready: boolean; json: string }[];
  /** names of every member the answer mentions (active and on leave) */
  names: [string, { name: string; teamId: string }][];
}

export interface JsonResult {
  kind: 'json';
  json: string;
  /** the JSON gzipped (most clients accept it: a 5 MB answer leaves as a few hundred kB) */
  gzip: Uint8Array;
}

/** Fast compression: the answer is sent many times, compressed once, off the event loop. */
function gzipped(json: string): Uint8Array {
  return gzipSync(json, { level: 4 });
}

export type RulesResult = ReadinessResult | JsonResult;

/** What runRulesTask reads from: the facts repository, or the worker's stand-in with the same queries. */
export type FactsSource = Pick<FactsRepository, 'departmentFacts' | 'ceFacts' | 'skills'>;

export async function runRulesTask(facts: FactsSource, task: RulesTask): Promise<RulesResult> {
  const options = { teamId: task.teamId };
  switch (task.kind) {
    case 'readiness': {
      const readiness = computeReadiness(
        await facts.departmentFacts(task.scope, task.asOf),
        task.asOf,
        {
          ...options,
          extraDates: task.extraDates,
        },
      );
      return readinessResult(readiness);
    }
    case 'skills-matrix': {
      const [departmentFacts, skills] = await Promise.all([
        facts.departmentFacts(task.scope, task.asOf),
        facts.skills(task.scope.departmentId),
      ]);
      const json = JSON.stringify(computeSkillsMatrix(departmentFacts, task.asOf, skills, options));
      return { kind: 'json', json, gzip: gzipped(json) };
    }
    case 'ce-status': {
      const json = JSON.stringify(
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
  const json = JSON.stringify(readiness);
  return {
    kind: 'readiness',
    json,
    gzip: gzipped(json),
    summary: { ...rest, onLeaveStaff: onLeave.length },
    members: members.map((member: MemberReadiness) => ({
      ready: member.ready,
      json: JSON.stringify(member),
    })),
    names: [...names],
  };
}
