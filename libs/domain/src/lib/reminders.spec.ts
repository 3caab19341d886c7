import { activity, CE_RULES, CE_TYPES, credential, member, SETTINGS } from '../testing/fixtures';
import { addDays } from './dates';
import {
  DEFAULT_REMINDER_RULES,
  digestIsEmpty,
  dueDigestDay,
  dueLeadTime,
  dueReminders,
  isoWeekday,
  rejectionReminder,
  reviewWaitsTooLong,
  weeklyDigest,
  type ReminderFacts,
  type ReminderRules,
} from './reminders';

const E = '2027-06-30'; // the expiry date of most credentials below

function facts(overrides: Partial<ReminderFacts> = {}): ReminderFacts {
  return {
    settings: SETTINGS,
    staff: [
      member('ann', { name: 'Ann', teamId: 'coding' }),
      member('max', { name: 'Max', teamId: 'coding' }),
      member('ted', { name: 'Ted', teamId: 'coding', status: 'terminated' }),
    ],
    credentialTypes: CE_TYPES,
    // NCRA has no after-lapse states and ODS owes 20 hours: the CE tests set their own
    credentials: [credential('ann-ods', 'ann', 'ODS', { issuedOn: '2025-07-01', expiresOn: E })],
    ceRules: CE_RULES,
    activities: [activity('ann', '2026-01-10', 20, { categories: ['ctr-category-a'] })],
    rules: DEFAULT_REMINDER_RULES,
    holders: [
      { staffId: 'ann', userId: 'u-ann' },
      { staffId: 'max', userId: 'u-max' },
      { staffId: 'ted', userId: 'u-ted' },
    ],
    teamManagers: [{ teamId: 'coding', userId: 'u-max' }],
    waitingActivities: [],
    ...overrides,
  };
}

/** The scheduler ran every day from `from` through `to`: what each day sent. */
function daily(f: ReminderFacts, from: string, to: string): Map<string, string[]> {
  const sent = new Map<string, string[]>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const keys = dueReminders(f, { day, coveredThrough: addDays(day, -1) }).flatMap((r) =>
      r.recipients.map((x) => x.key),
    );
    if (keys.length > 0) sent.set(day, keys);
  }
  return sent;
}

