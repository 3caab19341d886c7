import {
  activity,
  CE_RULES,
  CE_TYPES,
  credential,
  member,
  SETTINGS,
  type,
} from '../testing/fixtures';
import { ceCycleStart, ceHoursRequired, computeCeStatus, countedCredentialTypes } from './ce';
import type { CeActivityFacts, CeFacts, CredentialFacts, StaffFacts } from './model';

const D = '2026-03-15';

function facts(
  credentials: CredentialFacts[],
  activities: CeActivityFacts[] = [],
  staff: StaffFacts[] = [member('s1', { name: 'Sam' })],
): CeFacts {
  return {
    settings: SETTINGS,
    staff,
    credentialTypes: [...CE_TYPES, type('CCDS', 'ACDIS', 30)],
    credentials,
    ceRules: CE_RULES,
    activities,
  };
}

/** s1's credential of type `code`, id `s1-<code>`, issued 2020-01-01. */
function held(code: string, expiresOn: string | null, overrides: Partial<CredentialFacts> = {}) {
  return credential(`s1-${code}`, 's1', code, { expiresOn, ...overrides });
}

describe('R11 CE groups and cycles', () => {
  it('R11 credentials of one body sharing an expiry date form one group', () => {
    const [group, ...rest] = computeCeStatus(
      facts([held('RHIA', '2027-06-30'), held('CCS', '2027-06-30')]),
      D,
    );
    expect(rest).toEqual([]);
    expect(group).toMatchObject({
      staffId: 's1',
      issuingBody: 'AHIMA',
      credentialIds: ['s1-CCS', 's1-RHIA'],
      credentialTypeCodes: ['CCS', 'RHIA'],
      cycleStart: '2025-07-01',
      cycleEnd: '2027-06-30',
    });
  });

  it('R11 different expiry dates or bodies make separate groups, sorted by body then cycle end', () => {
    const groups = computeCeStatus(
      facts([held('CPC', '2027-01-31'), held('CCS', '2027-06-30'), held('RHIA', '2026-12-31')]),
      D,
    );
    expect(
      groups.map((g) => [g.issuingBody, g.credentialTypeCodes, g.cycleStart, g.cycleEnd]),
    ).toEqual([
      ['AAPC', ['CPC'], '2025-02-01', '2027-01-31'],
      ['AHIMA', ['RHIA'], '2025-01-01', '2026-12-31'],
      ['AHIMA', ['CCS'], '2025-07-01', '2027-06-30'],
    ]);
  });

  it('R11 only credentials current on D by dates and revocation belong to a group; unverified ones do', () => {
    const groups = computeCeStatus(
      facts([
        held('RHIA', '2027-06-30', { verified: false }),
        held('CCS', '2027-06-30', { revokedOn: '2026-01-01' }),
        held('CCS-P', '2027-06-30', { issuedOn: '2026-03-16' }),
        held('CHDA', '2026-03-14'),
      ]),
      D,
    );
    expect(groups.map((g) => g.credentialIds)).toEqual([['s1-RHIA']]);
    expect(groups[0].required).toBe(30);
  });

  it('R11 a credential without expiresOn owes no CE; a body without a rule gives no group', () => {
    expect(computeCeStatus(facts([held('RHIA', null), held('CCDS', '2027-06-30')]), D)).toEqual([]);
  });

  it('R11 terminated members have no groups; members on leave do', () => {
    const staff = [
      member('s1', { name: 'Sam', status: 'leave' }),
      member('s2', { name: 'Tess', status: 'terminated' }),
    ];
    const groups = computeCeStatus(
      facts(
        [
          held('RHIA', '2027-06-30'),
          credential('s2-RHIA', 's2', 'RHIA', { expiresOn: '2027-06-30' }),
        ],
        [],
        staff,
      ),
      D,
    );
    expect(groups.map((g) => g.staffId)).toEqual(['s1']);
  });

  it('R11 the cycle start is clamped when the month has no such day', () => {
    expect(ceCycleStart('2028-02-29', 24)).toBe('2026-03-01'); // 2026-02-28 + 1 day
    expect(ceCycleStart('2028-02-29', 48)).toBe('2024-03-01'); // 2024-02-29 exists
    expect(ceCycleStart('2026-08-31', 24)).toBe('2024-09-01');
    expect(ceCycleStart('2027-12-31', 24)).toBe('2026-01-01');
    const [group] = computeCeStatus(facts([held('ODS', '2028-02-29')]), D);
    expect(group).toMatchObject({ cycleStart: '2026-03-01', cycleEnd: '2028-02-29' });
  });

  it('R11 groups are sorted by member name, then body, then cycle end; a member filter keeps one', () => {
    const staff = [member('s1', { name: 'Sam' }), member('s2', { name: 'Ada' })];
    const credentials = [
      held('ODS', '2027-12-31'),
      credential('s2-CPC', 's2', 'CPC', { expiresOn: '2027-12-31' }),
      held('CPC', '2026-12-31'),
    ];
    expect(
      computeCeStatus(facts(credentials, [], staff), D).map((g) => g.credentialIds[0]),
    ).toEqual(['s2-CPC', 's1-CPC', 's1-ODS']);
    expect(
      computeCeStatus(facts(credentials, [], staff), D, { staffId: 's1' }).map(
        (g) => g.credentialIds[0],
      ),
    ).toEqual(['s1-CPC', 's1-ODS']);
  });
});

