import type { Credential, CredentialStatus, CredentialType, IsoDate } from '@him/contracts';
import {
  credentialStatusLabel,
  credentialStatusOn,
  daysBetween,
  sentenceCase,
  verificationMethodInWords,
} from '@him/domain';
import type { StatusBadge } from '../status/status-chip';
import {
  ICON_BLOCK,
  ICON_CHECK_CIRCLE,
  ICON_ERROR,
  ICON_EVENT,
  ICON_HELP,
  ICON_SCHEDULE,
  ICON_VERIFIED,
} from '../status/status-icons';

/** A credential's status on a day (R4, R10) from the shared domain rule. */
export function credentialStatus(
  credential: Credential,
  asOf: IsoDate,
  warningDays: number,
): CredentialStatus {
  return credentialStatusOn(credential, asOf, { expiryWarningDays: warningDays });
}

/** Current or expiring on `asOf`: a credential a CE activity can still count towards. */
export function isCredentialInForce(
  credential: Credential,
  asOf: IsoDate,
  warningDays: number,
): boolean {
  const status = credentialStatus(credential, asOf, warningDays);
  return status === 'current' || status === 'expiring';
}

/**
 * The chips of a credential on `asOf`: its status ("Current", "Expiring in 12 days",
 * "Expired", "Not yet valid", "Revoked") and, for one in force that nobody verified,
 * "Unverified" (R4: unverified credentials count but are flagged wherever they appear).
 */
export function credentialBadges(
  credential: Credential,
  asOf: IsoDate,
  warningDays: number,
): StatusBadge[] {
  const status = credentialStatus(credential, asOf, warningDays);
  const badges = [statusBadge(status, credential, asOf)];
  if (credential.verification === null && (status === 'current' || status === 'expiring')) {
    badges.push({ label: 'Unverified', tone: 'warning', icon: ICON_HELP });
  }
  return badges;
}

const STATUS_LOOKS: Record<CredentialStatus, Omit<StatusBadge, 'label'>> = {
  current: { tone: 'success', icon: ICON_CHECK_CIRCLE },
  expiring: { tone: 'warning', icon: ICON_SCHEDULE },
  expired: { tone: 'danger', icon: ICON_ERROR },
  'not-yet-valid': { tone: 'neutral', icon: ICON_EVENT },
  revoked: { tone: 'danger', icon: ICON_BLOCK },
};

function statusBadge(status: CredentialStatus, credential: Credential, asOf: IsoDate): StatusBadge {
  const daysToExpiry = credential.expiresOn ? daysBetween(asOf, credential.expiresOn) : 0;
  return { label: credentialStatusLabel(status, daysToExpiry), ...STATUS_LOOKS[status] };
}

export const VERIFIED_BADGE: StatusBadge = {
  label: 'Verified',
  tone: 'success',
  icon: ICON_VERIFIED,
};

/** "CCS" with the type's name when known; a short id otherwise. */
export function credentialTypeLabel(
  typeId: string,
  types: ReadonlyMap<string, CredentialType>,
): { code: string; name: string | null; issuingBody: string | null } {
  const type = types.get(typeId);
  return type
    ? { code: type.code, name: type.name, issuingBody: type.issuingBody }
    : { code: `Credential type ${typeId.slice(0, 8)}`, name: null, issuingBody: null };
}

/** How a credential was verified, in words. */
export function verificationText(credential: Credential): string {
  const verification = credential.verification;
  if (!verification) {
    return 'Not verified';
  }
  const text = `${sentenceCase(verificationMethodInWords(verification.method))}, ${verification.verifiedOn}`;
  return verification.reference ? `${text} (source: ${verification.reference})` : text;
}
