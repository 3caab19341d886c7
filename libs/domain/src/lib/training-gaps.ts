/**
 * "Who do I train on what": per team, each requirement its members' roles ask for that some of
 * them miss, and each coverage target without enough holders (R6, R7 on one date), with the
 * members concerned and the nearest people who already meet it.
 */
import type {
  GapPerson,
  IsoDate,
  Requirement,
  TeamTrainingGaps,
  TrainingGap,
  TrainingGapsResponse,
} from '@him/contracts';
import { assertIsoDate, evaluateDepartment } from './evaluation';
import type { DepartmentFacts, StaffFacts } from './model';
import { requirementKey, requirementMet } from './requirements';

export interface TrainingGapsOptions {
  /** the teams to answer for (default: every team); holders are looked for in the whole department */
  teamIds?: readonly string[];
  /** how many holders to name per gap (default 5) */
  nearest?: number;
}

const person = (member: StaffFacts): GapPerson => ({
  staffId: member.id,
  name: member.name,
  teamId: member.teamId,
});

/** Training gaps on asOf; `facts` should hold the whole department so that holders elsewhere are found. */
export function computeTrainingGaps(
  facts: DepartmentFacts,
  asOf: IsoDate,
  options: TrainingGapsOptions = {},
): TrainingGapsResponse {
  assertIsoDate('asOf', asOf);
  const nearest = options.nearest ?? 5;
  const wanted = options.teamIds ? new Set(options.teamIds) : null;
  const department = evaluateDepartment(facts, asOf);
  const { active, activeByTeam } = department;
  const today = department.evaluate(asOf);

  // Holders of each requirement, once per requirement, in name order.
  const holdersByKey = new Map<string, number[]>();
  const holdersOf = (requirement: Requirement): number[] => {
    const key = requirementKey(requirement);
    let holders = holdersByKey.get(key);
    if (holders === undefined) {
      holders = [];
      for (let i = 0; i < active.length; i++) {
        if (requirementMet(requirement, today.evidence[i])) holders.push(i);
      }
      holdersByKey.set(key, holders);
    }
    return holders;
  };
  const nearestHolders = (requirement: Requirement, teamId: string): GapPerson[] => {
    const holders = holdersOf(requirement);
    const own = holders.filter((i) => active[i].teamId === teamId);
    const others = holders.filter((i) => active[i].teamId !== teamId);
    return [...own, ...others].slice(0, nearest).map((i) => person(active[i]));
  };

  const teams = department.teams
    .filter((team) => wanted === null || wanted.has(team.id))
    .map((team): TeamTrainingGaps => {
      const members = activeByTeam.get(team.id) ?? [];
      const coverage: TrainingGap[] = [];
      today.targets.forEach((target, t) => {
        if (target.teamId !== team.id || target.gap === 0) return;
        const holders = today.holderIndexes[t];
        coverage.push({
          kind: 'coverage',
          requirement: target.requirement,
          needed: target.gap,
          members: members.filter((i) => !holders.has(i)).map((i) => person(active[i])),
          nearestHolders: nearestHolders(target.requirement, team.id),
          holdersInDepartment: holdersOf(target.requirement).length,
        });
      });

      const missed = new Map<string, { requirement: Requirement; members: GapPerson[] }>();
      for (const i of members) {
        for (const requirement of today.members[i].missing) {
          const key = requirementKey(requirement);
          const entry = missed.get(key);
          if (entry === undefined) missed.set(key, { requirement, members: [person(active[i])] });
          else entry.members.push(person(active[i]));
        }
      }
      const role = [...missed.entries()]
        .sort(([a, x], [b, y]) => y.members.length - x.members.length || (a < b ? -1 : 1))
        .map(
          ([, { requirement, members: missing }]): TrainingGap => ({
            kind: 'role',
            requirement,
            needed: missing.length,
            members: missing,
            nearestHolders: nearestHolders(requirement, team.id),
            holdersInDepartment: holdersOf(requirement).length,
          }),
        );

      return {
        teamId: team.id,
        name: team.name,
        activeStaff: members.length,
        gaps: [...coverage, ...role],
      };
    });

  return { asOf, teams };
}
