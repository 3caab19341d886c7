import type { Expiration, IsoDate } from '@him/contracts';
import { compareByName, nonTerminatedById } from './collections';
import { DEFAULT_EXPIRY_WARNING_DAYS, isCredentialCurrentByDates } from './credentials';
import { addDays, daysBetween, isIsoDate } from './dates';
import type { DepartmentFacts, StaffFacts } from './model';

export interface ExpirationOptions {
  teamId?: string;
  staffId?: string;
}

/**
 * R10 expiring soon: credentials of non-terminated members, current on asOf by dates and not
 * revoked, with asOf <= expiresOn <= asOf + withinDays (default: the department's window).
 * Unverified credentials are kept and carry verified = false: they still need renewing.
 * Soonest first, then by member name, then by credential type code.
 */
export function expiringCredentials(
  facts: Pick<DepartmentFacts, 'settings' | 'staff' | 'credentialTypes' | 'credentials'>,
  asOf: IsoDate,
  withinDays: number = facts.settings.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS,
  options: ExpirationOptions = {},
): Expiration[] {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not a calendar date (YYYY-MM-DD): ${asOf}`);
  const windowEnd = addDays(asOf, withinDays);
  const members = nonTerminatedById(facts.staff, options);
  const codes = new Map(facts.credentialTypes.map((type) => [type.id, type.code]));

  const expiring: { expiration: Expiration; member: StaffFacts }[] = [];
  for (const credential of facts.credentials) {
    const member = members.get(credential.staffId);
    if (member === undefined || credential.expiresOn === null) continue;
    if (credential.expiresOn < asOf || credential.expiresOn > windowEnd) continue;
    if (!isCredentialCurrentByDates(credential, asOf)) continue;
    expiring.push({
      member,
      expiration: {
        credentialId: credential.id,
        staffId: member.id,
        staffName: member.name,
        teamId: member.teamId,
        credentialTypeId: credential.credentialTypeId,
        credentialTypeCode: codes.get(credential.credentialTypeId) ?? credential.credentialTypeId,
        number: credential.number,
        expiresOn: credential.expiresOn,
        daysLeft: daysBetween(asOf, credential.expiresOn),
        verified: credential.verified,
      },
    });
  }
  return expiring
    .sort(
      (a, b) =>
        a.expiration.daysLeft - b.expiration.daysLeft ||
        compareByName(a.member, b.member) ||
        a.expiration.credentialTypeCode.localeCompare(b.expiration.credentialTypeCode, 'en') ||
        (a.expiration.credentialId < b.expiration.credentialId
          ? -1
          : a.expiration.credentialId > b.expiration.credentialId
            ? 1
            : 0),
    )
    .map(({ expiration }) => expiration);
}
