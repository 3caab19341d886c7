import { credential, member, SETTINGS, type } from '../testing/fixtures';
import { expiringCredentials } from './expirations';
import type { DepartmentFacts } from './model';

const D = '2026-03-15'; // + 90 days = 2026-06-13

const facts: Pick<DepartmentFacts, 'settings' | 'staff' | 'credentialTypes' | 'credentials'> = {
  settings: SETTINGS,
  staff: [
    member('zoe', { name: 'Zoe', teamId: 'coding' }),
    member('abe', { name: 'Abe', teamId: 'roi' }),
    member('lea', { name: 'Lea', status: 'leave' }),
    member('ted', { name: 'Ted', status: 'terminated' }),
  ],
  credentialTypes: [type('t-ccs', 'AHIMA', 20), type('t-cpc', 'AAPC', 36)].map((t) => ({
    ...t,
    code: t.id === 't-ccs' ? 'CCS' : 'CPC',
  })),
  credentials: [
    credential('today', 'zoe', 't-ccs', { expiresOn: D, number: 'A-1' }),
    credential('last-day', 'zoe', 't-cpc', { expiresOn: '2026-06-13' }),
    credential('outside', 'zoe', 't-ccs', { expiresOn: '2026-06-14' }),
    credential('expired', 'zoe', 't-cpc', { expiresOn: '2026-03-14' }),
    credential('no-expiry', 'zoe', 't-ccs', { expiresOn: null }),
    credential('revoked', 'abe', 't-ccs', { expiresOn: '2026-04-01', revokedOn: '2026-03-01' }),
    credential('later', 'abe', 't-ccs', { issuedOn: '2026-03-16', expiresOn: '2026-04-01' }),
    credential('abe-unverified', 'abe', 't-cpc', { expiresOn: '2026-04-01', verified: false }),
    credential('zoe-same-day', 'zoe', 't-ccs', { expiresOn: '2026-04-01' }),
    credential('on-leave', 'lea', 't-cpc', { expiresOn: '2026-05-01' }),
    credential('terminated', 'ted', 't-cpc', { expiresOn: '2026-05-01' }),
  ],
};

describe('R10 expiring soon', () => {
  const list = expiringCredentials(facts, D, 90);

  it('R10 lists current credentials expiring from D through D + window, soonest first, then by name', () => {
    expect(list.map((e) => [e.credentialId, e.daysLeft])).toEqual([
      ['today', 0],
      ['abe-unverified', 17],
      ['zoe-same-day', 17],
      ['on-leave', 47],
      ['last-day', 90],
    ]);
  });

  it('R10 an entry carries member, team, type code, number and verification', () => {
    expect(list[0]).toEqual({
      credentialId: 'today',
      staffId: 'zoe',
      staffName: 'Zoe',
      teamId: 'coding',
      credentialTypeId: 't-ccs',
      credentialTypeCode: 'CCS',
      number: 'A-1',
      expiresOn: D,
      daysLeft: 0,
      verified: true,
    });
    expect(list[1]).toMatchObject({ staffName: 'Abe', teamId: 'roi', verified: false });
  });

  it('R10 the window defaults to the department setting', () => {
    const week = expiringCredentials(
      { ...facts, settings: { ...SETTINGS, expiryWarningDays: 17 } },
      D,
    );
    expect(week.map((e) => e.credentialId)).toEqual(['today', 'abe-unverified', 'zoe-same-day']);
  });

  it('R10 filters by team or member', () => {
    expect(expiringCredentials(facts, D, 90, { teamId: 'roi' }).map((e) => e.credentialId)).toEqual(
      ['abe-unverified'],
    );
    expect(
      expiringCredentials(facts, D, 90, { staffId: 'lea' }).map((e) => e.credentialId),
    ).toEqual(['on-leave']);
  });
});
