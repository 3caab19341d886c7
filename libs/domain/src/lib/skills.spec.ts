import {
  assessment,
  credential,
  credReq,
  SETTINGS,
  skill,
  skillReq,
  STRICT,
  type,
  verifiedReq,
} from '../testing/fixtures';
import { requirementKey, requirementMet, dedupeRequirements } from './requirements';
import {
  assessmentCountsThrough,
  assessmentValidity,
  memberEvidenceOn,
  skillLevelOn,
} from './skills';

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
      credentials: [{ ...records.credentials[0], verified: false, verifiedOn: null }],
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

describe('R2 assessments lapse', () => {
  /** hipaa: reassessed yearly; icd: the department's 36 months; cpt: skill not listed (36) */
  const validity = assessmentValidity([skill('hipaa', 12), skill('icd')], {
    assessmentValidityMonths: 36,
  });
  const levelOn = (records: { assessments: ReturnType<typeof assessment>[] }, on: string) =>
    skillLevelOn('hipaa', { credentials: [], ...records }, TYPES, on, SETTINGS, { validity });

  it('R2 an assessment counts on assessedOn + N months and not the day after', () => {
    const records = { assessments: [assessment('s1', 'hipaa', 3, '2025-03-15')] };
    expect(levelOn(records, '2025-03-15')).toEqual({ level: 3, source: 'assessment-manager' });
    expect(levelOn(records, '2026-03-15')).toEqual({ level: 3, source: 'assessment-manager' });
    expect(levelOn(records, '2026-03-16')).toEqual({ level: 0, source: 'none' });
    expect(validity.countsThrough(records.assessments[0])).toBe('2026-03-15');
  });

  it('R2 the lapse date is clamped to the last day of the month, as R11', () => {
    expect(assessmentCountsThrough('2024-02-29', 12)).toBe('2025-02-28');
    expect(assessmentCountsThrough('2025-08-31', 6)).toBe('2026-02-28');
    expect(assessmentCountsThrough('2027-08-31', 6)).toBe('2028-02-29');
    expect(assessmentCountsThrough('2025-01-31', 36)).toBe('2028-01-31');
    const leap = { assessments: [assessment('s1', 'hipaa', 3, '2024-02-29')] };
    expect(levelOn(leap, '2025-02-28').level).toBe(3);
    expect(levelOn(leap, '2025-03-01').level).toBe(0);
  });

  it("R2 a skill's reassessMonths wins over the department's setting; neither means never lapse", () => {
    expect(validity.monthsFor('hipaa')).toBe(12);
    expect(validity.monthsFor('icd')).toBe(36);
    expect(validity.monthsFor('cpt')).toBe(36);
    const none = assessmentValidity([skill('hipaa', 12), skill('icd')], {
      assessmentValidityMonths: null,
    });
    expect(none.monthsFor('hipaa')).toBe(12);
    expect(none.monthsFor('icd')).toBeNull();
    expect(none.countsThrough(assessment('s1', 'icd', 3, '2000-01-01'))).toBeNull();
    const records = { credentials: [], assessments: [assessment('s1', 'icd', 3, '2000-01-01')] };
    expect(skillLevelOn('icd', records, TYPES, D, SETTINGS, { validity: none }).level).toBe(3);
    // without a validity (the default) nothing lapses either
    expect(skillLevelOn('icd', records, TYPES, D, SETTINGS).level).toBe(3);
    const icd = { credentials: [], assessments: [assessment('s1', 'icd', 3, '2023-03-15')] };
    expect(skillLevelOn('icd', icd, TYPES, '2026-03-15', SETTINGS, { validity }).level).toBe(3);
    expect(skillLevelOn('icd', icd, TYPES, '2026-03-16', SETTINGS, { validity }).level).toBe(0);
  });

  it('R2 once the latest assessment has lapsed an older one never revives', () => {
    const records = {
      assessments: [
        assessment('s1', 'hipaa', 4, '2025-01-10'),
        assessment('s1', 'hipaa', 2, '2025-06-01', 'self'),
      ],
    };
    expect(levelOn(records, '2026-01-10')).toEqual({ level: 2, source: 'assessment-self' });
    expect(levelOn(records, '2026-06-01').level).toBe(2);
    expect(levelOn(records, '2026-06-02')).toEqual({ level: 0, source: 'none' });
    // a newer assessment restores a level
    const renewed = {
      assessments: [...records.assessments, assessment('s1', 'hipaa', 3, '2026-07-01')],
    };
    expect(levelOn(renewed, '2026-06-30').level).toBe(0);
    expect(levelOn(renewed, '2026-07-01').level).toBe(3);
  });

  it('R2 levels evidenced by credentials are unaffected by a lapse', () => {
    const records = {
      assessments: [assessment('s1', 'icd', 4, '2022-01-01')],
      credentials: [credential('c1', 's1', 'CCS', { expiresOn: '2027-12-31' })],
    };
    expect(skillLevelOn('icd', records, TYPES, '2024-12-31', SETTINGS, { validity })).toEqual({
      level: 4,
      source: 'assessment-manager',
    });
    expect(skillLevelOn('icd', records, TYPES, '2025-01-02', SETTINGS, { validity })).toEqual({
      level: 3,
      source: 'credential',
    });
    const evidence = memberEvidenceOn(records, TYPES, '2025-01-02', SETTINGS, { validity });
    expect(evidence.skillLevel('icd')).toBe(3);
    expect(requirementMet(skillReq('icd', 4), evidence)).toBe(false);
    expect(requirementMet(skillReq('icd', 3), evidence)).toBe(true);
  });

  it('R2 with a knowledge cut (R9) the assessment known on the cut lapses on later days', () => {
    const records = {
      credentials: [],
      assessments: [
        assessment('s1', 'hipaa', 3, '2025-03-15'),
        // a reassessment after the cut is unknown to a forecast made on D
        assessment('s1', 'hipaa', 3, '2026-03-01'),
      ],
    };
    const cut = { validity, knownAsOf: '2026-02-01' };
    expect(skillLevelOn('hipaa', records, TYPES, '2026-03-15', SETTINGS, cut).level).toBe(3);
    expect(skillLevelOn('hipaa', records, TYPES, '2026-03-16', SETTINGS, cut).level).toBe(0);
    expect(skillLevelOn('hipaa', records, TYPES, '2026-03-16', SETTINGS, { validity }).level).toBe(
      3,
    );
  });
});

