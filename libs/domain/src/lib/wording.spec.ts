import {
  afterLapseInWords,
  afterLapseStepsInWords,
  reassessmentDueInWords,
  ceCategoriesInWords,
  ceCategoryLabel,
  ceMinimumAmountInWords,
  ceMinimumInWords,
  ceMinimumStatusInWords,
  ceStatusInWords,
  countText,
  coverageTargetInWords,
  credentialAddersInWords,
  credentialStatusInWords,
  credentialStatusLabel,
  daysText,
  formatHours,
  hoursText,
  humanizeSlug,
  levelInWords,
  levelName,
  namesWithOr,
  percentInWords,
  requirementInWords,
  requirementLabel,
  sentenceCase,
  staffStatusInWords,
  staffStatusLabel,
  verificationMethodInWords,
  wholePercent,
  paceInWords,
  personInWords,
  projectionNotice,
} from './wording';

const names = {
  skillNames: new Map([['s1', 'ICD-10-CM diagnosis coding']]),
  credentialTypeCodes: new Map([
    ['t1', 'CCS'],
    ['t2', 'CPC'],
  ]),
};

describe('wording: numbers', () => {
  it('wording writes hours without float noise or trailing zeros', () => {
    expect([16, 16.5, 12.75, 0.1 + 0.2, 14.955, 0].map(formatHours)).toEqual([
      '16',
      '16.5',
      '12.75',
      '0.3',
      '14.96',
      '0',
    ]);
    expect(formatHours(Number.NaN)).toBe('—');
    expect(hoursText(1)).toBe('1 hour');
    expect(hoursText(3.5)).toBe('3.5 hours');
    expect(hoursText(0)).toBe('0 hours');
  });

  it('wording counts days in words', () => {
    expect(daysText(1)).toBe('1 day');
    expect(daysText(-1)).toBe('-1 day');
    expect(daysText(12)).toBe('12 days');
    expect(daysText(0)).toBe('0 days');
    expect(countText(1, 'month')).toBe('1 month');
    expect(countText(6, 'month')).toBe('6 months');
    expect(countText(0, 'staff member')).toBe('0 staff members');
  });

  it('wording R8 rounds a figure only for display, and says n/a without a denominator', () => {
    expect(percentInWords(2 / 3)).toBe('66.7%');
    expect(percentInWords(0.625)).toBe('62.5%');
    expect(percentInWords(1)).toBe('100%');
    expect(percentInWords(0.8)).toBe('80%');
    expect(percentInWords(null)).toBe('n/a');
  });

  it.each<[number | null, string]>([
    [null, '—'],
    [0, '0%'],
    [1, '100%'],
    [2 / 3, '67%'],
    [0.5, '50%'],
    // never "100%" while someone is not ready, never "0%" while someone is
    [0.996, '99%'],
    [0.004, '<1%'],
  ])('wording R8 headline figure %p reads %p', (fraction, shown) => {
    expect(wholePercent(fraction)).toBe(shown);
  });
});

describe('wording: requirements and levels', () => {
  it('wording names proficiency levels', () => {
    expect(levelName(3)).toBe('Proficient');
    expect(levelName(0)).toBe('None');
    expect(levelName(7)).toBe('level 7');
    expect(levelInWords(4)).toBe('Expert (4)');
  });

  it('wording R3 R5 says a requirement as a person reads it, in each register', () => {
    const skill = { kind: 'skill' as const, skillId: 's1', minLevel: 3 };
    const group = { kind: 'credential' as const, anyOf: ['t1', 't2'] };
    expect(requirementInWords(skill, names)).toBe('ICD-10-CM diagnosis coding at Proficient (3)');
    expect(requirementInWords(skill, names, { level: 'name' })).toBe(
      'ICD-10-CM diagnosis coding at Proficient',
    );
    expect(requirementInWords(skill, names, { level: 'or-above' })).toBe(
      'ICD-10-CM diagnosis coding at Proficient (3) or above',
    );
    expect(requirementInWords(group, names)).toBe('CCS or CPC');
    expect(requirementInWords(group, names, { credentialNoun: true })).toBe(
      'CCS or CPC credential',
    );
    expect(requirementLabel(skill, names)).toBe(
      'ICD-10-CM diagnosis coding at Proficient (3) or above',
    );
    expect(requirementLabel(group, names)).toBe('CCS or CPC credential');
  });

  it('wording falls back to short ids for names it does not have', () => {
    const none = { skillNames: new Map(), credentialTypeCodes: new Map() };
    expect(
      requirementInWords({ kind: 'skill', skillId: '4b1d0c3e-aaaa-bbbb', minLevel: 2 }, none),
    ).toBe('Skill 4b1d0c3e at Working (2)');
    expect(
      requirementInWords({ kind: 'credential', anyOf: ['0f9a1c2e-aaaa-bbbb'] }, none, {
        credentialNoun: true,
      }),
    ).toBe('credential type 0f9a1c2e credential');
    expect(requirementInWords({ kind: 'credential', anyOf: [] }, names)).toBe(
      'no credential type (cannot be met)',
    );
  });

  it('wording R7 says a coverage target', () => {
    expect(
      coverageTargetInWords(
        { requirement: { kind: 'credential', anyOf: ['t1', 't2'] }, minHolders: 2 },
        names,
      ),
    ).toBe('≥ 2 holding CCS or CPC');
    expect(
      coverageTargetInWords(
        { requirement: { kind: 'skill', skillId: 's1', minLevel: 4 }, minHolders: 1 },
        names,
      ),
    ).toBe('≥ 1 holding ICD-10-CM diagnosis coding at Expert');
  });
});

