import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  CanActivateFn,
  GuardResult,
  MaybeAsync,
  provideRouter,
  Router,
  RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import type { UserRole } from '@him/contracts';
import { storeSession, testUser } from '../../../testing/auth-session';
import { authGuard, roleGuard, signedOutGuard } from './auth.guards';

function runGuard(
  guard: CanActivateFn,
  url: string,
  data: Record<string, unknown> = {},
): MaybeAsync<GuardResult> {
  const route = { data } as unknown as ActivatedRouteSnapshot;
  const state = { url } as RouterStateSnapshot;
  return TestBed.runInInjectionContext(() => guard(route, state));
}

function serialized(result: MaybeAsync<GuardResult>): string | boolean {
  expect(typeof result === 'boolean' || result instanceof UrlTree).toBe(true);
  return result instanceof UrlTree
    ? TestBed.inject(Router).serializeUrl(result)
    : (result as boolean);
}

function signIn(role: UserRole | null): void {
  sessionStorage.clear();
  if (role) {
    storeSession(testUser(role));
  }
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
  });
}

describe('authGuard', () => {
  it('lets a signed-in user through', () => {
    signIn('staff');
    expect(serialized(runGuard(authGuard, '/my-progress'))).toBe(true);
  });

  it('sends a signed-out user to sign in, remembering where they were going', () => {
    signIn(null);
    expect(serialized(runGuard(authGuard, '/overview?asOf=2025-06-01'))).toBe(
      '/login?returnUrl=%2Foverview%3FasOf%3D2025-06-01',
    );
  });
});

describe('roleGuard', () => {
  const managersOnly = { roles: ['admin', 'manager'] };

  it.each<UserRole>(['admin', 'manager'])(
    'lets a %s open a page for admins and managers',
    (role) => {
      signIn(role);
      expect(serialized(runGuard(roleGuard, '/overview', managersOnly))).toBe(true);
    },
  );

  it('shows staff the no-access page for a managers-only page', () => {
    signIn('staff');
    expect(serialized(runGuard(roleGuard, '/overview', managersOnly))).toBe('/forbidden');
  });

  it("shows staff the not-found page for another member's profile, as the API answers 404", () => {
    signIn('staff');
    const profile = { ...managersOnly, notFoundWhenDenied: true };
    expect(serialized(runGuard(roleGuard, '/staff/someone', profile))).toBe('/not-found');
  });

  it('asks for a staff record on pages about the signed-in person', () => {
    const ownRecordPage = { roles: ['admin', 'manager', 'staff'], needsStaffRecord: true };

    signIn('staff');
    expect(serialized(runGuard(roleGuard, '/my-progress', ownRecordPage))).toBe(true);

    TestBed.resetTestingModule();
    signIn('admin');
    expect(serialized(runGuard(roleGuard, '/my-progress', ownRecordPage))).toBe('/forbidden');
  });

  it('lets any signed-in user open a page without roles', () => {
    signIn('staff');
    expect(serialized(runGuard(roleGuard, '/forbidden'))).toBe(true);
  });

  it('sends a signed-out user to sign in', () => {
    signIn(null);
    expect(serialized(runGuard(roleGuard, '/overview', managersOnly))).toBe(
      '/login?returnUrl=%2Foverview',
    );
  });
});

describe('signedOutGuard', () => {
  it('shows the sign-in page to a signed-out user', () => {
    signIn(null);
    expect(serialized(runGuard(signedOutGuard, '/login'))).toBe(true);
  });

  it.each<[UserRole, string]>([
    ['manager', '/overview'],
    ['staff', '/my-progress'],
  ])('sends a signed-in %s to their start page', (role, home) => {
    signIn(role);
    expect(serialized(runGuard(signedOutGuard, '/login'))).toBe(home);
  });
});
