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
  /** the full form as JSON, for integrations */
  json: string;
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
      return {
        kind: 'json',
        json: JSON.stringify(computeSkillsMatrix(departmentFacts, task.asOf, skills, options)),
      };
    }
    case 'ce-status':
      return {
        kind: 'json',
        json: JSON.stringify(
          computeCeStatus(await facts.ceFacts(task.scope, task.asOf), task.asOf, options),
        ),
      };
  }
}

export function readinessResult(readiness: ReadinessResponse): ReadinessResult {
  const { members, onLeave, ...rest } = readiness;
  const names = new Map<string, { name: string; teamId: string }>();
  for (const member of [...members, ...onLeave]) {
    names.set(member.staffId, { name: member.name, teamId: member.teamId });
  }
  return {
    kind: 'readiness',
    json: JSON.stringify(readiness),
    summary: { ...rest, onLeaveStaff: onLeave.length },
    members: members.map((member: MemberReadiness) => ({
      ready: member.ready,
      json: JSON.stringify(member),
    })),
    names: [...names],
  };
}
