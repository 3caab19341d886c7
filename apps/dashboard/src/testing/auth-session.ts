import type { AuthUser, UserRole } from '@him/contracts';
import { SESSION_STORAGE_KEY } from '../app/core/auth/auth.service';

export const TEST_TOKEN = 'test-access-token';

export function testUser(role: UserRole, overrides: Partial<AuthUser> = {}): AuthUser {
  return {
    id: `user-${role}`,
    email: `${role}@hospital.test`,
    role,
    staffId: role === 'staff' ? 'staff-1' : null,
    departmentId: 'department-1',
    ...overrides,
  };
}

/** Puts a session in sessionStorage, where AuthService finds it when it is created. */
export function storeSession(user: AuthUser, accessToken = TEST_TOKEN): void {
  sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken, user }));
}
