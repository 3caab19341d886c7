import { assessment, member, SETTINGS, skill, skillReq } from '../testing/fixtures';
import type { DepartmentFacts } from './model';
import { reassessmentsDue } from './reassessments';

const D = '2026-03-15'; // + 90 days = 2026-06-13

/**
 * hipaa is reassessed yearly, icd after the department's 36 months, soft never (the department
 * default applies to skills not listed: 36).
 */
const facts: Pick<
  DepartmentFacts,
  'settings' | 'skills' | 'staff' | 'roles' | 'teams' | 'assessments'
> = {
  settings: { ...SETTINGS, assessmentValidityMonths: 36 },
  skills: [
    { ...skill('hipaa', 12), name: 'HIPAA privacy' },
    { ...skill('icd'), name: 'ICD-10-CM coding' },
    { ...skill('comm'), name: 'Communication' },
  ],
  staff: [
    member('zoe', { name: 'Zoe', teamId: 'roi', roleId: 'roi' }),
    member('abe', { name: 'Abe', teamId: 'coding', roleId: 'coder' }),
    member('lea', { name: 'Lea', teamId: 'roi', roleId: 'roi', status: 'leave' }),
    member('ted', { name: 'Ted', teamId: 'roi', roleId: 'roi', status: 'terminated' }),
  ],
  roles: [
    { id: 'roi', requirements: [skillReq('hipaa', 3)] },
    { id: 'coder', requirements: [skillReq('icd', 3)] },
  ],
  // the coding team needs hipaa too, as a coverage target
  teams: [
    {
      id: 'coding',
      name: 'Coding',
      coverageTargets: [{ requirement: skillReq('hipaa', 2), minHolders: 1 }],
    },
    { id: 'roi', name: 'ROI', coverageTargets: [] },
  ],
  assessments: [
    assessment('zoe', 'hipaa', 3, '2025-03-15'), // due 2026-03-15 = D: not yet overdue
    assessment('zoe', 'comm', 2, '2020-01-01'), // not needed by her role or team
    assessment('abe', 'icd', 3, '2023-06-13'), // due 2026-06-13 = D + 90: last day of the window
    assessment('abe', 'hipaa', 2, '2025-06-14'), // due 2026-06-14: outside the window
    assessment('abe', 'hipaa', 1, '2024-01-01'), // older: replaced by the one above
    assessment('lea', 'hipaa', 3, '2025-03-14'), // due 2026-03-14: overdue by one day
    assessment('lea', 'hipaa', 4, '2026-03-16'), // after D: not known on D
    assessment('ted', 'hipaa', 3, '2025-03-20'),
  ],
};

describe('R2 reassessment due', () => {
  const list = reassessmentsDue(facts, D, 90);

  it('R2 reassessment due lists the latest assessments due from D through D + window, and the overdue ones', () => {
    expect(list.map((r) => [r.staffId, r.skillId, r.dueBy, r.daysLeft, r.overdue])).toEqual([
      ['lea', 'hipaa', '2026-03-14', -1, true],
      ['zoe', 'hipaa', '2026-03-15', 0, false],
      ['abe', 'icd', '2026-06-13', 90, false],
    ]);
    expect(reassessmentsDue(facts, D, 91).map((r) => [r.staffId, r.skillId])).toContainEqual([
      'abe',
      'hipaa',
    ]);
  });

  it('R2 an entry carries the member, the skill, the assessment and its lapse date', () => {
    expect(list[0]).toEqual({
      staffId: 'lea',
      staffName: 'Lea',
      teamId: 'roi',
      skillId: 'hipaa',
      skillName: 'HIPAA privacy',
      level: 3,
      source: 'manager',
      assessedOn: '2025-03-14',
      dueBy: '2026-03-14',
      lapsesOn: '2026-03-15',
      daysLeft: -1,
      overdue: true,
    });
  });

  it("R2 reassessment due covers the skills the member's role or team needs; all lists every one", () => {
    // Abe's hipaa is needed by the coding team's target: listed once due (Lea was reassessed)
    expect(
      reassessmentsDue(facts, '2026-06-14', 0).map((r) => [r.staffId, r.skillId, r.daysLeft]),
    ).toEqual([
      ['zoe', 'hipaa', -91],
      ['abe', 'icd', -1],
      ['abe', 'hipaa', 0],
    ]);
    const all = reassessmentsDue(facts, D, 90, { all: true });
    expect(all.map((r) => [r.staffId, r.skillId])).toEqual([
      ['zoe', 'comm'], // 2020-01-01 + 36 months: overdue since 2023-01-02
      ['lea', 'hipaa'],
      ['zoe', 'hipaa'],
      ['abe', 'icd'],
    ]);
  });

  it('R2 reassessment due leaves out terminated members, skills that never lapse and later assessments', () => {
    expect(list.some((r) => r.staffId === 'ted')).toBe(false);
    const never = reassessmentsDue(
      { ...facts, settings: SETTINGS, skills: [skill('hipaa', 12)] },
      D,
      90,
    );
    expect(never.map((r) => [r.staffId, r.skillId])).toEqual([
      ['lea', 'hipaa'],
      ['zoe', 'hipaa'],
    ]);
    // on 2026-03-16 Lea's new assessment replaces the overdue one
    expect(reassessmentsDue(facts, '2026-03-16', 0).map((r) => r.staffId)).toEqual(['zoe']);
  });

  it('R2 reassessment due defaults to the warning window and filters by team or member', () => {
    expect(reassessmentsDue(facts, D)).toEqual(list);
    expect(reassessmentsDue(facts, D, 90, { teamId: 'coding' }).map((r) => r.staffId)).toEqual([
      'abe',
    ]);
    expect(reassessmentsDue(facts, D, 90, { staffId: 'zoe' }).map((r) => r.skillId)).toEqual([
      'hipaa',
    ]);
    expect(() => reassessmentsDue(facts, '2026-13-01')).toThrow(RangeError);
  });
});
