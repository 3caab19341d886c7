import type { Data } from '@angular/router';
import { USER_ROLES, type UserRole } from '@him/contracts';

export const ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Administrator',
  manager: 'Manager',
  staff: 'Staff',
};

/** Roles that read the whole department's figures. */
export const DEPARTMENT_READERS: readonly UserRole[] = ['admin', 'manager'];

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
