import type { CeActivityQueueItem, Expiration } from '@him/contracts';
import { ceActivity, ceGroup } from '../../testing/fixtures';
import { actNowGroups, type ActNowFacts } from './act-now-view';
import type { TeamRow } from './readiness-view';
import { teamsWorstFirst, teamTargetBadge } from './team-order';

function expiration(overrides: Partial<Expiration>): Expiration {
  return {
    credentialId: 'c1',
    staffId: 's1',
    staffName: 'Ana Ruiz',
    teamId: 't1',
    credentialTypeId: 'type-rhit',
    credentialTypeCode: 'RHIT',
    number: null,
    expiresOn: '2026-06-06',
    daysLeft: 5,
    verified: false,
    ...overrides,
  };
}

function queued(id: string, submittedAt: string): CeActivityQueueItem {
  return {
    ...ceActivity({ id, title: `Webinar ${id}`, staffId: 's2' }),
    staffName: 'Ben Okafor',
    teamId: 't1',
    submittedAt,
  };
}

const FACTS: ActNowFacts = {
  asOf: '2026-06-01',
  expirations: [
    expiration({}),
    expiration({ credentialId: 'c2', daysLeft: 15, expiresOn: '2026-06-16', verified: true }),
    expiration({ credentialId: 'c3', daysLeft: 14, expiresOn: '2026-06-15', verified: true }),
  ],
  requireVerification: false,
  ceGroups: [ceGroup({ staffId: 's2', status: 'at-risk' }), ceGroup({ status: 'behind' })],
  reviewQueue: [queued('a1', '2026-05-24T15:00:00Z'), queued('a2', '2026-05-25T15:00:00Z')],
  timeZone: 'America/Chicago',
  names: { staff: new Map([['s2', 'Ben Okafor']]), teams: new Map([['t1', 'Coding']]) },
  memberTeams: new Map([['s2', 't1']]),
};

describe('the Act now band', () => {
  it('lists lapsing within 14 days (the 14th day included), unverified ones, CE at risk and reviews waiting over a week', () => {
    const groups = actNowGroups(FACTS);
    const byKey = new Map(groups.map((group) => [group.key, group.items]));
    expect(byKey.get('lapsing')?.map((item) => item.key)).toEqual(['lapsing:c1', 'lapsing:c3']);
    expect(byKey.get('lapsing')?.[0].what).toBe(
      'RHIT expires in 5 days (2026-06-06), not verified',
    );
    expect(byKey.get('unverified')?.map((item) => item.key)).toEqual(['unverified:c1']);
    expect(byKey.get('ce-at-risk')).toHaveLength(1);
    expect(byKey.get('ce-at-risk')?.[0]).toMatchObject({
      staffName: 'Ben Okafor',
      teamName: 'Coding',
    });
    // a1 was logged on May 24 in Chicago: 8 days by June 1; a2 on May 25: 7 days, not yet
    expect(byKey.get('reviews')?.map((item) => item.key)).toEqual(['review:a1']);
    expect(byKey.get('reviews')?.[0]).toMatchObject({ link: '/review', action: 'Review' });
  });

  it('lists no unverified credentials where only verified ones count', () => {
    const unverified = actNowGroups({ ...FACTS, requireVerification: true }).find(
      (group) => group.key === 'unverified',
    );
    expect(unverified?.items).toEqual([]);
    expect(unverified?.none).toBe('Only verified credentials count in this department.');
  });
});

describe('teams worst first', () => {
  const team = (name: string, ready: number | null, met: number, total: number): TeamRow =>
    ({
      teamId: name,
      name,
      staffReadyPct: ready,
      requirementsMetPct: ready,
      targets: { met, total },
    }) as TeamRow;

  it('puts teams below target first, then the lowest share ready; says below target in words', () => {
    const sorted = teamsWorstFirst([
      team('A', 0.5, 2, 2),
      team('B', 0.9, 1, 2),
      team('C', null, 0, 0),
      team('D', 0.2, 3, 3),
      team('E', 0.4, 0, 1),
    ]);
    expect(sorted.map((row) => row.name)).toEqual(['E', 'B', 'D', 'A', 'C']);
    expect(teamTargetBadge(sorted[0]).label).toBe('Below target: 1 target short');
    expect(teamTargetBadge(sorted[2]).label).toBe('On target');
    expect(teamTargetBadge(sorted[4]).label).toBe('No coverage targets');
  });
});
