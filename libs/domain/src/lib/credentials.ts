import type { CredentialStatus, IsoDate } from '@him/contracts';
import { addDays } from './dates';
import type { CredentialFacts, DeptSettings } from './model';

/** Default R10 warning window when a department has not set one. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 90;

/** Revoked on `on`: the revocation has taken effect (revokedOn <= on). Before that day it had not. */
export function isRevokedOn(credential: Pick<CredentialFacts, 'revokedOn'>, on: IsoDate): boolean {
  return credential.revokedOn !== null && credential.revokedOn <= on;
}

/**
 * R4 by dates and revocation only: issuedOn <= on <= expiresOn (both inclusive; no expiresOn
 * never expires) and not revoked on `on`. Verification is not looked at (R10, R11 use this).
 */
export function isCredentialCurrentByDates(
  credential: Pick<CredentialFacts, 'issuedOn' | 'expiresOn' | 'revokedOn'>,
  on: IsoDate,
): boolean {
  return (
    credential.issuedOn <= on &&
    (credential.expiresOn === null || on <= credential.expiresOn) &&
    !isRevokedOn(credential, on)
  );
}

/**
 * R4 / R5: a verification recorded on or before `on` (a later verification does not make an
 * earlier day's report change).
 */
export function isVerifiedOn(
  credential: Pick<CredentialFacts, 'verifiedOn'>,
  on: IsoDate,
): boolean {
  return credential.verifiedOn !== null && credential.verifiedOn <= on;
}

/**
 * R4 current credential: current by dates and not revoked, and verified on `on` when the
 * department requires verification for a credential to count. With an R9 knowledge cut
 * (`knownAsOf` before `on`) only a credential issued, and a verification recorded, on or before
 * the cut is known.
 */
export function isCredentialCurrent(
  credential: CredentialFacts,
  on: IsoDate,
  settings: Pick<DeptSettings, 'requireVerification'>,
  knownAsOf: IsoDate = on,
): boolean {
  return (
    credential.issuedOn <= knownAsOf &&
    isCredentialCurrentByDates(credential, on) &&
    (!settings.requireVerification || isVerifiedOn(credential, knownAsOf < on ? knownAsOf : on))
  );
}

/**
 * The credential's status on `on` for chips and reports. Verification is a separate flag, not a
 * status: an unverified credential can be 'current'. 'expiring' = current and expiresOn within
 * [on, on + warningDays] (R10; warningDays defaults to the department's window).
 */
export function credentialStatusOn(
  credential: Pick<CredentialFacts, 'issuedOn' | 'expiresOn' | 'revokedOn'>,
  on: IsoDate,
  settings: Pick<DeptSettings, 'expiryWarningDays'>,
  warningDays: number = settings.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS,
): CredentialStatus {
  if (isRevokedOn(credential, on)) return 'revoked';
  if (on < credential.issuedOn) return 'not-yet-valid';
  if (credential.expiresOn === null) return 'current';
  if (credential.expiresOn < on) return 'expired';
  return credential.expiresOn <= addDays(on, warningDays) ? 'expiring' : 'current';
}
