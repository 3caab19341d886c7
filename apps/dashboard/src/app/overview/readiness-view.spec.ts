import type { ReadinessResponse } from '@him/contracts';
import { EMPTY_REQUIREMENT_CATALOG } from '../core/catalog/requirement-catalog';
import { buildOverviewView, forecastRows, formatTargetsMet } from './readiness-view';

describe('formatTargetsMet', () => {
  it('shows met of total, or "—" when there are no targets', () => {
    expect(formatTargetsMet({ met: 2, total: 5 })).toBe('2 of 5');
    expect(formatTargetsMet({ met: 0, total: 0 })).toBe('—');
  });
});

function readiness(overrides: Partial<ReadinessResponse> = {}): ReadinessResponse {
  return {
    asOf: '2025-06-01',
    staffReadyPct: 1,
    requirementsMetPct: null,
    targetsMet: { met: 0, total: 0 },
    staffReady: { ready: 1, total: 1 },
    requirementsMet: { met: 0, total: 0 },
    teams: [],
    members: [
      {
        staffId: 's1',
        name: 'Ana',
        teamId: 't1',
        roleId: 'r1',
        met: 0,
        total: 0,
        ready: true,
        missing: [],
      },
    ],
    onLeave: [],
    targets: [],
    singlePointsOfFailure: [],
    forecast: [],
    ...overrides,
  };
}

describe('buildOverviewView', () => {
  it('explains a null requirements figure for active staff whose roles have no requirements', () => {
    const view = buildOverviewView(readiness(), EMPTY_REQUIREMENT_CATALOG);

    expect(view.headline.staffReady).toEqual({
      value: '100%',
      detail: '1 of 1 active staff ready',
    });
    expect(view.headline.requirementsMet).toEqual({
      value: '—',
      detail: 'no role requirements apply',
    });
  });

  it('does not print counts that disagree with the figure the API computed', () => {
    const view = buildOverviewView(readiness({ staffReadyPct: 0.5 }), EMPTY_REQUIREMENT_CATALOG);

    expect(view.headline.staffReady).toEqual({ value: '50%', detail: 'of active staff ready' });
  });

  it('falls back to short ids when the skill and credential names are not available', () => {
    const view = buildOverviewView(
      readiness({
        teams: [
          {
            teamId: 't1',
            name: 'Coding',
            activeStaff: 1,
            staffReadyPct: 1,
            requirementsMetPct: null,
            targetsMet: { met: 0, total: 1 },
            staffReady: { ready: 1, total: 1 },
            requirementsMet: { met: 0, total: 0 },
          },
        ],
        targets: [
          {
            teamId: 't1',
            requirement: { kind: 'credential', anyOf: ['0f9a1c2e-aaaa-bbbb-cccc-000000000000'] },
            minHolders: 1,
            holders: 0,
            holderIds: [],
            gap: 1,
            singlePointOfFailure: false,
          },
        ],
      }),
      EMPTY_REQUIREMENT_CATALOG,
    );

    expect(view.coverageGaps[0]).toMatchObject({
      teamName: 'Coding',
      requirement: 'credential type 0f9a1c2e credential',
      holderNames: 'No one',
    });
  });
});

describe('forecastRows', () => {
  it('starts with the as-of date and orders the horizons', () => {
    const points = [180, 30].map((days) => ({
      days,
      date: `d+${days}`,
      staffReadyPct: 0.5,
      requirementsMetPct: 0.5,
      targetsMet: { met: 1, total: 2 },
      staffReady: { ready: 1, total: 2 },
      requirementsMet: { met: 1, total: 2 },
      lapsed: [],
    }));

    expect(
      forecastRows(readiness({ forecast: points })).map((row) => [row.when, row.date]),
    ).toEqual([
      ['As of date', '2025-06-01'],
      ['In 30 days', 'd+30'],
      ['In 180 days', 'd+180'],
    ]);
  });

  it("uses the API's own day-0 point when it sends one", () => {
    const dayZero = {
      days: 0,
      date: '2025-06-01',
      staffReadyPct: 0.25,
      requirementsMetPct: 0.5,
      targetsMet: { met: 0, total: 1 },
      staffReady: { ready: 1, total: 4 },
      requirementsMet: { met: 2, total: 4 },
      lapsed: [],
    };

    const rows = forecastRows(readiness({ forecast: [dayZero] }));

    expect(rows).toHaveLength(1);
    expect(rows[0].staffReady).toBe('25%');
  });
});