describe('due reminders: credential expiry (R10 lead times)', () => {
  it('each lead time is due on its own day, to the holder and the managers of the team', () => {
    const sent = daily(facts(), '2027-03-01', '2027-07-01');
    expect([...sent.entries()]).toEqual([
      ['2027-04-01', ['expiry:ann-ods:u-ann:90', 'expiry:ann-ods:u-max:90']],
      ['2027-05-01', ['expiry:ann-ods:u-ann:60', 'expiry:ann-ods:u-max:60']],
      ['2027-05-31', ['expiry:ann-ods:u-ann:30', 'expiry:ann-ods:u-max:30']],
      ['2027-06-23', ['expiry:ann-ods:u-ann:7', 'expiry:ann-ods:u-max:7']],
      ['2027-07-01', ['lapse:ann-ods:u-ann', 'lapse:ann-ods:u-max']],
    ]);
  });

  it('the expiry day itself owes nothing new when the 7-day reminder went out', () => {
    expect(dueReminders(facts(), { day: E, coveredThrough: addDays(E, -1) })).toEqual([]);
  });

  it('the expiry day itself sends the 7-day reminder late when the server was down on its day', () => {
    const [due] = dueReminders(facts(), { day: E, coveredThrough: '2027-06-20' });
    expect(due).toMatchObject({
      kind: 'credential.expiring',
      key: 'expiry:ann-ods:7',
      dueOn: '2027-06-23',
      caughtUp: true,
      subject: { daysLeft: 0, leadDays: 7 },
    });
  });

  it('the day after the expiry sends the lapse notice', () => {
    const due = dueReminders(facts(), { day: '2027-07-01', coveredThrough: E });
    expect(due.map((d) => [d.kind, d.key, d.caughtUp, d.subject.type])).toEqual([
      ['credential.lapsed', 'lapse:ann-ods', false, 'credential'],
    ]);
  });

  it('a lead time on a day the server was down is sent on the next run, not twice', () => {
    // down 2027-03-30 .. 2027-04-04: the 90-day reminder of 2027-04-01 goes out on 2027-04-05
    const due = dueReminders(facts(), { day: '2027-04-05', coveredThrough: '2027-03-29' });
    expect(due.map((d) => [d.key, d.dueOn, d.caughtUp])).toEqual([
      ['expiry:ann-ods:90', '2027-04-01', true],
    ]);
    expect(dueReminders(facts(), { day: '2027-04-06', coveredThrough: '2027-04-05' })).toEqual([]);
  });

  it('a 90-day reminder is not sent once the 60-day one is due', () => {
    const due = dueReminders(facts(), { day: '2027-05-03', coveredThrough: '2027-03-20' });
    expect(due.map((d) => d.key)).toEqual(['expiry:ann-ods:60']);
  });

  it('a lapse notice is sent late rather than never, and supersedes the reminders before it', () => {
    const due = dueReminders(facts(), { day: '2027-07-20', coveredThrough: '2027-06-01' });
    expect(due.map((d) => [d.key, d.dueOn, d.caughtUp])).toEqual([
      ['lapse:ann-ods', '2027-07-01', true],
    ]);
  });

  it('a credential type can have its own lead times', () => {
    const f = facts({
      rules: {
        ...DEFAULT_REMINDER_RULES,
        credentialTypeLeadDays: [{ credentialTypeId: 'ODS', leadDays: [120, 14] }],
      },
    });
    expect([...daily(f, '2027-02-01', '2027-06-30').keys()]).toEqual(['2027-03-02', '2027-06-16']);
  });

  it('a kind that is off sends nothing', () => {
    const rules: ReminderRules = {
      ...DEFAULT_REMINDER_RULES,
      expiring: { enabled: false, leadDays: [90] },
      lapsed: { enabled: false },
    };
    expect(daily(facts({ rules }), '2027-03-01', '2027-07-10').size).toBe(0);
  });

  it('a renewal recorded as a new credential ends the reminders; a revocation is not a lapse', () => {
    const renewed = facts({
      credentials: [
        credential('ann-ods', 'ann', 'ODS', { issuedOn: '2025-07-01', expiresOn: E }),
        credential('ann-ods-2', 'ann', 'ODS', { issuedOn: '2027-05-15', expiresOn: '2029-06-30' }),
      ],
    });
    expect([...daily(renewed, '2027-03-01', '2027-07-10').keys()]).toEqual([
      '2027-04-01',
      '2027-05-01',
    ]);
    const revoked = facts({
      credentials: [credential('ann-ods', 'ann', 'ODS', { expiresOn: E, revokedOn: '2027-06-01' })],
    });
    expect([...daily(revoked, '2027-03-01', '2027-07-10').keys()]).toEqual([
      '2027-04-01',
      '2027-05-01',
      '2027-05-31',
    ]);
  });

  it('terminated members are not reminded (R1); members without an account still raise the event', () => {
    const f = facts({
      credentials: [
        credential('ted-ods', 'ted', 'ODS', { expiresOn: E }),
        credential('zed-ods', 'zed', 'ODS', { expiresOn: E }),
      ],
      staff: [...facts().staff, member('zed', { teamId: 'roi' })],
    });
    const due = dueReminders(f, { day: '2027-04-01', coveredThrough: '2027-03-31' });
    expect(
      due.filter((d) => d.kind === 'credential.expiring').map((d) => [d.key, d.recipients]),
    ).toEqual([['expiry:zed-ods:90', []]]);
  });
});

describe('due reminders: after a lapse (R18)', () => {
  it('AHIMA inactive 180 days: reminded 30 and 7 days before its last day, to holder and managers', () => {
    const f = facts({
      credentials: [
        credential('ann-rhit', 'ann', 'RHIT', { issuedOn: '2025-07-01', expiresOn: E }),
      ],
      activities: [
        activity('ann', '2026-01-10', 20, { categories: ['hiim-domain', 'ahima-provided'] }),
      ],
    });
    // inactive 2027-07-01 .. 2027-12-27
    const sent = daily(f, '2027-07-01', '2028-01-10');
    expect([...sent.entries()]).toEqual([
      ['2027-07-01', ['lapse:ann-rhit:u-ann', 'lapse:ann-rhit:u-max']],
      [
        '2027-11-27',
        ['state-ending:ann-rhit:2027-07-01:u-ann:30', 'state-ending:ann-rhit:2027-07-01:u-max:30'],
      ],
      [
        '2027-12-20',
        ['state-ending:ann-rhit:2027-07-01:u-ann:7', 'state-ending:ann-rhit:2027-07-01:u-max:7'],
      ],
    ]);
    const [lapse] = dueReminders(f, { day: '2027-07-01', coveredThrough: E });
    expect(lapse.subject).toMatchObject({
      afterLapse: { state: 'inactive', until: '2027-12-27', canBeReinstated: true },
    });
  });

  it('a lead time longer than the state is left to the lapse notice', () => {
    const f = facts({ credentials: [credential('ann-ccds', 'ann', 'CCDS', { expiresOn: E })] });
    const rules = { ...DEFAULT_REMINDER_RULES, stateEnding: { enabled: true, leadDays: [60, 7] } };
    // ACDIS grace 45 days: 2027-07-01 .. 2027-08-14; 60 days before is before it began
    const sent = daily(
      { ...f, rules, ceRules: [...CE_RULES, acdis()] },
      '2027-06-25',
      '2027-08-20',
    );
    expect([...sent.keys()]).toEqual(['2027-07-01', '2027-08-07']);
  });
});

