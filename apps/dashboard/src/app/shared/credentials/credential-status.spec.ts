import { credential } from '../../../testing/fixtures';
import { credentialBadges, isCredentialInForce, verificationText } from './credential-status';

const labels = (badges: { label: string }[]) => badges.map((badge) => badge.label);

describe('credentialBadges', () => {
  it.each<[string, Parameters<typeof credential>[0], string[]]>([
    ['current', {}, ['Current']],
    [
      'expiring (R10: window includes its end)',
      { expiresOn: '2026-08-30' },
      ['Expiring in 90 days'],
    ],
    ['expiring tomorrow', { expiresOn: '2026-06-02' }, ['Expiring in 1 day']],
    ['current on its expiry date (R4)', { expiresOn: '2026-06-01' }, ['Expires today']],
    ['expired', { expiresOn: '2026-05-31' }, ['Expired']],
    ['not yet valid', { issuedOn: '2026-07-01' }, ['Not yet valid']],
    ['revoked', { revokedOn: '2026-05-01', revokedReason: 'Lapsed' }, ['Revoked']],
    ['current but unverified', { verification: null }, ['Current', 'Unverified']],
    [
      'expired and unverified (no flag: it does not count anyway)',
      { expiresOn: '2026-01-01', verification: null },
      ['Expired'],
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(labels(credentialBadges(credential(overrides), '2026-06-01', 90))).toEqual(expected);
  });

  it('uses the warning window it is given', () => {
    expect(
      labels(credentialBadges(credential({ expiresOn: '2026-08-30' }), '2026-06-01', 30)),
    ).toEqual(['Current']);
  });

  it('never says a status with colour alone: every badge has words and an icon', () => {
    for (const badge of credentialBadges(credential({ verification: null }), '2026-06-01', 90)) {
      expect(badge.label).not.toBe('');
      expect(badge.icon).not.toBe('');
    }
  });
});

describe('isCredentialInForce', () => {
  it('is true for current and expiring credentials only', () => {
    expect(isCredentialInForce(credential(), '2026-06-01', 90)).toBe(true);
    expect(isCredentialInForce(credential({ expiresOn: '2026-06-10' }), '2026-06-01', 90)).toBe(
      true,
    );
    expect(isCredentialInForce(credential({ expiresOn: '2026-05-10' }), '2026-06-01', 90)).toBe(
      false,
    );
    expect(isCredentialInForce(credential({ revokedOn: '2026-05-10' }), '2026-06-01', 90)).toBe(
      false,
    );
  });
});

describe('verificationText', () => {
  it('says how and when, or that nobody verified it', () => {
    expect(verificationText(credential())).toBe('Primary source, 2025-09-27');
    expect(
      verificationText(
        credential({ verification: { method: 'certificate-copy', verifiedOn: '2026-01-02' } }),
      ),
    ).toBe('Copy of certificate, 2026-01-02');
    expect(verificationText(credential({ verification: null }))).toBe('Not verified');
  });
});