describe('R12 hours required', () => {
  const ahima = CE_RULES[0];
  const aapc = CE_RULES[1];
  const types = new Map(CE_TYPES.map((t) => [t.id, t]));
  const of = (...codes: string[]) =>
    codes.map((code) => types.get(code) as (typeof CE_TYPES)[number]);

  it('R12 AHIMA RHIA + CCS = 40 hours', () => {
    expect(ceHoursRequired(of('RHIA', 'CCS'), ahima)).toBe(40);
    const [group] = computeCeStatus(
      facts([held('RHIA', '2027-06-30'), held('CCS', '2027-06-30')]),
      D,
    );
    expect(group.required).toBe(40);
  });

  it('R12 AHIMA RHIA + CCS + CCS-P = 50, and the cap holds at 50', () => {
    expect(ceHoursRequired(of('RHIA', 'CCS', 'CCS-P'), ahima)).toBe(50);
    expect(ceHoursRequired(of('RHIA', 'CHDA', 'CCS', 'CCS-P'), ahima)).toBe(50);
    const [group] = computeCeStatus(
      facts([
        held('RHIA', '2027-06-30'),
        held('CCS', '2027-06-30'),
        held('CCS-P', '2027-06-30'),
        held('CHDA', '2027-06-30'),
      ]),
      D,
    );
    expect(group.required).toBe(50);
  });

  it('R12 AHIMA CCS + CCS-P = 30 and RHIT + CHDA = 40', () => {
    expect(ceHoursRequired(of('CCS', 'CCS-P'), ahima)).toBe(30);
    expect(ceHoursRequired(of('RHIT', 'CHDA'), ahima)).toBe(40);
  });

  it('R12 the worked examples of credentials.md: CCS + CCS-P = 30, RHIT + CHPS = 40, RHIA + CCS + CCS-P = 50', () => {
    expect(ceHoursRequired(of('CCS', 'CCS-P'), ahima)).toBe(30);
    expect(ceHoursRequired(of('RHIT', 'CHPS'), ahima)).toBe(40);
    expect(ceHoursRequired(of('RHIA', 'CCS', 'CCS-P'), ahima)).toBe(50);
    expect(ceHoursRequired(of('CDIP'), ahima)).toBe(30);
    expect(ceHoursRequired(of('CCA'), ahima)).toBe(20);
  });

  it('R12 RHIA supersedes RHIT: RHIA + RHIT = 30, RHIA + RHIT + CCS = 40', () => {
    expect(ceHoursRequired(of('RHIA', 'RHIT'), ahima)).toBe(30);
    expect(ceHoursRequired(of('RHIT', 'RHIA'), ahima)).toBe(30);
    expect(ceHoursRequired(of('RHIA', 'RHIT', 'CCS'), ahima)).toBe(40);
    expect(ceHoursRequired(of('RHIA', 'RHIT', 'CCS', 'CCS-P'), ahima)).toBe(50);
    // the RHIT alone owes its own hours
    expect(ceHoursRequired(of('RHIT', 'CCS'), ahima)).toBe(30);
    const [group] = computeCeStatus(
      facts(
        [held('RHIA', '2027-06-30'), held('RHIT', '2027-06-30'), held('CCS', '2027-06-30')],
        // an activity meant for the superseded RHIT still names a credential of the group (R13)
        [activity('s1', '2026-01-10', 5, { credentialIds: ['s1-RHIT'] })],
      ),
      D,
    );
    expect(group).toMatchObject({
      required: 40,
      earned: 5,
      credentialTypeCodes: ['CCS', 'RHIA', 'RHIT'],
      credentialIds: ['s1-CCS', 's1-RHIA', 's1-RHIT'],
    });
  });

  it('R12 supersession applies within one group: an RHIT in another group owes its hours', () => {
    const groups = computeCeStatus(
      facts([held('RHIA', '2027-06-30'), held('RHIT', '2026-12-31')]),
      D,
    );
    expect(groups.map((g) => [g.credentialTypeCodes, g.required])).toEqual([
      [['RHIT'], 20],
      [['RHIA'], 30],
    ]);
  });

  it('R12 a supersession claimed both ways cancels out; a longer cycle leaves nothing out', () => {
    const t = (id: string, baseCeus: number, supersedes: string[]) => ({
      id,
      baseCeus,
      supersedes,
    });
    expect(ceHoursRequired([t('A', 30, ['B']), t('B', 20, ['A'])], ahima)).toBe(40);
    expect(ceHoursRequired([t('A', 30, ['B']), t('B', 20, ['C']), t('C', 20, ['A'])], ahima)).toBe(
      50,
    );
    // a chain leaves out every superseded type; a type never supersedes itself
    expect(ceHoursRequired([t('A', 30, ['B']), t('B', 20, ['C']), t('C', 20, [])], ahima)).toBe(30);
    expect(ceHoursRequired([t('A', 30, ['A'])], ahima)).toBe(30);
    // supersedes left out: supersedes nothing; superseding an absent type changes nothing
    expect(ceHoursRequired([{ id: 'A', baseCeus: 30 }, t('B', 20, ['X'])], ahima)).toBe(40);
    expect(countedCredentialTypes(of('RHIA', 'RHIT', 'RHIA')).map((type) => type.id)).toEqual([
      'RHIA',
    ]);
  });

  it('R12 AAPC 36 / 40 / 44 / 48 / 52 for 1 / 2 / 3 / 4 / 5 or more credentials', () => {
    expect(ceHoursRequired(of('CPC', 'COC', 'CRC', 'CPB'), aapc)).toBe(48);
  });

  it('R12 AAPC with three credentials = 44; five or more = 52', () => {
    expect(ceHoursRequired(of('CPC'), aapc)).toBe(36);
    expect(ceHoursRequired(of('CPC', 'COC'), aapc)).toBe(40);
    expect(ceHoursRequired(of('CPC', 'COC', 'CRC'), aapc)).toBe(44);
    expect(ceHoursRequired(of('CPC', 'COC', 'CRC', 'CPB', 'CPMA'), aapc)).toBe(52);
    expect(ceHoursRequired(of('CPC', 'COC', 'CRC', 'CPB', 'CPMA', 'CPPM'), aapc)).toBe(52);
    const [group] = computeCeStatus(
      facts([held('CPC', '2027-01-31'), held('COC', '2027-01-31'), held('CRC', '2027-01-31')]),
      D,
    );
    expect(group).toMatchObject({
      issuingBody: 'AAPC',
      required: 44,
      credentialTypeCodes: ['COC', 'CPC', 'CRC'],
    });
  });

  it('R12 two records of one credential type count as one credential', () => {
    const [group] = computeCeStatus(
      facts([
        held('CCS', '2027-06-30'),
        credential('s1-CCS-again', 's1', 'CCS', { expiresOn: '2027-06-30' }),
      ]),
      D,
    );
    expect(group).toMatchObject({ required: 20, credentialIds: ['s1-CCS', 's1-CCS-again'] });
  });

  it('R12 a rule without a cap does not cap', () => {
    expect(
      ceHoursRequired(of('RHIA', 'CHDA', 'CCS', 'CCS-P'), { extraPerAdditional: 10, cap: null }),
    ).toBe(60);
  });
});

