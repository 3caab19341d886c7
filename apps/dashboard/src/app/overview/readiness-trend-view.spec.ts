import type { ReadinessSnapshot, RequirementChange } from '@him/contracts';
import {
  daysOf,
  recordedFiguresText,
  requirementChangesText,
  trendRows,
} from './readiness-trend-view';

const snapshot = (takenOn: string, ready: number, total: number): ReadinessSnapshot => ({
  takenOn,
  recordedAt: `${takenOn}T23:07:00.000Z`,
  staffReadyPct: total === 0 ? null : ready / total,
  requirementsMetPct: 0.9,
  targetsMet: { met: 3, total: 4 },
  staffReady: { ready, total },
  requirementsMet: { met: 18, total: 20 },
  teams: [],
});

const change = (on: string, kind: RequirementChange['kind'], name: string): RequirementChange => ({
  on,
  at: `${on}T15:00:00.000Z`,
  kind,
  name,
});

describe('the recorded trend in words', () => {
  it('names the requirement changes after the compared day through the as-of date', () => {
    const changes = [
      change('2026-11-03', 'role-requirements', 'Coder'),
      change('2026-11-20', 'role-requirements', 'Medical Coder'),
      change('2026-11-20', 'role-requirements', 'Medical Coder'),
      change('2026-11-25', 'coverage-targets', 'Billing'),
      change('2026-12-04', 'role-requirements', 'Auditor'),
    ];
    expect(requirementChangesText(changes, '2026-11-03', '2026-12-03')).toBe(
      'Requirements changed on Nov 20 (requirements of Medical Coder) and Nov 25 (coverage targets of Billing).',
    );
    expect(requirementChangesText(changes.slice(0, 1), '2026-11-03', '2026-12-03')).toBeNull();
  });

  it("says the compared day's recorded figures, or nothing without a record", () => {
    const points = [snapshot('2026-11-03', 8, 10)];
    expect(recordedFiguresText(points, '2026-11-03', '2026-12-03')).toBe(
      'As recorded on Nov 3, under the requirements of that day: staff ready 80% (8 of 10), requirements met 90% (18 of 20), coverage targets met 3 of 4.',
    );
    expect(recordedFiguresText(points, '2026-11-04', '2026-12-03')).toBeNull();
  });

  it('shows a day without members as no figure, and every day of the window on the axis', () => {
    expect(trendRows([snapshot('2026-11-03', 0, 0)])[0].staffReady).toBe('—');
    expect(daysOf('2026-11-29', '2026-12-02')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
  });
});
