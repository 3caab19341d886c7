import { problemMessages } from '../common/field-problems';
import { ceChangeRefusal, completedOnProblems } from './ce-activity-rules';

const today = '2026-05-31';

describe('completedOnProblems', () => {
  it('accepts an activity completed today or earlier', () => {
    expect(completedOnProblems(today, today)).toEqual([]);
    expect(completedOnProblems('2025-12-31', today)).toEqual([]);
  });

  it('refuses one completed after today (the department day)', () => {
    expect(problemMessages(completedOnProblems('2026-06-01', today))).toEqual([
      'completedOn must not be in the future (today is 2026-05-31)',
    ]);
    expect(completedOnProblems('2026-06-01', today)).toEqual([
      { field: 'completedOn', message: 'must not be in the future (today is 2026-05-31)' },
    ]);
  });

  it('has nothing to check without a date', () => {
    expect(completedOnProblems(undefined, today)).toEqual([]);
  });
});

describe('ceChangeRefusal', () => {
  it('lets a reviewer change an activity in any status', () => {
    for (const status of ['submitted', 'approved', 'rejected'] as const)
      expect(ceChangeRefusal('any-status', status, 'change')).toBeNull();
  });

  it('lets the member change it only while it awaits review', () => {
    expect(ceChangeRefusal('while-submitted', 'submitted', 'delete')).toBeNull();
    expect(ceChangeRefusal('while-submitted', 'approved', 'delete')).toEqual({
      reason: 'reviewed',
      message: "the activity is approved; only a reviewer of the member's team may delete it now",
    });
  });

  it('refuses whoever has no right to it', () => {
    expect(ceChangeRefusal(null, 'submitted', 'change')).toEqual({
      reason: 'no-right',
      message:
        "only the member, whoever logged it, or a reviewer of the member's team may change this activity",
    });
  });
});
