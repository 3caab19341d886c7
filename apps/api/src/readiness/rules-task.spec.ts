import type { ReadinessResponse } from '@him/contracts';
import { memberJson, readinessResult, SUMMARY_COMPARISONS_TAIL } from './rules-task';

function member(staffId: string, name: string, ready: boolean) {
  return {
    staffId,
    name,
    teamId: 't1',
    roleId: 'r1',
    met: ready ? 1 : 0,
    total: 1,
    ready,
    missing: ready ? [] : [{ kind: 'skill' as const, skillId: 's1', minLevel: 2 }],
  };
}

function readiness(names: string[]): ReadinessResponse {
  const figures = {
    staffReadyPct: 0.5,
    requirementsMetPct: 0.5,
    targetsMet: { met: 0, total: 1 },
    staffReady: { ready: 1, total: 2 },
    requirementsMet: { met: 1, total: 2 },
  };
  return {
    asOf: '2026-11-24',
    ...figures,
    teams: [{ teamId: 't1', name: 'Coding', activeStaff: names.length, ...figures }],
    members: names.map((name, i) => member(`m${i}`, name, i % 2 === 0)),
    onLeave: [{ staffId: 'l1', name: 'Zoë Leave', teamId: 't1', roleId: 'r1' }],
    targets: [
      {
        teamId: 't1',
        requirement: { kind: 'skill', skillId: 's1', minLevel: 2 },
        minHolders: 2,
        holders: 1,
        holderIds: ['m0'],
        gap: 1,
        singlePointOfFailure: true,
      },
    ],
    singlePointsOfFailure: [
      { teamId: 't1', requirement: { kind: 'skill', skillId: 's1', minLevel: 2 }, staffId: 'm0' },
    ],
    forecast: [],
  };
}

describe('readinessResult', () => {
  for (const [what, names] of [
    ['ASCII names', ['Ann Lee', 'Bob Ray', 'Cy Dunn']],
    ['names beyond ASCII', ['Émile Ñúñez', 'Bob Ray', '李小龍']],
    ['no members', []],
  ] as const) {
    it(`serializes both forms as JSON.stringify would, member rows cut where they lie (${what})`, async () => {
      const response = readiness([...names]);
      const result = await readinessResult(response);
      const json = Buffer.from(result.json).toString('utf8');
      expect(json).toBe(JSON.stringify(response));
      response.members.forEach((row, i) => {
        expect(memberJson(result, i)).toBe(JSON.stringify(row));
        expect(result.memberReady[i]).toBe(row.ready ? 1 : 0);
      });
      const summary = Buffer.from(result.summaryBytes).toString('utf8');
      expect(summary.endsWith(SUMMARY_COMPARISONS_TAIL)).toBe(true);
      const { members, onLeave, ...rest } = response;
      const people = names.length > 0 ? [{ staffId: 'm0', name: names[0], teamId: 't1' }] : [];
      expect(summary).toBe(
        JSON.stringify({
          ...rest,
          view: 'summary',
          activeStaff: members.length,
          notReadyStaff: members.filter((row) => !row.ready).length,
          onLeaveStaff: onLeave.length,
          people,
          onLeave,
          comparisons: [],
          comparisonTeams: [],
        }),
      );
    });
  }
});