describe('R13 what counts', () => {
  it('R13 an activity inside two AHIMA groups counts once, towards the group ending first', () => {
    const inBoth = activity('s1', '2025-09-01', 5);
    const onlyFirst = activity('s1', '2025-03-01', 3);
    const namedSecond = activity('s1', '2025-10-01', 2, { credentialIds: ['s1-CCS'] });
    const namedFirst = activity('s1', '2025-08-01', 1, { credentialIds: ['s1-RHIA'] });
    const afterD = activity('s1', '2026-03-16', 4);
    const [first, second] = computeCeStatus(
      facts(
        [held('RHIA', '2026-12-31'), held('CCS', '2027-06-30')],
        [inBoth, onlyFirst, namedSecond, namedFirst, afterD],
      ),
      D,
    );
    expect(first).toMatchObject({ cycleEnd: '2026-12-31', earned: 9 });
    expect(first.countedActivityIds).toEqual([inBoth.id, onlyFirst.id, namedFirst.id]);
    expect(second).toMatchObject({ cycleEnd: '2027-06-30', earned: 2 });
    expect(second.countedActivityIds).toEqual([namedSecond.id]);
  });

  it('R13 the same activity counts for AHIMA and for AAPC', () => {
    const webinar = activity('s1', '2025-09-01', 6);
    const aapcOnly = activity('s1', '2025-10-01', 2, { credentialIds: ['s1-CPC'] });
    const [aapc, ahima] = computeCeStatus(
      facts([held('RHIA', '2027-06-30'), held('CPC', '2027-06-30')], [webinar, aapcOnly]),
      D,
    );
    expect(aapc).toMatchObject({
      issuingBody: 'AAPC',
      earned: 8,
      countedActivityIds: [webinar.id, aapcOnly.id],
    });
    expect(ahima).toMatchObject({
      issuingBody: 'AHIMA',
      earned: 6,
      countedActivityIds: [webinar.id],
    });
  });

  it('R13 an activity naming a credential outside the group does not count', () => {
    const forOther = activity('s1', '2025-09-01', 6, { credentialIds: ['s1-CPC', 'unknown'] });
    const [, ahima] = computeCeStatus(
      facts([held('RHIA', '2027-06-30'), held('CPC', '2027-06-30')], [forOther]),
      D,
    );
    expect(ahima).toMatchObject({ issuingBody: 'AHIMA', earned: 0, countedActivityIds: [] });
  });

  it('R13 both cycle ends and D are inclusive; before the cycle, after D or rejected does not count', () => {
    const onStart = activity('s1', '2025-07-01', 1);
    const beforeStart = activity('s1', '2025-06-30', 2);
    const onD = activity('s1', D, 4);
    const afterD = activity('s1', '2026-03-16', 8);
    const rejected = activity('s1', '2025-09-01', 16, { status: 'rejected' });
    const [group] = computeCeStatus(
      facts([held('RHIA', '2027-06-30')], [onStart, beforeStart, onD, afterD, rejected]),
      D,
    );
    expect(group.countedActivityIds).toEqual([onStart.id, onD.id]);
    expect(group.earned).toBe(5);
    const [onCycleEnd] = computeCeStatus(
      facts([held('RHIA', '2027-06-30')], [activity('s1', '2027-06-30', 3)]),
      '2027-06-30',
    );
    expect(onCycleEnd.earned).toBe(3);
  });

  it('R13 activities of another member do not count', () => {
    const staff = [member('s1', { name: 'Sam' }), member('s2', { name: 'Ada' })];
    const [group] = computeCeStatus(
      facts([held('RHIA', '2027-06-30')], [activity('s2', '2025-09-01', 6)], staff),
      D,
    );
    expect(group.earned).toBe(0);
  });
});

