import { credential, SETTINGS, STRICT } from '../testing/fixtures';
import {
  credentialStatusOn,
  isCredentialCurrent,
  isCredentialCurrentByDates,
  isRevokedOn,
  isVerifiedOn,
} from './credentials';

const ccs = credential('c1', 's1', 'CCS', { issuedOn: '2024-07-01', expiresOn: '2026-06-30' });

describe('R4 current credential', () => {
  it('R4 a credential is current on its issue date and not the day before', () => {
    expect(isCredentialCurrent(ccs, '2024-07-01', SETTINGS)).toBe(true);
    expect(isCredentialCurrent(ccs, '2024-06-30', SETTINGS)).toBe(false);
  });

  it('R4 a credential is current on its expiry date', () => {
    expect(isCredentialCurrent(ccs, '2026-06-30', SETTINGS)).toBe(true);
  });

  it('R4 a credential is not current the day after its expiry date', () => {
    expect(isCredentialCurrent(ccs, '2026-07-01', SETTINGS)).toBe(false);
  });

  it('R4 a credential with no expiry never expires', () => {
    const rhia = credential('c2', 's1', 'RHIA', { issuedOn: '2010-05-01', expiresOn: null });
    expect(isCredentialCurrent(rhia, '2010-05-01', SETTINGS)).toBe(true);
    expect(isCredentialCurrent(rhia, '2099-12-31', SETTINGS)).toBe(true);
    expect(isCredentialCurrent(rhia, '2010-04-30', SETTINGS)).toBe(false);
  });

  it('R4 a credential revoked on or before D is not current; before the revocation it was', () => {
    const revoked = { ...ccs, revokedOn: '2025-03-10' };
    expect(isCredentialCurrent(revoked, '2025-03-09', SETTINGS)).toBe(true);
    expect(isCredentialCurrent(revoked, '2025-03-10', SETTINGS)).toBe(false);
    expect(isCredentialCurrent(revoked, '2025-12-01', SETTINGS)).toBe(false);
    expect(isRevokedOn(revoked, '2025-03-09')).toBe(false);
    expect(isRevokedOn(revoked, '2025-03-10')).toBe(true);
  });

  it('R4 an unverified credential counts unless the department requires verification', () => {
    const unverified = { ...ccs, verified: false, verifiedOn: null };
    expect(isCredentialCurrent(unverified, '2025-01-01', SETTINGS)).toBe(true);
    expect(isCredentialCurrent(unverified, '2025-01-01', STRICT)).toBe(false);
    expect(isCredentialCurrent(ccs, '2025-01-01', STRICT)).toBe(true);
    // by dates alone verification is not looked at (R10, R11)
    expect(isCredentialCurrentByDates(unverified, '2025-01-01')).toBe(true);
  });

  it('R4 a required verification counts from the day it was recorded, not before', () => {
    const verifiedLater = { ...ccs, verifiedOn: '2025-06-01' };
    expect(isVerifiedOn(verifiedLater, '2025-05-31')).toBe(false);
    expect(isVerifiedOn(verifiedLater, '2025-06-01')).toBe(true);
    expect(isCredentialCurrent(verifiedLater, '2025-05-31', STRICT)).toBe(false);
    expect(isCredentialCurrent(verifiedLater, '2025-06-01', STRICT)).toBe(true);
    expect(isCredentialCurrent(verifiedLater, '2025-05-31', SETTINGS)).toBe(true);
  });

  it('R4 with a knowledge cut (R9) only what was issued and verified by the cut is known', () => {
    const verifiedLater = { ...ccs, verifiedOn: '2025-06-01' };
    expect(isCredentialCurrent(verifiedLater, '2025-07-01', STRICT, '2025-05-31')).toBe(false);
    expect(isCredentialCurrent(verifiedLater, '2025-07-01', STRICT, '2025-06-01')).toBe(true);
    expect(isCredentialCurrent(verifiedLater, '2025-07-01', SETTINGS, '2025-05-31')).toBe(true);
    expect(isCredentialCurrent(ccs, '2025-07-01', SETTINGS, '2024-06-30')).toBe(false);
  });

  it('R4 requiring verification does not revive an expired verified credential', () => {
    expect(isCredentialCurrent(ccs, '2026-07-01', STRICT)).toBe(false);
  });
});

describe('R4 / R10 credential status on a date', () => {
  it('R4 status is current, expiring, expired, not-yet-valid or revoked', () => {
    expect(credentialStatusOn(ccs, '2024-06-30', SETTINGS)).toBe('not-yet-valid');
    expect(credentialStatusOn(ccs, '2025-01-01', SETTINGS)).toBe('current');
    expect(credentialStatusOn(ccs, '2026-07-01', SETTINGS)).toBe('expired');
    expect(credentialStatusOn({ ...ccs, revokedOn: '2025-02-01' }, '2025-02-01', SETTINGS)).toBe(
      'revoked',
    );
    expect(credentialStatusOn({ ...ccs, revokedOn: '2025-02-01' }, '2025-01-31', SETTINGS)).toBe(
      'current',
    );
    expect(credentialStatusOn({ ...ccs, expiresOn: null }, '2090-01-01', SETTINGS)).toBe('current');
  });

  it('R10 expiring covers D itself through D + warning days, inclusive', () => {
    // 2026-06-30 - 90 days = 2026-04-01
    expect(credentialStatusOn(ccs, '2026-03-31', SETTINGS)).toBe('current');
    expect(credentialStatusOn(ccs, '2026-04-01', SETTINGS)).toBe('expiring');
    expect(credentialStatusOn(ccs, '2026-06-30', SETTINGS)).toBe('expiring');
    expect(credentialStatusOn(ccs, '2026-06-01', SETTINGS, 7)).toBe('current');
    expect(credentialStatusOn(ccs, '2026-06-23', SETTINGS, 7)).toBe('expiring');
  });

  it('R10 verification is a flag, not a status', () => {
    const unverified = credential('c2', 's1', 'CCS', {
      issuedOn: '2024-07-01',
      expiresOn: '2026-06-30',
      verified: false,
    });
    expect(credentialStatusOn(unverified, '2025-01-01', STRICT)).toBe('current');
  });
});
