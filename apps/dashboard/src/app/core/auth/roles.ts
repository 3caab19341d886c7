import type { Data } from '@angular/router';
import { type AuthUser, USER_ROLES, type UserRole } from '@him/contracts';

export const ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Administrator',
  manager: 'Manager',
  staff: 'Staff',
};

/** Roles that read the whole department's figures. */
export const DEPARTMENT_READERS: readonly UserRole[] = ['admin', 'manager'];

/** Roles that review CE activities and change members' credentials and assessments. */
export const STAFF_MANAGERS: readonly UserRole[] = ['admin', 'manager'];

/** Every role; pages for "anyone with their own staff record" narrow it with `needsStaffRecord`. */
export const ALL_ROLES: readonly UserRole[] = USER_ROLES;

/** Where a role lands after signing in and when it opens `/`. */
export function homePathFor(role: UserRole | undefined): string {
  return role === 'staff' ? '/my-progress' : '/overview';
}

/** The `roles` a route's `data` allows, or null when the route is open to every signed-in user. */
export function rolesAllowedBy(data: Data | undefined): readonly UserRole[] | null {
  const roles: unknown = data?.['roles'];
  if (!Array.isArray(roles)) {
    return null;
  }
  return roles.filter((role): role is UserRole => (USER_ROLES as readonly string[]).includes(role));
}

/**
 * `data.needsStaffRecord`: the page is about the signed-in person's own staff record (their
 * credentials, CE hours), so it needs an account linked to one, whatever the role.
 */
export function needsStaffRecord(data: Data | undefined): boolean {
  return data?.['needsStaffRecord'] === true;
}

/** May this user open (and see in the navigation) a route with this `data`? */
export function routeAllowsUser(data: Data | undefined, user: AuthUser | null): boolean {
  if (!user) {
    return false;
  }
  const roles = rolesAllowedBy(data);
  if (roles && !roles.includes(user.role)) {
    return false;
  }
  return !needsStaffRecord(data) || Boolean(user.staffId);
}
