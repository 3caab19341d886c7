import { CE_RULES, CE_TYPES, credential, SETTINGS } from '../testing/fixtures';
import { afterLapseStateOn, afterLapseStates, DEFAULT_AFTER_LAPSE } from './after-lapse';
import { credentialStatusOn, isCredentialCurrent } from './credentials';

const expired = (expiresOn: string, overrides = {}) =>
  credential('c1', 's1', 'RHIA', { issuedOn: '2024-12-02', expiresOn, ...overrides });

describe('R18 after a lapse', () => {
  const ahima = DEFAULT_AFTER_LAPSE['AHIMA'];

  it('R18 AHIMA: expired 2026-12-01 is inactive from 2026-12-02 until 2027-05-30, then revoked', () => {
    const rhia = expired('2026-12-01');
    expect(afterLapseStateOn(rhia, ahima, '2026-12-02')).toEqual({
      state: 'inactive',
      since: '2026-12-02',
      until: '2027-05-30',
      day: 1,
      canBeReinstated: true,
    });
    expect(afterLapseStateOn(rhia, ahima, '2027-05-30')).toMatchObject({
      state: 'inactive',
      day: 180,
      canBeReinstated: true,
    });
    expect(afterLapseStateOn(rhia, ahima, '2027-05-31')).toEqual({
      state: 'revoked',
      since: '2027-05-31',
      until: null,
      day: 1,
      canBeReinstated: false,
    });
    expect(afterLapseStateOn(rhia, ahima, '2030-01-01')).toMatchObject({ state: 'revoked' });
  });

  it('R18 the sequence starts the day after expiry: on the expiry date there is no state', () => {
    const rhia = expired('2026-12-01');
    expect(afterLapseStateOn(rhia, ahima, '2026-12-01')).toBeNull();
    expect(afterLapseStateOn(credential('c2', 's1', 'RHIA'), ahima, '2030-01-01')).toBeNull();
  });

  it('R18 defaults: AAPC grace 90 days, ACDIS grace 45 days, NCRA none', () => {
    const cpc = expired('2026-12-31');
    // 2027-01-01 + 89 days = 2027-03-31
    expect(afterLapseStateOn(cpc, DEFAULT_AFTER_LAPSE['AAPC'], '2027-01-01')).toMatchObject({
      state: 'grace',
      until: '2027-03-31',
    });
    expect(afterLapseStateOn(cpc, DEFAULT_AFTER_LAPSE['AAPC'], '2027-04-01')).toMatchObject({
      state: 'revoked',
      since: '2027-04-01',
    });
    // 2027-01-01 + 44 days = 2027-02-14
    expect(afterLapseStateOn(cpc, DEFAULT_AFTER_LAPSE['ACDIS'], '2027-02-14')).toMatchObject({
      state: 'grace',
      until: '2027-02-14',
      day: 45,
    });
    expect(afterLapseStateOn(cpc, DEFAULT_AFTER_LAPSE['ACDIS'], '2027-02-15')).toMatchObject({
      state: 'revoked',
    });
    expect(afterLapseStateOn(cpc, DEFAULT_AFTER_LAPSE['NCRA'], '2027-01-01')).toBeNull();
    expect(afterLapseStateOn(cpc, undefined, '2027-01-01')).toBeNull();
  });

  it('R18 several states follow one another; states shorter than a day are skipped', () => {
    const steps = [
      { state: 'grace', days: 30 },
      { state: 'none', days: 0 },
      { state: 'inactive', days: 60 },
    ];
    const c = expired('2026-12-31');
    expect(afterLapseStateOn(c, steps, '2027-01-30')).toMatchObject({
      state: 'grace',
      until: '2027-01-30',
    });
    expect(afterLapseStateOn(c, steps, '2027-01-31')).toMatchObject({
      state: 'inactive',
      since: '2027-01-31',
      until: '2027-03-31',
      day: 1,
    });
    expect(afterLapseStateOn(c, steps, '2027-04-01')).toMatchObject({ state: 'revoked' });
  });

  it('R18 an expired credential is never current whatever its state (R4)', () => {
    const rhia = expired('2026-12-01');
    expect(afterLapseStateOn(rhia, ahima, '2027-01-15')?.canBeReinstated).toBe(true);
    expect(isCredentialCurrent(rhia, '2027-01-15', SETTINGS)).toBe(false);
    expect(credentialStatusOn(rhia, '2027-01-15', SETTINGS)).toBe('expired');
  });

  it('R18 a revocation recorded by then shows as revoked, with no after-lapse state', () => {
    const rhia = expired('2026-12-01', { revokedOn: '2027-02-01' });
    expect(afterLapseStateOn(rhia, ahima, '2027-01-31')).toMatchObject({ state: 'inactive' });
    expect(afterLapseStateOn(rhia, ahima, '2027-02-01')).toBeNull();
  });

  it("R18 states of a member's credentials come from their body's rule; a renewal clears the old one", () => {
    const credentials = [
      credential('rhia-old', 's1', 'RHIA', { issuedOn: '2022-12-02', expiresOn: '2024-12-01' }),
      credential('rhia-new', 's1', 'RHIA', { issuedOn: '2024-11-20', expiresOn: '2026-12-01' }),
      credential('cpc', 's1', 'CPC', { issuedOn: '2023-01-01', expiresOn: '2024-12-31' }),
      credential('ods', 's1', 'ODS', { issuedOn: '2023-01-01', expiresOn: '2024-12-31' }),
      credential('rhia-s2', 's2', 'RHIA', { issuedOn: '2022-12-02', expiresOn: '2024-12-01' }),
    ];
    const states = afterLapseStates(
      { credentialTypes: CE_TYPES, ceRules: CE_RULES, credentials },
      '2025-01-10',
    );
    expect([...states.keys()].sort()).toEqual(['cpc', 'rhia-s2']);
    expect(states.get('cpc')).toMatchObject({ state: 'grace', until: '2025-03-31' });
    expect(states.get('rhia-s2')).toMatchObject({ state: 'inactive', until: '2025-05-30' });
  });

  it('R18 rejects a malformed date', () => {
    expect(() => afterLapseStateOn(expired('2026-12-01'), ahima, '2026-12-32')).toThrow(RangeError);
  });
});
