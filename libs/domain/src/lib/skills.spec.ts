import {
  assessment,
  credential,
  credReq,
  SETTINGS,
  skillReq,
  STRICT,
  type,
} from '../testing/fixtures';
import { requirementKey, requirementMet, dedupeRequirements } from './requirements';
import { memberEvidenceOn, skillLevelOn } from './skills';

const TYPES = [
  type('CCS', 'AHIMA', 20, [{ skillId: 'icd', level: 3 }]),
  type('RHIT', 'AHIMA', 20, [
    { skillId: 'icd', level: 2 },
    { skillId: 'ehr', level: 2 },
  ]),
  type('CPC', 'AAPC', 36, [{ skillId: 'cpt', level: 3 }]),
];
const D = '2026-03-15';

describe('R2 skill level as of D', () => {
  it('R2 a manager assessment outranks a self-assessment of the same date, even when lower', () => {
    const records = {
      assessments: [
        assessment('s1', 'icd', 4, '2026-03-01', 'self', '2026-03-01T18:00:00Z'),
        assessment('s1', 'icd', 2, '2026-03-01', 'manager', '2026-03-01T08:00:00Z'),
      ],
      credentials: [],
    };
    expect(skillLevelOn('icd', records, TYPES, D, SETTINGS)).toEqual({
      level: 2,
      source: 'assessment-manager',
    });
  });

  it('R2 of two assessments with the same date and source the one recorded later wins', () => {
    const records = {
      assessments: [
        // 10:00+02:00 is 08:00Z, earlier than 09:30Z although it sorts later as text
        assessment('s1', 'icd', 1, '2026-03-01', 'self', '2026-03-01T09:30:00Z'),
        assessment('s1', 'icd', 3, '2026-03-01', 'self', '2026-03-01T10:00:00+02:00'),
      ],
      credentials: [],
    };
    expect(skillLevelOn('icd', records, TYPES, D, SETTINGS)).toEqual({
      level: 1,
      source: 'assessment-self',
    });
    const reversed = { ...records, assessments: [...records.assessments].reverse() };
    expect(skillLevelOn('icd', reversed, TYPES, D, SETTINGS).level).toBe(1);
  });

  it('R2 the latest assessment wins even when lower than an older one', () => {
    const records = {
      assessments: [
        assessment('s1', 'icd', 4, '2025-01-10', 'manager'),
        assessment('s1', 'icd', 2, '2026-02-01', 'self'),
      ],
      credentials: [],
    };
    expect(skillLevelOn('icd', records, TYPES, D, SETTINGS)).toEqual({
      level: 2,
      source: 'assessment-self',
    });
    // before the later one, the older one was the latest
    expect(skillLevelOn('icd', records, TYPES, '2026-01-31', SETTINGS)).toEqual({
      level: 4,
      source: 'assessment-manager',
    });
  });

  it('R2 an assessment dated after D is not used; an assessment dated D is', () => {
    const records = {
      assessments: [
        assessment('s1', 'icd', 1, '2026-01-01'),
        assessment('s1', 'icd', 3, '2026-03-15'),
        assessment('s1', 'icd', 4, '2026-03-16'),
      ],
      credentials: [],
    };
    expect(skillLevelOn('icd', records, TYPES, D, SETTINGS).level).toBe(3);
    expect(skillLevelOn('icd', records, TYPES, '2026-03-14', SETTINGS).level).toBe(1);
  });

  it('R2 a current credential evidences a skill, and stops evidencing it once expired', () => {
    const records = {
      assessments: [assessment('s1', 'icd', 1, '2025-06-01', 'self')],
      credentials: [
        credential('c1', 's1', 'CCS', { issuedOn: '2024-07-01', expiresOn: '2026-06-30' }),
      ],
    };
    expect(skillLevelOn('icd', records, TYPES, '2026-06-30', SETTINGS)).toEqual({
      level: 3,
      source: 'credential',
    });
    expect(skillLevelOn('icd', records, TYPES, '2026-07-01', SETTINGS)).toEqual({
      level: 1,
      source: 'assessment-self',
    });
  });

  it('R2 the highest of several current credentials evidencing a skill is used', () => {
    const records = {
      assessments: [],
      credentials: [credential('c1', 's1', 'RHIT'), credential('c2', 's1', 'CCS')],
    };
    expect(skillLevelOn('icd', records, TYPES, D, SETTINGS)).toEqual({
      level: 3,
      source: 'credential',
    });
    expect(skillLevelOn('ehr', records, TYPES, D, SETTINGS)).toEqual({
      level: 2,
      source: 'credential',
    });
  });

  it('R2 an assessment higher than the credential level wins; a tie names the assessment', () => {
    const credentials = [credential('c1', 's1', 'CCS')];
    expect(
      skillLevelOn(
        'icd',
        { assessments: [assessment('s1', 'icd', 4, '2026-01-01')], credentials },
        TYPES,
        D,
        SETTINGS,
      ),
    ).toEqual({ level: 4, source: 'assessment-manager' });
    expect(
      skillLevelOn(
        'icd',
        { assessments: [assessment('s1', 'icd', 3, '2026-01-01', 'self')], credentials },
        TYPES,
        D,
        SETTINGS,
      ),
    ).toEqual({ level: 3, source: 'assessment-self' });
  });

  it('R2 an unverified credential evidences nothing when the department requires verification', () => {
    const records = {
      assessments: [],
      credentials: [credential('c1', 's1', 'CCS', { verified: false })],
    };
    expect(skillLevelOn('icd', records, TYPES, D, SETTINGS).level).toBe(3);
    expect(skillLevelOn('icd', records, TYPES, D, STRICT)).toEqual({ level: 0, source: 'none' });
  });

  it('R2 no assessment and no credential is level 0 from none', () => {
    expect(skillLevelOn('hipaa', { assessments: [], credentials: [] }, TYPES, D, SETTINGS)).toEqual(
      {
        level: 0,
        source: 'none',
      },
    );
  });

  it('R2 with a knowledge cut, later assessments and later-issued credentials are ignored', () => {
    const records = {
      assessments: [
        assessment('s1', 'icd', 1, '2026-03-01'),
        assessment('s1', 'icd', 4, '2026-03-20'),
      ],
      credentials: [
        credential('c1', 's1', 'CCS', { issuedOn: '2026-03-20', expiresOn: '2028-03-19' }),
      ],
    };
    expect(skillLevelOn('icd', records, TYPES, '2026-04-14', SETTINGS).level).toBe(4);
    expect(
      skillLevelOn('icd', records, TYPES, '2026-04-14', SETTINGS, { knownAsOf: '2026-03-15' }),
    ).toEqual({ level: 1, source: 'assessment-manager' });
  });
});

