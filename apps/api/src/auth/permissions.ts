import type { UserRole } from '@him/contracts';

/**
 * What each role may do, as data (one place to read, one guard to enforce it). Ownership
 * ("only my own CE log", "only the teams I manage") is checked by AccessPolicy.
 */
export const PERMISSIONS = {
  /** read the catalog: skills, credential types, CE rules, roles, teams */
  catalogRead: 'catalog:read',
  /** create and change the catalog */
  catalogWrite: 'catalog:write',
  departmentWrite: 'department:write',
  usersManage: 'users:manage',
  /** read any member of the department (otherwise only oneself) */
  staffReadAll: 'staff:read-all',
  staffWrite: 'staff:write',
  /** delete a staff record created by mistake (only while nothing refers to it) */
  staffDelete: 'staff:delete',
  credentialsWrite: 'credentials:write',
  /** log CE activities: own for staff, anyone's for managers */
  ceWrite: 'ce:write',
  ceReview: 'ce:review',
  assessmentsWrite: 'assessments:write',
  /** department and team figures (R6 to R10) */
  analysisRead: 'analysis:read',
  auditRead: 'audit:read',
  /** reminder settings, webhooks, the log of every notice sent, replaying a day */
  remindersManage: 'reminders:manage',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const P = PERMISSIONS;

const MANAGER: Permission[] = [
  P.catalogRead,
  P.staffReadAll,
  P.staffWrite,
  P.credentialsWrite,
  P.ceWrite,
  P.ceReview,
  P.assessmentsWrite,
  P.analysisRead,
  P.auditRead,
];

export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  admin: [
    ...MANAGER,
    P.catalogWrite,
    P.departmentWrite,
    P.usersManage,
    P.remindersManage,
    P.staffDelete,
  ],
  manager: MANAGER,
  staff: [P.catalogRead, P.ceWrite, P.assessmentsWrite],
};

export function hasPermission(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * Would an account keep the right to manage accounts with this role? Nobody gives up that right
 * themselves, so a department never loses its last admin.
 */
export function keepsUserManagement(role: UserRole): boolean {
  return hasPermission(role, PERMISSIONS.usersManage);
}