describe('R5 verifiedOnly credential requirements', () => {
  const verifiedLate = credential('c1', 's1', 'CPC', {
    issuedOn: '2025-01-01',
    expiresOn: '2026-12-31',
    verifiedOn: '2026-03-20',
  });
  const unverified = credential('c2', 's1', 'CCS', {
    issuedOn: '2025-01-01',
    expiresOn: '2026-12-31',
    verified: false,
  });
  const records = { assessments: [], credentials: [verifiedLate, unverified] };
  const on = (date: string, settings = SETTINGS) =>
    memberEvidenceOn(records, TYPES, date, settings);

  it('R5 verifiedOnly is met only by a current credential verified on or before D, whatever the setting', () => {
    expect(requirementMet(credReq('CPC'), on('2026-03-19'))).toBe(true);
    expect(requirementMet(verifiedReq('CPC'), on('2026-03-19'))).toBe(false);
    expect(requirementMet(verifiedReq('CPC'), on('2026-03-20'))).toBe(true);
    expect(requirementMet(verifiedReq('CPC', 'CCS'), on('2026-03-19'))).toBe(false);
    expect(requirementMet(verifiedReq('CCS'), on('2026-06-01'))).toBe(false);
    expect(requirementMet(credReq('CCS'), on('2026-06-01'))).toBe(true);
    // the department's setting changes nothing for a verifiedOnly requirement
    expect(requirementMet(verifiedReq('CPC'), on('2026-03-20', STRICT))).toBe(true);
    expect(requirementMet(verifiedReq('CPC'), on('2026-03-19', STRICT))).toBe(false);
    // verified, but expired: not current, not met
    expect(requirementMet(verifiedReq('CPC'), on('2027-01-01'))).toBe(false);
    // verifiedOnly: false is the plain requirement
    expect(
      requirementMet({ kind: 'credential', anyOf: ['CPC'], verifiedOnly: false }, on('2026-03-19')),
    ).toBe(true);
  });

  it('R5 verifiedOnly with a knowledge cut counts only a verification known on the cut', () => {
    const cut = memberEvidenceOn(records, TYPES, '2026-04-01', SETTINGS, {
      knownAsOf: '2026-03-15',
    });
    expect(requirementMet(credReq('CPC'), cut)).toBe(true);
    expect(requirementMet(verifiedReq('CPC'), cut)).toBe(false);
  });

  it('R5 requirement keys tell a verifiedOnly group from the plain one', () => {
    expect(requirementKey(verifiedReq('CPC', 'CCS'))).toBe('credential:CCS,CPC:verified');
    expect(requirementKey(verifiedReq('CPC', 'CCS'))).not.toBe(
      requirementKey(credReq('CCS', 'CPC')),
    );
    expect(requirementKey({ kind: 'credential', anyOf: ['CPC'], verifiedOnly: false })).toBe(
      requirementKey(credReq('CPC')),
    );
    expect(
      dedupeRequirements([
        credReq('CPC', 'CCS'),
        verifiedReq('CCS', 'CPC'),
        credReq('CCS', 'CPC'),
        verifiedReq('CPC', 'CCS'),
      ]),
    ).toEqual([credReq('CPC', 'CCS'), verifiedReq('CCS', 'CPC')]);
  });
});
