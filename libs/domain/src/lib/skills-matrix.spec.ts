import {
  assessment,
  credential,
  member,
  SETTINGS,
  skill,
  skillReq,
  type,
} from '../testing/fixtures';
import type { DepartmentFacts } from './model';
import { computeSkillsMatrix } from './skills-matrix';

const D = '2026-03-15';
const SKILLS = [
  { id: 'icd', name: 'ICD-10-CM coding', category: 'technical' as const },
  { id: 'hipaa', name: 'HIPAA privacy', category: 'regulatory' as const },
];

const facts: DepartmentFacts = {
  settings: SETTINGS,
  skills: [],
  staff: [
    member('zed', { name: 'Zed', roleId: 'coder', status: 'leave' }),
    member('amy', { name: 'amy', roleId: 'coder' }),
    member('tom', { name: 'Tom', roleId: 'coder', status: 'terminated' }),
    member('ben', { name: 'Ben', roleId: 'clerk', teamId: 'other' }),
  ],
  roles: [
    { id: 'coder', requirements: [skillReq('icd', 2), skillReq('icd', 3)] },
    { id: 'clerk', requirements: [] },
  ],
  teams: [],
  credentialTypes: [type('CCS', 'AHIMA', 20, [{ skillId: 'icd', level: 3 }])],
  credentials: [credential('c1', 'zed', 'CCS', { expiresOn: '2026-12-31' })],
  assessments: [
    assessment('amy', 'icd', 2, '2026-01-01', 'self'),
    assessment('amy', 'icd', 4, '2026-01-01', 'manager'),
    assessment('amy', 'hipaa', 1, '2026-04-01', 'manager'),
    assessment('zed', 'icd', 2, '2026-02-01', 'manager'),
  ],
};

describe('R2 skills matrix', () => {
  const matrix = computeSkillsMatrix(facts, D, SKILLS);

  it('R2 matrix rows list every non-terminated member, sorted by name', () => {
    expect(matrix.rows.map((r) => [r.staffId, r.status])).toEqual([
      ['amy', 'active'],
      ['ben', 'active'],
      ['zed', 'leave'],
    ]);
    expect(matrix.skills).toEqual(SKILLS);
    expect(matrix.asOf).toBe(D);
  });

  it('R2 matrix cells carry the level, its source and the role requirement (highest of several)', () => {
    expect(matrix.rows[0].cells).toEqual([
      { skillId: 'icd', level: 4, source: 'assessment-manager', requiredLevel: 3 },
      // the hipaa assessment is dated after D
      { skillId: 'hipaa', level: 0, source: 'none', requiredLevel: null },
    ]);
    expect(matrix.rows[1].cells.map((c) => c.requiredLevel)).toEqual([null, null]);
    expect(matrix.rows[2].cells[0]).toEqual({
      skillId: 'icd',
      level: 3,
      source: 'credential',
      requiredLevel: 3,
    });
  });

  it('R2 matrix cells show a lapsed assessment as no level; a credential still shows', () => {
    // icd counts 2 months: amy's of 2026-01-01 through 2026-03-01, zed's of 2026-02-01 through 04-01
    const lapsing = { ...facts, skills: [skill('icd', 2)] };
    const rows = computeSkillsMatrix(lapsing, D, SKILLS).rows;
    expect(rows[0].cells[0]).toEqual({
      skillId: 'icd',
      level: 0,
      source: 'none',
      requiredLevel: 3,
    });
    // zed's CCS evidences icd 3 whatever the assessment
    expect(rows[2].cells[0]).toMatchObject({ level: 3, source: 'credential' });
    expect(computeSkillsMatrix(lapsing, '2026-03-01', SKILLS).rows[0].cells[0]).toMatchObject({
      level: 4,
      source: 'assessment-manager',
    });
  });

  it('R2 matrix team filter keeps that team only', () => {
    expect(
      computeSkillsMatrix(facts, D, SKILLS, { teamId: 'other' }).rows.map((r) => r.staffId),
    ).toEqual(['ben']);
  });
});
