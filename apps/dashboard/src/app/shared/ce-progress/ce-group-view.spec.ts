import { formatHours, ceCategoryLabel } from '@him/domain';
import { AHIMA_RULE, ceGroup, NCRA_RULE } from '../../../testing/fixtures';
import { ruleCategories, toCategorySlug } from '../ce-activities/ce-categories';
import { ceGroupView } from './ce-group-view';

describe('ceGroupView', () => {
  it('says earned of required with pending beside it, never inside it (R15)', () => {
    const view = ceGroupView(ceGroup(), '2026-06-01');

    expect(view.hoursText).toBe('16 of 20 hours, 3.5 pending');
    expect(view.earnedPercent).toBe(80);
    expect(view.paceText).toBe('Pace today: 14.96 h');
    expect(view.pacePercent).toBeCloseTo(74.8);
    expect(view.remainingText).toBe('4 hours still needed');
    expect(view.cycleText).toBe('2025-09-20 to 2027-09-19');
    expect(view.cycleEndText).toBe('475 days left');
    expect(view.status.label).toBe('On track');
  });

  it('leaves out pending when there is none and caps the bar at the requirement', () => {
    const view = ceGroupView(
      ceGroup({ earned: 26, pending: 0, remaining: 0, status: 'met' }),
      '2026-06-01',
    );

    expect(view.hoursText).toBe('26 of 20 hours');
    expect(view.earnedPercent).toBe(100);
    expect(view.remainingText).toBe('No hours still needed');
    expect(view.status.label).toBe('Met');
  });

  it('says when the cycle ends today or ended', () => {
    expect(ceGroupView(ceGroup({ cycleEnd: '2026-06-01' }), '2026-06-01').cycleEndText).toBe(
      'ends today',
    );
    expect(ceGroupView(ceGroup({ cycleEnd: '2026-05-30' }), '2026-06-01').cycleEndText).toBe(
      'ended 2 days ago',
    );
  });

  it('reports each minimum with its own earned and required hours (R14)', () => {
    expect(
      ceGroupView(ceGroup(), '2026-06-01').minimums.map((m) => [m.label, m.text, m.badge.label]),
    ).toEqual([
      ['HIIM domains', '16 of 16 h', 'Met'],
      ['AHIMA or component association provided', '5 of 8 h', 'Not met yet'],
    ]);
  });
});

describe('CE categories', () => {
  it("lists the categories of the rules' minimums with what they count towards", () => {
    expect(ruleCategories([NCRA_RULE, AHIMA_RULE])).toEqual([
      {
        slug: 'hiim-domain',
        label: 'HIIM domains',
        countsFor: 'AHIMA: at least 80% of required hours',
      },
      {
        slug: 'ahima-provided',
        label: 'AHIMA or component association provided',
        countsFor: 'AHIMA: at least 40% of required hours',
      },
      { slug: 'ctr-category-a', label: 'ODS Category A', countsFor: 'NCRA: at least 4 hours' },
    ]);
  });

  it('reads unknown slugs as words and turns typed text into slugs', () => {
    expect(ceCategoryLabel('coding-update')).toBe('Coding update');
    expect(toCategorySlug('  Coding Update! 2026 ')).toBe('coding-update-2026');
    expect(toCategorySlug('***')).toBe('');
  });

  it('formats hours with at most two decimals', () => {
    expect([16, 3.5, 14.96, 1.005, 2 / 3].map(formatHours)).toEqual([
      '16',
      '3.5',
      '14.96',
      '1',
      '0.67',
    ]);
  });
});
