import type { UserRole } from '@him/contracts';
import { OIDC_ROLES, type OidcRole, type OidcSettings } from '../../config/env';

/** The groups a claim lists: an array of names (or ids), or one name; anything else is none. */
export function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  return [];
}

/**
 * The role the provider's groups give: the highest of the roles mapped to any of the person's
 * groups (admin above manager above staff); staff for anyone in none of them. Evaluated at every
 * sign-in, so taking someone out of a group takes the role away at their next sign-in.
 */
export function roleFromGroups(
  groups: readonly string[],
  map: ReadonlyMap<string, OidcRole>,
): UserRole {
  const roles = new Set(groups.map((group) => map.get(group)).filter((role) => role !== undefined));
  return OIDC_ROLES.find((role) => roles.has(role)) ?? 'staff';
}

/** The identity's e-mail, lower-cased, when the provider vouches for it; null otherwise. */
export function verifiedEmail(
  claims: Record<string, unknown>,
  trustUnflagged: boolean,
): string | null {
  const email = claims['email'];
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320)
    return null;
  const verified = claims['email_verified'];
  if (verified === true || verified === 'true' || (verified === undefined && trustUnflagged)) {
    return email.trim().toLowerCase();
  }
  return null;
}

/** The employee id claim, when configured and present (a string or a number). */
export function employeeIdOf(
  claims: Record<string, unknown>,
  settings: OidcSettings,
): string | null {
  if (!settings.employeeIdClaim) return null;
  const value = claims[settings.employeeIdClaim];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 100) return value.trim();
  return null;
}