function acdis() {
  return {
    issuingBody: 'ACDIS',
    cycleMonths: 24,
    extraPerAdditional: 0,
    cap: null,
    minimums: [],
    afterLapse: [{ state: 'grace', days: 45 }],
  };
}

describe('due reminders: CE (R15)', () => {
  const cpc = (hours: number) =>
    facts({
      credentials: [credential('ann-cpc', 'ann', 'CPC', { issuedOn: '2025-07-01', expiresOn: E })],
      activities: hours > 0 ? [activity('ann', '2025-08-01', hours)] : [],
    });

  it('behind at 180 days before the cycle end, to the holder only; at risk at 90, 30 and 7, with managers', () => {
    const sent = daily(cpc(2), '2026-12-01', '2027-06-30');
    const group = 'ann:AAPC:2027-06-30';
    expect([...sent.entries()]).toEqual([
      ['2027-01-01', [`ce-behind:${group}:u-ann:180`]],
      [
        '2027-04-01',
        [
          `ce-at-risk:${group}:u-ann:90`,
          `ce-at-risk:${group}:u-max:90`,
          'expiry:ann-cpc:u-ann:90',
          'expiry:ann-cpc:u-max:90',
        ].sort(),
      ],
      ['2027-05-01', ['expiry:ann-cpc:u-ann:60', 'expiry:ann-cpc:u-max:60']],
      [
        '2027-05-31',
        [
          `ce-at-risk:${group}:u-ann:30`,
          `ce-at-risk:${group}:u-max:30`,
          'expiry:ann-cpc:u-ann:30',
          'expiry:ann-cpc:u-max:30',
        ].sort(),
      ],
      [
        '2027-06-23',
        [
          `ce-at-risk:${group}:u-ann:7`,
          `ce-at-risk:${group}:u-max:7`,
          'expiry:ann-cpc:u-ann:7',
          'expiry:ann-cpc:u-max:7',
        ].sort(),
      ],
    ]);
  });

  it('a group on track at 180 days gets no behind reminder, and a met group is never at risk', () => {
    expect([...daily(cpc(30), '2026-12-01', '2027-03-31').keys()]).toEqual([]);
    const met = daily(cpc(36), '2027-03-25', '2027-06-30');
    expect([...met.values()].flat().filter((k) => k.startsWith('ce-'))).toEqual([]);
  });

  it('a missed behind reminder is caught up only while the group is still behind', () => {
    const due = dueReminders(cpc(2), { day: '2027-01-20', coveredThrough: '2026-12-20' });
    expect(due.map((d) => [d.key, d.dueOn, d.caughtUp])).toEqual([
      ['ce-behind:ann:AAPC:2027-06-30:180', '2027-01-01', true],
    ]);
  });
});

describe('due reminders: CE review', () => {
  const waiting = facts({
    waitingActivities: [
      {
        id: 'act-w',
        staffId: 'ann',
        title: 'Coding Clinic',
        submittedOn: '2027-01-04',
        reviewerUserIds: ['u-max', 'u-admin'],
      },
    ],
  });

  it('an activity waiting for review more than 7 days is reminded once to each reviewer', () => {
    const sent = daily(waiting, '2027-01-04', '2027-01-31');
    expect([...sent.entries()]).toEqual([
      ['2027-01-12', ['review-waiting:act-w:u-admin', 'review-waiting:act-w:u-max']],
    ]);
  });

  it('a rejection is told to the holder with the reason, one key per rejection', () => {
    const first = rejectionReminder(
      { id: 'act-r', staffId: 'ann', title: 'Webinar', submittedOn: '2027-01-04', version: 2 },
      ['u-ann'],
      'No certificate attached',
      '2027-01-06',
    );
    expect(first).toMatchObject({
      kind: 'ce.rejected',
      key: 'rejected:act-r:2',
      recipients: [{ userId: 'u-ann', key: 'rejected:act-r:u-ann:2', role: 'holder' }],
      subject: { reason: 'No certificate attached', daysWaiting: 2 },
    });
    const second = rejectionReminder(
      {
        ...first.subject,
        id: 'act-r',
        staffId: 'ann',
        title: 'W',
        submittedOn: '2027-01-04',
        version: 4,
      },
      ['u-ann'],
      'x',
      '2027-02-01',
    );
    expect(second.recipients[0].key).toBe('rejected:act-r:u-ann:4');
  });
});