describe('wording: continuing education', () => {
  it('wording R14 names CE categories in the field’s words, never as slugs', () => {
    expect(ceCategoryLabel('hiim-domain')).toBe('HIIM domains');
    expect(ceCategoryLabel('ahima-provided')).toBe('AHIMA or component association provided');
    expect(ceCategoryLabel('ctr-category-a')).toBe('ODS Category A');
    expect(ceCategoryLabel('coding-update')).toBe('Coding update');
    expect(ceCategoriesInWords(['ctr-category-a', 'coding'])).toBe('ODS Category A or Coding');
    expect(humanizeSlug('on_call-rota')).toBe('On call rota');
  });

  it('wording R14 says a minimum and what it asks', () => {
    expect(ceMinimumInWords({ categories: ['hiim-domain'], share: 0.8 })).toBe(
      '80% from HIIM domains',
    );
    expect(ceMinimumInWords({ categories: ['ctr-category-a', 'coding'], hours: 4 })).toBe(
      '4 hours from ODS Category A or Coding',
    );
    expect(ceMinimumInWords({ categories: ['coding'], hours: 1, share: null })).toBe(
      '1 hour from Coding',
    );
    expect(ceMinimumInWords({ categories: ['coding'] })).toBe('from Coding');
    expect(ceMinimumAmountInWords({ categories: ['hiim-domain'], share: 0.125 })).toBe(
      'at least 12.5% of required hours',
    );
    expect(ceMinimumAmountInWords({ categories: ['ctr-category-a'], hours: 4 })).toBe(
      'at least 4 hours',
    );
    expect(ceMinimumAmountInWords({ categories: ['x'] })).toBe('a minimum');
    expect(
      ceMinimumStatusInWords({
        categories: ['hiim-domain'],
        requiredHours: 16,
        earnedHours: 3.5,
        met: false,
      }),
    ).toBe('HIIM domains: 3.5 of 16 h, not met');
  });

  it('wording R15 says a CE status', () => {
    expect(
      ['met', 'at-risk', 'on-track', 'behind'].map((s) => ceStatusInWords(s as never)),
    ).toEqual(['met', 'at risk', 'on track', 'behind']);
    expect(sentenceCase(ceStatusInWords('at-risk'))).toBe('At risk');
  });
});

