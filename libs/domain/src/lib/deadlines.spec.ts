import { activity, CE_RULES, CE_TYPES, credential, member, SETTINGS } from '../testing/fixtures';
import { upcomingDeadlines } from './deadlines';
import type { CeFacts } from './model';

const D = '2026-03-15'; // + 12 months = 2027-03-15

const facts: CeFacts = {
  settings: SETTINGS,
  staff: [
    member('sam', { name: 'Sam', teamId: 'coding' }),
    member('ann', { name: 'Ann', teamId: 'roi' }),
    member('ted', { name: 'Ted', teamId: 'coding', status: 'terminated' }),
  ],
  credentialTypes: CE_TYPES,
  credentials: [
    credential('sam-rhia', 'sam', 'RHIA', { expiresOn: '2027-03-15' }), // the window's last day
    credential('sam-cpc', 'sam', 'CPC', { expiresOn: '2027-03-16' }), // one day after it
    credential('ann-ccs', 'ann', 'CCS', { expiresOn: '2026-03-15', verifiedOn: null }), // on D
    credential('ann-old', 'ann', 'RHIT', { expiresOn: '2026-03-14' }), // lapsed before D
    credential('ted-ccs', 'ted', 'CCS', { expiresOn: '2026-06-30' }),
  ],
  ceRules: CE_RULES,
  activities: [
    // Ann's AHIMA cycle (CCS, 20 h) ends on D: 20 approved hours, nothing missing
    activity('ann', '2025-06-01', 16, { categories: ['hiim-domain', 'ahima-provided'] }),
    activity('ann', '2025-07-01', 4, { categories: ['hiim-domain'] }),
    // Sam's AHIMA cycle (RHIA, 30 h) ends on 2027-03-15: 10 approved and 5 waiting for review
    activity('sam', '2026-01-10', 10, { categories: ['hiim-domain', 'ahima-provided'] }),
    activity('sam', '2026-02-10', 5, { categories: ['hiim-domain'], status: 'submitted' }),
  ],
};

describe('deadlines (what falls due in the coming twelve months)', () => {
  const { until, deadlines } = upcomingDeadlines(facts, D);

  it('lists credential expiries from D through D + 12 months, soonest first, unverified ones flagged', () => {
    expect(until).toBe('2027-03-15');
    expect(
      deadlines
        .filter((d) => d.kind === 'credential-expiry')
        .map((d) => [d.date, d.staffName, d.credentials, d.issuingBody, d.verified]),
    ).toEqual([
      ['2026-03-15', 'Ann', 'CCS', 'AHIMA', false],
      ['2027-03-15', 'Sam', 'RHIA', 'AHIMA', true],
    ]);
  });

  it('lists a CE cycle end only while hours are missing, counting approved hours only', () => {
    expect(deadlines.filter((d) => d.kind === 'ce-cycle-end')).toEqual([
      {
        kind: 'ce-cycle-end',
        date: '2027-03-15',
        staffId: 'sam',
        staffName: 'Sam',
        teamId: 'coding',
        issuingBody: 'AHIMA',
        credentials: 'RHIA',
        hoursMissing: 20,
        verified: null,
      },
    ]);
  });

  it('keeps terminated members out and answers for one team when asked', () => {
    expect(deadlines.some((d) => d.staffId === 'ted')).toBe(false);
    const roi = upcomingDeadlines(facts, D, { teamId: 'roi' });
    expect(roi.deadlines.map((d) => d.staffId)).toEqual(['ann']);
    expect(() => upcomingDeadlines(facts, '2026-13-01')).toThrow(RangeError);
  });
});