describe('R3 / R5 requirements', () => {
  const records = {
    assessments: [
      assessment('s1', 'icd', 3, '2026-01-01'),
      assessment('s1', 'hipaa', 2, '2026-01-01'),
    ],
    credentials: [
      credential('c1', 's1', 'CPC', { issuedOn: '2025-01-01', expiresOn: '2026-12-31' }),
    ],
  };
  const evidence = memberEvidenceOn(records, TYPES, D, SETTINGS);

  it('R3 a skill requirement is met when the level is at least the required level', () => {
    expect(requirementMet(skillReq('icd', 3), evidence)).toBe(true);
    expect(requirementMet(skillReq('icd', 2), evidence)).toBe(true);
    expect(requirementMet(skillReq('icd', 4), evidence)).toBe(false);
    expect(requirementMet(skillReq('hipaa', 3), evidence)).toBe(false);
    expect(requirementMet(skillReq('cpt', 3), evidence)).toBe(true);
    expect(requirementMet(skillReq('unknown', 0), evidence)).toBe(true);
    expect(requirementMet(skillReq('unknown', 1), evidence)).toBe(false);
  });

  it('R5 a credential group is met by a current credential of any of its types', () => {
    expect(requirementMet(credReq('CCS', 'CPC'), evidence)).toBe(true);
    expect(requirementMet(credReq('CCS'), evidence)).toBe(false);
    expect(requirementMet(credReq(), evidence)).toBe(false);
  });

  it('R5 an expired credential does not meet the group', () => {
    const later = memberEvidenceOn(records, TYPES, '2027-01-01', SETTINGS);
    expect(requirementMet(credReq('CCS', 'CPC'), later)).toBe(false);
    expect(requirementMet(skillReq('cpt', 3), later)).toBe(false);
  });

  it('R5 an unverified credential does not meet the group when verification is required', () => {
    const unverified = {
      ...records,
      credentials: [{ ...records.credentials[0], verified: false }],
    };
    expect(requirementMet(credReq('CPC'), memberEvidenceOn(unverified, TYPES, D, SETTINGS))).toBe(
      true,
    );
    expect(requirementMet(credReq('CPC'), memberEvidenceOn(unverified, TYPES, D, STRICT))).toBe(
      false,
    );
  });

  it('R6 requirement keys identify the same requirement however it is written', () => {
    expect(requirementKey(credReq('CPC', 'CCS'))).toBe('credential:CCS,CPC');
    expect(requirementKey(credReq('CCS', 'CPC', 'CCS'))).toBe('credential:CCS,CPC');
    expect(requirementKey(skillReq('icd', 3))).toBe('skill:icd:3');
    expect(requirementKey(skillReq('icd', 3))).not.toBe(requirementKey(skillReq('icd', 2)));
    expect(
      dedupeRequirements([credReq('CPC', 'CCS'), skillReq('icd', 3), credReq('CCS', 'CPC')]),
    ).toEqual([credReq('CPC', 'CCS'), skillReq('icd', 3)]);
  });
});