describe('R14 minimums', () => {
  it('R14 an NCRA Category A minimum unmet keeps the status from met even with the hours complete', () => {
    const [group] = computeCeStatus(
      facts(
        [held('ODS', '2027-12-31')],
        [activity('s1', '2026-02-01', 10), activity('s1', '2026-02-02', 10)],
      ),
      D,
    );
    expect(group).toMatchObject({ required: 20, earned: 20, remaining: 0, status: 'on-track' });
    expect(group.minimums).toEqual([
      { categories: ['ctr-category-a'], requiredHours: 4, earnedHours: 0, met: false },
    ]);
    const [withCategoryA] = computeCeStatus(
      facts(
        [held('ODS', '2027-12-31')],
        [
          activity('s1', '2026-02-01', 16),
          activity('s1', '2026-02-02', 4, { categories: ['ctr-category-a'] }),
        ],
      ),
      D,
    );
    expect(withCategoryA.status).toBe('met');
    expect(withCategoryA.minimums[0]).toEqual({
      categories: ['ctr-category-a'],
      requiredHours: 4,
      earnedHours: 4,
      met: true,
    });
  });

  it('R14 AHIMA needs 80% from HIIM domains and 40% AHIMA-provided', () => {
    const credentials = [held('RHIA', '2027-06-30'), held('CCS', '2027-06-30')];
    const [short] = computeCeStatus(
      facts(credentials, [
        activity('s1', '2025-09-01', 10, { categories: ['hiim-domain', 'ahima-provided'] }),
        activity('s1', '2025-10-01', 20, { categories: ['hiim-domain'] }),
        activity('s1', '2025-11-01', 10),
      ]),
      D,
    );
    expect(short).toMatchObject({ required: 40, earned: 40, remaining: 0, status: 'on-track' });
    expect(short.minimums).toEqual([
      { categories: ['hiim-domain'], requiredHours: 32, earnedHours: 30, met: false },
      { categories: ['ahima-provided'], requiredHours: 16, earnedHours: 10, met: false },
    ]);
    const [enough] = computeCeStatus(
      facts(credentials, [
        activity('s1', '2025-09-01', 16, { categories: ['hiim-domain', 'ahima-provided'] }),
        activity('s1', '2025-10-01', 16, { categories: ['hiim-domain'] }),
        activity('s1', '2025-11-01', 8),
      ]),
      D,
    );
    expect(enough.status).toBe('met');
    expect(enough.minimums.map((m) => [m.requiredHours, m.earnedHours, m.met])).toEqual([
      [32, 32, true],
      [16, 16, true],
    ]);
  });

  it('R14 a share of a fractional requirement rounds up to whole hundredths', () => {
    const rules = [{ ...CE_RULES[0], minimums: [{ categories: ['x'], share: 1 / 3 }] }];
    const [group] = computeCeStatus({ ...facts([held('RHIA', '2027-06-30')]), ceRules: rules }, D);
    expect(group.minimums[0].requiredHours).toBe(10);
    const rules2 = [{ ...CE_RULES[0], minimums: [{ categories: ['x'], share: 1 / 3 }] }];
    const [group2] = computeCeStatus({ ...facts([held('CCS', '2027-06-30')]), ceRules: rules2 }, D);
    expect(group2.minimums[0].requiredHours).toBe(6.67);
  });
});