describe('wording: credentials and staff', () => {
  it('wording R4 R10 says a credential status, as a phrase and as a chip', () => {
    expect(credentialStatusInWords('expiring', 12)).toBe('expiring in 12 days');
    expect(credentialStatusInWords('expiring', 1)).toBe('expiring in 1 day');
    expect(credentialStatusInWords('expiring', 0)).toBe('expiring today');
    expect(credentialStatusInWords('not-yet-valid', null)).toBe('not yet valid');
    expect(credentialStatusInWords('expired', null)).toBe('expired');
    expect(credentialStatusLabel('expiring', 12)).toBe('Expiring in 12 days');
    expect(credentialStatusLabel('expiring', 0)).toBe('Expires today');
    expect(credentialStatusLabel('current', null)).toBe('Current');
    expect(credentialStatusLabel('not-yet-valid', null)).toBe('Not yet valid');
    expect(credentialStatusLabel('revoked', null)).toBe('Revoked');
  });

  it('wording says how a credential was verified and a member’s status', () => {
    expect(verificationMethodInWords('primary-source')).toBe('primary source');
    expect(verificationMethodInWords('certificate-copy')).toBe('copy of certificate');
    expect(staffStatusInWords('leave')).toBe('on leave');
    expect(staffStatusInWords('active')).toBe('active');
    expect(staffStatusInWords('terminated')).toBe('terminated');
    expect(staffStatusLabel('leave')).toBe('On leave');
    expect(staffStatusLabel('active')).toBe('Active');
    expect(staffStatusLabel('terminated')).toBe('No longer employed');
  });

  it('wording names whom a member asks to add a credential', () => {
    expect(namesWithOr([])).toBe('');
    expect(namesWithOr(['Denise Carter'])).toBe('Denise Carter');
    expect(namesWithOr(['Denise Carter', 'Ana Ruiz', 'Lee Park'])).toBe(
      'Denise Carter, Ana Ruiz or Lee Park',
    );
    expect(credentialAddersInWords([])).toBe("your department's admin");
    expect(credentialAddersInWords(['Denise Carter'])).toBe("Denise Carter (your team's manager)");
    expect(credentialAddersInWords(['Denise Carter', 'Ana Ruiz'])).toBe(
      "Denise Carter or Ana Ruiz (your team's managers)",
    );
  });
});

describe('words of the lapse rules', () => {
  it('R18 an expired credential in its state, revoked by the body, or without a state', () => {
    expect(
      afterLapseInWords({
        state: 'inactive',
        since: '2026-12-02',
        until: '2027-05-30',
        day: 1,
        canBeReinstated: true,
      }),
    ).toBe('expired — inactive until 2027-05-30, can still be reinstated');
    expect(
      afterLapseInWords({
        state: 'revoked',
        since: '2027-05-31',
        until: null,
        day: 3,
        canBeReinstated: false,
      }),
    ).toBe('expired — revoked by the issuing body since 2027-05-31');
    expect(afterLapseInWords(null)).toBe('expired');
    expect(afterLapseStepsInWords([{ state: 'inactive', days: 180 }])).toBe(
      'inactive 180 days, then revoked',
    );
    expect(afterLapseStepsInWords([])).toBe('none');
  });

  it('R2 a reassessment due, due today and overdue', () => {
    const due = {
      staffId: 's',
      staffName: 'A',
      teamId: 't',
      skillId: 'k',
      skillName: 'HIPAA',
      level: 3,
      source: 'manager' as const,
      assessedOn: '2025-12-01',
      dueBy: '2026-12-01',
      lapsesOn: '2026-12-02',
    };
    expect(reassessmentDueInWords({ ...due, daysLeft: 15, overdue: false })).toBe(
      'due by 2026-12-01 (in 15 days)',
    );
    expect(reassessmentDueInWords({ ...due, daysLeft: 0, overdue: false })).toBe(
      'due today (2026-12-01)',
    );
    expect(reassessmentDueInWords({ ...due, daysLeft: -1, overdue: true })).toBe(
      'overdue: stopped counting on 2026-12-02 (1 day ago)',
    );
  });

  it('R5 a verified-only credential requirement says so', () => {
    expect(requirementLabel({ kind: 'credential', anyOf: ['t1'], verifiedOnly: true }, names)).toBe(
      'CCS credential, verified',
    );
  });
});

describe('words of a report a surveyor reads', () => {
  it('R15 pace reads as the hours expected by the date', () => {
    expect(paceInWords(12.3456, '2026-05-01', '2026-05-01')).toBe('12.35 h expected by today');
    expect(paceInWords(2.74, '2026-04-01', '2026-05-01')).toBe('2.74 h expected by 2026-04-01');
  });

  it('names people by name and title, never by e-mail', () => {
    expect(personInWords({ name: 'Denise Carter', title: 'HIM Manager' })).toBe(
      'Denise Carter, HIM Manager',
    );
    expect(personInWords({ name: 'Denise Carter', title: null })).toBe('Denise Carter');
    expect(personInWords({ name: null, title: null, accountRole: 'admin' })).toBe(
      'Administrator account (no staff record)',
    );
    expect(personInWords(null)).toBe('not recorded');
  });

  it('R9 a report as of a future day says it is a projection and on what assumption', () => {
    expect(projectionNotice('2027-01-01', '2026-05-01')).toBe(
      'Projection: 2027-01-01 is after today (2026-05-01). It assumes nobody renews a credential, earns CE or is assessed after today.',
    );
  });
});
