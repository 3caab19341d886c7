import type { CeGroup } from '@him/contracts';
import { formatHours } from '@him/domain';
import {
  ceCycleEndEvent,
  credentialExpiryEvent,
  feedEvents,
  reminderAlarms,
  type CredentialDeadline,
  type FeedContext,
} from './calendar-events';

const context: FeedContext = { today: '2026-03-01', leadDays: [90, 60, 30, 7], nameMembers: false };

const deadline: CredentialDeadline = {
  credentialId: 'c1',
  staffId: 's1',
  staffName: 'Ana Ruiz',
  typeCode: 'CCS',
  typeName: 'Certified Coding Specialist',
  issuingBody: 'AHIMA',
  number: '123',
  expiresOn: '2026-06-30',
  verified: true,
};

const group: CeGroup = {
  staffId: 's1',
  issuingBody: 'AHIMA',
  credentialIds: ['c1', 'c2'],
  credentialTypeCodes: ['CCS', 'RHIA'],
  cycleStart: '2024-07-01',
  cycleEnd: '2026-06-30',
  required: 40,
  earned: 16,
  pending: 2.5,
  remaining: 24,
  pace: 33.12,
  status: 'at-risk',
  minimums: [{ categories: ['hiim-domain'], requiredHours: 32, earnedHours: 12.75, met: false }],
  countedActivityIds: [],
};

describe('calendar feed events', () => {
  it('R10 reminders: one alarm per department lead time, longest first, none already past', () => {
    const alarms = (date: string, leadDays: number[]) =>
      reminderAlarms(date, { ...context, leadDays }, (days) => `${days}`).map((a) => a.daysBefore);
    expect(alarms('2026-12-31', [90, 60, 30, 7])).toEqual([90, 60, 30, 7]);
    expect(alarms('2026-12-31', [7, 30, 30, 120])).toEqual([120, 30, 7]);
    // 2026-04-10 minus 60 days is before 2026-03-01; minus 30 days is after it.
    expect(alarms('2026-04-10', [90, 60, 30, 7])).toEqual([30, 7]);
    expect(alarms('2026-03-31', [30])).toEqual([30]);
    expect(alarms('2026-02-20', [90, 60, 30, 7])).toEqual([]);
  });

  it('a credential expiry is an all-day event with a stable UID, named after the credential', () => {
    const event = credentialExpiryEvent(deadline, context);
    expect(event).toMatchObject({
      uid: 'credential-c1@him-readiness',
      date: '2026-06-30',
      summary: 'CCS expires',
      categories: ['Credential expiry'],
    });
    expect(event.description).toBe(
      "Ana Ruiz's CCS (Certified Coding Specialist, AHIMA) expires on 2026-06-30.\nNumber: 123.\nVerified.\n" +
        'Renew it with AHIMA before it lapses, then record the new expiry date in HIM Readiness.',
    );
    expect(event.alarms.map((a) => a.description)).toEqual([
      'CCS expires in 90 days (2026-06-30)',
      'CCS expires in 60 days (2026-06-30)',
      'CCS expires in 30 days (2026-06-30)',
      'CCS expires in 7 days (2026-06-30)',
    ]);
    expect(credentialExpiryEvent(deadline, { ...context, nameMembers: true }).summary).toBe(
      'Ana Ruiz: CCS expires',
    );
  });

  it('R15 a CE cycle end says earned of required hours as of today', () => {
    const event = ceCycleEndEvent(group, 'Ana Ruiz', context);
    expect(event.uid).toBe('ce-s1-AHIMA-2026-06-30@him-readiness');
    expect(event.summary).toBe('AHIMA CE cycle ends — 16 of 40 h');
    expect(event.description.split('\n')).toEqual([
      "Ana Ruiz's AHIMA continuing education cycle 2024-07-01 to 2026-06-30 (CCS, RHIA).",
      'Earned 16 of 40 h (24 h remaining), 2.5 h pending review. Status: at risk.',
      'Minimum from HIIM domains: 12.75 of 32 h.',
    ]);
    expect(ceCycleEndEvent({ ...group, issuingBody: 'State HIM Assn.' }, 'Ana', context).uid).toBe(
      'ce-s1-State-HIM-Assn-2026-06-30@him-readiness',
    );
  });

  it('orders events by date, then UID', () => {
    const events = feedEvents(
      [deadline, { ...deadline, credentialId: 'c0', expiresOn: '2026-05-01' }],
      [group],
      new Map([['s1', 'Ana Ruiz']]),
      context,
    );
    expect(events.map((e) => e.uid)).toEqual([
      'credential-c0@him-readiness',
      'ce-s1-AHIMA-2026-06-30@him-readiness',
      'credential-c1@him-readiness',
    ]);
  });

  it('writes hours without float noise', () => {
    expect([16, 16.5, 12.75, 0.1 + 0.2].map(formatHours)).toEqual(['16', '16.5', '12.75', '0.3']);
  });
});