describe('R15 CE status', () => {
  it('R15 pending is shown beside earned, never inside it', () => {
    const approved = activity('s1', '2025-09-01', 10);
    const submitted = activity('s1', '2025-10-01', 5, { status: 'submitted' });
    const submittedAfterD = activity('s1', '2026-03-20', 2, { status: 'submitted' });
    const submittedForOther = activity('s1', '2025-10-01', 3, {
      status: 'submitted',
      credentialIds: ['x'],
    });
    const rejected = activity('s1', '2025-10-01', 7, { status: 'rejected' });
    const [group] = computeCeStatus(
      facts(
        [held('RHIA', '2027-06-30')],
        [approved, submitted, submittedAfterD, submittedForOther, rejected],
      ),
      D,
    );
    expect(group).toMatchObject({ required: 30, earned: 10, pending: 5, remaining: 20 });
    expect(group.countedActivityIds).toEqual([approved.id]);
  });

  it('R15 pending follows the one-group rule of R13', () => {
    const submitted = activity('s1', '2025-09-01', 5, { status: 'submitted' });
    const [first, second] = computeCeStatus(
      facts([held('RHIA', '2026-12-31'), held('CCS', '2027-06-30')], [submitted]),
      D,
    );
    expect([first.pending, second.pending]).toEqual([5, 0]);
  });

  it('R15 elapsed, pace and remaining on D', () => {
    // cycle 2025-07-01..2027-06-30 = 730 days; 2025-07-01..2026-03-15 = 258 days
    const [group] = computeCeStatus(
      facts(
        [held('RHIA', '2027-06-30'), held('CCS', '2027-06-30')],
        [activity('s1', '2025-09-01', 14.13)],
      ),
      D,
    );
    expect(group.pace).toBe(14.14); // 40 x 258 / 730 = 14.1369...
    expect(group).toMatchObject({ earned: 14.13, remaining: 25.87, status: 'behind' });
    const [ahead] = computeCeStatus(
      facts(
        [held('RHIA', '2027-06-30'), held('CCS', '2027-06-30')],
        [activity('s1', '2025-09-01', 14.14)],
      ),
      D,
    );
    expect(ahead.status).toBe('on-track');
  });

  it('R15 pace exactly on the line is on-track, even when the hours would drift as floats', () => {
    // cycle 2025-01-01..2026-12-31 = 730 days; on 2025-12-31, 365 elapsed: pace = 30 x 365 / 730 = 15
    // 14.7 + 0.1 + 0.2 is 14.999999999999998 in floating point
    const onLine = [
      activity('s1', '2025-02-01', 14.7),
      activity('s1', '2025-03-01', 0.1),
      activity('s1', '2025-04-01', 0.2),
    ];
    const [group] = computeCeStatus(facts([held('RHIA', '2026-12-31')], onLine), '2025-12-31');
    expect(group).toMatchObject({ pace: 15, earned: 15, remaining: 15, status: 'on-track' });
    const below = [
      activity('s1', '2025-02-01', 14.7),
      activity('s1', '2025-03-01', 0.1),
      activity('s1', '2025-04-01', 0.19),
    ];
    const [behind] = computeCeStatus(facts([held('RHIA', '2026-12-31')], below), '2025-12-31');
    expect(behind).toMatchObject({ earned: 14.99, status: 'behind' });
  });

  it('R15 at-risk when the cycle ends within 90 days of D, ahead of on-track', () => {
    const credentials = [held('RHIA', '2026-12-31')];
    const hours = [activity('s1', '2026-01-05', 29)];
    // 2026-10-02 + 90 days = 2026-12-31
    expect(computeCeStatus(facts(credentials, hours), '2026-10-02')[0].status).toBe('at-risk');
    // 2026-10-01: 639 of 730 days elapsed, pace 26.26; 29 earned
    const [dayBefore] = computeCeStatus(facts(credentials, hours), '2026-10-01');
    expect(dayBefore).toMatchObject({ pace: 26.26, status: 'on-track' });
    expect(computeCeStatus(facts(credentials), '2026-10-01')[0].status).toBe('behind');
  });

  it('R15 met wins over at-risk when the hours and minimums are complete', () => {
    const [group] = computeCeStatus(
      facts(
        [held('RHIA', '2026-12-31')],
        [activity('s1', '2026-01-05', 30, { categories: ['hiim-domain', 'ahima-provided'] })],
      ),
      '2026-12-01',
    );
    expect(group).toMatchObject({ status: 'met', remaining: 0, earned: 30 });
  });

  it('R15 earned beyond required keeps remaining at 0', () => {
    const [group] = computeCeStatus(
      facts(
        [held('RHIA', '2027-06-30')],
        [activity('s1', '2025-09-01', 42.5, { categories: ['hiim-domain', 'ahima-provided'] })],
      ),
      D,
    );
    expect(group).toMatchObject({ earned: 42.5, remaining: 0, status: 'met' });
  });

  it('R15 pace before a cycle: elapsed is 0 the day before the cycle starts and 1 on its first day', () => {
    // issued 2026-01-01 with a first cycle to 2028-03-31: the 24-month cycle starts 2026-04-01
    const first = credential('s1-RHIA', 's1', 'RHIA', {
      issuedOn: '2026-01-01',
      expiresOn: '2028-03-31',
    });
    // an approved activity before the cycle starts does not count (R13)
    const early = [activity('s1', '2026-02-01', 4)];
    const [before] = computeCeStatus(facts([first], early), '2026-03-31');
    expect(before).toMatchObject({
      cycleStart: '2026-04-01',
      cycleEnd: '2028-03-31',
      pace: 0,
      earned: 0,
      remaining: 30,
      status: 'on-track',
    });
    // 2026-04-01..2028-03-31 = 731 days; on the first day pace = 30 x 1 / 731 = 0.04
    const [firstDay] = computeCeStatus(facts([first], early), '2026-04-01');
    expect(firstDay).toMatchObject({ pace: 0.04, earned: 0, status: 'behind' });
    const [lastDay] = computeCeStatus(facts([first]), '2028-03-31');
    expect(lastDay).toMatchObject({ pace: 30, status: 'at-risk' });
  });

  it('R15 before the cycle starts nothing has elapsed and the pace is 0', () => {
    // issued 2020, expires 2030-12-31: the current cycle starts 2029-01-01
    const [group] = computeCeStatus(facts([held('ODS', '2030-12-31')]), D);
    expect(group).toMatchObject({
      cycleStart: '2029-01-01',
      pace: 0,
      earned: 0,
      status: 'on-track',
    });
  });
});