describe('due reminders: lead times and the weekly digest', () => {
  const window = { day: '2027-04-10', coveredThrough: '2027-04-09' };

  it('dueLeadTime takes the latest lead time that has come, once', () => {
    expect(dueLeadTime('2027-05-10', [7, 30, 90, 60], window)).toEqual({
      leadDays: 30,
      on: '2027-04-10',
    });
    expect(dueLeadTime('2027-05-11', [7, 30], window)).toBeNull();
    expect(dueLeadTime('2027-04-09', [7], window)).toBeNull();
    expect(dueLeadTime('2027-05-10', [30], window, '2027-04-11')).toBeNull();
  });

  it('ISO weekdays', () => {
    expect([isoWeekday('2027-01-04'), isoWeekday('2027-01-10'), isoWeekday('1969-12-31')]).toEqual([
      1, 7, 3,
    ]);
  });

  it('the digest is due on its weekday once the hour has come, or later that week after downtime', () => {
    const digest = { enabled: true, weekday: 1, hour: 8 };
    expect(
      dueDigestDay(digest, { day: '2027-01-04', coveredThrough: '2027-01-03' }, false),
    ).toBeNull();
    expect(dueDigestDay(digest, { day: '2027-01-04', coveredThrough: '2027-01-03' }, true)).toBe(
      '2027-01-04',
    );
    expect(
      dueDigestDay(digest, { day: '2027-01-05', coveredThrough: '2027-01-04' }, true),
    ).toBeNull();
    expect(dueDigestDay(digest, { day: '2027-01-07', coveredThrough: '2027-01-02' }, false)).toBe(
      '2027-01-04',
    );
    expect(
      dueDigestDay(
        { ...digest, enabled: false },
        { day: '2027-01-04', coveredThrough: '2027-01-03' },
        true,
      ),
    ).toBeNull();
  });

  it('a digest lists what lapses in 30 days, what lapsed last week, who is behind and what waits', () => {
    const f = facts({
      credentials: [
        credential('soon', 'ann', 'ODS', { expiresOn: '2027-05-01' }),
        credential('gone', 'max', 'CPC', { expiresOn: '2027-04-05' }),
        credential('old', 'max', 'CCS', { expiresOn: '2027-03-01' }),
      ],
      activities: [],
    });
    const content = weeklyDigest(f, '2027-04-10', [
      {
        id: 'w1',
        staffId: 'ann',
        title: 'Webinar',
        submittedOn: '2027-04-01',
        reviewerUserIds: [],
      },
    ]);
    expect(content.expiring.map((e) => [e.staffName, e.credentialTypeCode, e.daysLeft])).toEqual([
      ['Ann', 'ODS', 21],
    ]);
    expect(content.lapsed.map((e) => [e.staffName, e.credentialTypeCode])).toEqual([
      ['Max', 'CPC'],
    ]);
    expect(content.behind.map((g) => [g.staffName, g.issuingBody, g.status])).toEqual([
      ['Ann', 'NCRA', 'at-risk'],
    ]);
    expect(content.waiting.map((w) => w.title)).toEqual(['Webinar']);
    expect(digestIsEmpty(content)).toBe(false);
    expect(digestIsEmpty(weeklyDigest(facts({ credentials: [] }), '2027-04-10', []))).toBe(true);
  });
});

describe('a review waits too long', () => {
  it('after more than seven days, the day the review-waiting reminder falls due', () => {
    expect(reviewWaitsTooLong('2027-04-01', '2027-04-08')).toBe(false);
    expect(reviewWaitsTooLong('2027-04-01', '2027-04-09')).toBe(true);
    const waiting = { id: 'a1', staffId: 'ann', title: 'Webinar', submittedOn: '2027-04-01' };
    const due = dueReminders(
      facts({ waitingActivities: [{ ...waiting, reviewerUserIds: ['u1'] }] }),
      { day: '2027-04-09', coveredThrough: '2027-04-08' },
    ).filter((reminder) => reminder.kind === 'ce.review-waiting');
    expect(due.map((reminder) => reminder.dueOn)).toEqual(['2027-04-09']);
  });

  it('with a department that waits three days', () => {
    expect(reviewWaitsTooLong('2027-04-01', '2027-04-04', 3)).toBe(false);
    expect(reviewWaitsTooLong('2027-04-01', '2027-04-05', 3)).toBe(true);
  });
});
