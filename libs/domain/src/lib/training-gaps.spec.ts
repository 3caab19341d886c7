import type { DepartmentFacts } from './model';
import {
  assessment,
  credential,
  credReq,
  member,
  SETTINGS,
  skill,
  skillReq,
  type,
} from '../testing/fixtures';
import { computeTrainingGaps } from './training-gaps';

const D = '2026-03-15';

/**
 * Coding: Abe and Bea are coders (ICD at 3 and a CCS or CPC), Cal is on leave; the team wants two
 * CCS holders. ROI: Zed holds a CCS and ICD at 4. Terminated Ted held everything.
 */
const facts: DepartmentFacts = {
  settings: SETTINGS,
  skills: [skill('icd'), skill('hipaa')],
  staff: [
    member('abe', { name: 'Abe', teamId: 'coding', roleId: 'coder' }),
    member('bea', { name: 'Bea', teamId: 'coding', roleId: 'coder' }),
    member('cal', { name: 'Cal', teamId: 'coding', roleId: 'coder', status: 'leave' }),
    member('zed', { name: 'Zed', teamId: 'roi', roleId: 'roi' }),
    member('yan', { name: 'Yan', teamId: 'roi', roleId: 'roi' }),
    member('ted', { name: 'Ted', teamId: 'coding', roleId: 'coder', status: 'terminated' }),
  ],
  roles: [
    { id: 'coder', requirements: [skillReq('icd', 3), credReq('CCS', 'CPC')] },
    { id: 'roi', requirements: [skillReq('hipaa', 2)] },
  ],
  teams: [
    {
      id: 'coding',
      name: 'Coding',
      coverageTargets: [{ requirement: credReq('CCS'), minHolders: 2 }],
    },
    { id: 'roi', name: 'ROI', coverageTargets: [] },
  ],
  credentialTypes: [type('CCS', 'AHIMA', 20), type('CPC', 'AAPC', 36)],
  credentials: [
    credential('c1', 'abe', 'CCS'),
    credential('c2', 'zed', 'CCS'),
    credential('c3', 'ted', 'CCS'),
    credential('c4', 'bea', 'CPC', { expiresOn: '2026-03-14' }), // lapsed the day before D
  ],
  assessments: [
    assessment('abe', 'icd', 3, '2025-01-01'),
    assessment('zed', 'icd', 4, '2025-01-01'),
    assessment('zed', 'hipaa', 2, '2025-01-01'),
    assessment('ted', 'icd', 5, '2025-01-01'),
    assessment('yan', 'hipaa', 3, '2026-03-16'), // after D: not known
  ],
};

describe('training gaps (who to train on what)', () => {
  const gaps = computeTrainingGaps(facts, D);
  const coding = gaps.teams.find((t) => t.teamId === 'coding');
  const roi = gaps.teams.find((t) => t.teamId === 'roi');

  it('lists a coverage target short of holders first, with the members who could be trained', () => {
    expect(coding?.gaps[0]).toEqual({
      kind: 'coverage',
      requirement: credReq('CCS'),
      needed: 1,
      members: [{ staffId: 'bea', name: 'Bea', teamId: 'coding' }],
      // the team's own holder first, then other teams'; terminated Ted never
      nearestHolders: [
        { staffId: 'abe', name: 'Abe', teamId: 'coding' },
        { staffId: 'zed', name: 'Zed', teamId: 'roi' },
      ],
      holdersInDepartment: 2,
    });
  });

  it('lists each requirement missed by active members of the team, the most missed first, never staff on leave', () => {
    expect(
      coding?.gaps.slice(1).map((g) => [g.kind, g.requirement, g.members.map((m) => m.staffId)]),
    ).toEqual([
      ['role', credReq('CCS', 'CPC'), ['bea']],
      ['role', skillReq('icd', 3), ['bea']],
    ]);
    const icd = coding?.gaps.find((g) => g.requirement.kind === 'skill');
    expect(icd?.nearestHolders.map((p) => p.staffId)).toEqual(['abe', 'zed']);
    expect(coding?.activeStaff).toBe(2);
  });

  it('knows only what was recorded by the day asked about: a later assessment does not close a gap', () => {
    expect(roi?.gaps).toEqual([
      {
        kind: 'role',
        requirement: skillReq('hipaa', 2),
        needed: 1,
        members: [{ staffId: 'yan', name: 'Yan', teamId: 'roi' }],
        nearestHolders: [{ staffId: 'zed', name: 'Zed', teamId: 'roi' }],
        holdersInDepartment: 1,
      },
    ]);
    const later = computeTrainingGaps(facts, '2026-03-16', { teamIds: ['roi'] });
    expect(later.teams).toEqual([{ teamId: 'roi', name: 'ROI', activeStaff: 2, gaps: [] }]);
  });

  it('answers only for the teams asked about, holders from the whole department, at most `nearest` of them', () => {
    const one = computeTrainingGaps(facts, D, { teamIds: ['coding'], nearest: 1 });
    expect(one.teams.map((t) => t.teamId)).toEqual(['coding']);
    expect(one.teams[0].gaps[0].nearestHolders).toEqual([
      { staffId: 'abe', name: 'Abe', teamId: 'coding' },
    ]);
    expect(one.teams[0].gaps[0].holdersInDepartment).toBe(2);
  });

  it('a team without gaps answers an empty list; a wrong date is refused', () => {
    const ok = computeTrainingGaps(
      { ...facts, teams: [{ id: 'roi', name: 'ROI', coverageTargets: [] }], roles: [] },
      D,
    );
    expect(ok.teams).toEqual([{ teamId: 'roi', name: 'ROI', activeStaff: 2, gaps: [] }]);
    expect(() => computeTrainingGaps(facts, '2026-02-30')).toThrow(RangeError);
  });
});
