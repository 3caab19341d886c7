import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuthUser, UserRole } from '@him/contracts';
import { storeSession, testUser } from '../testing/auth-session';
import { appRoutes } from './app.routes';
import { PageTitleStrategy } from './core/page-title-strategy';

jest.mock('chart.js', () => {
  class MockChart {
    static register = jest.fn();
    update = jest.fn();
    destroy = jest.fn();
  }
  return { Chart: MockChart };
});

async function navigateAs(role: UserRole | AuthUser | null, url: string): Promise<string> {
  sessionStorage.clear();
  if (role) {
    storeSession(typeof role === 'string' ? testUser(role) : role);
  }
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter(appRoutes),
      { provide: TitleStrategy, useClass: PageTitleStrategy },
    ],
  });
  await RouterTestingHarness.create(url);
  return TestBed.inject(Router).url;
}

describe('app routes', () => {
  it('sends a signed-out visitor to sign in, remembering the page', async () => {
    expect(await navigateAs(null, '/overview')).toBe('/login?returnUrl=%2Foverview');
    expect(TestBed.inject(Title).getTitle()).toBe('Sign in · HIM Readiness');
  });

  it.each<[UserRole, string]>([
    ['admin', '/overview'],
    ['manager', '/overview'],
    ['staff', '/my-progress'],
  ])('opens the start page of a %s at /', async (role, home) => {
    expect(await navigateAs(role, '/')).toBe(home);
  });

  it('titles each page', async () => {
    await navigateAs('manager', '/overview');
    expect(TestBed.inject(Title).getTitle()).toBe('Overview · HIM Readiness');
  });

  it('shows staff the no-access page for the department overview', async () => {
    expect(await navigateAs('staff', '/overview')).toBe('/forbidden');
    expect(TestBed.inject(Title).getTitle()).toBe('No access · HIM Readiness');
  });

  it('shows a not-found page for an unknown address', async () => {
    expect(await navigateAs('manager', '/no-such-page')).toBe('/no-such-page');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found · HIM Readiness');
  });

  it.each(['/review', '/team-matrix'])(
    'shows staff the no-access page for the manager page %s',
    async (url) => {
      expect(await navigateAs('staff', url)).toBe('/forbidden');
    },
  );

  it("shows staff the not-found page for another member's profile", async () => {
    expect(await navigateAs('staff', '/staff/staff-2')).toBe('/not-found');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found · HIM Readiness');
  });

  it('opens My progress for a manager who has a staff record', async () => {
    expect(
      await navigateAs(testUser('manager', { staffId: 'staff-manager' }), '/my-progress'),
    ).toBe('/my-progress');
    expect(TestBed.inject(Title).getTitle()).toBe('My progress · HIM Readiness');
  });

  it('shows the no-access page for My progress to an account without a staff record', async () => {
    expect(await navigateAs('admin', '/my-progress')).toBe('/forbidden');
  });

  it.each<[string, string]>([
    ['/review', 'Review CE activities · HIM Readiness'],
    ['/team-matrix', 'Team matrix · HIM Readiness'],
    ['/staff/staff-2', 'Staff profile · HIM Readiness'],
  ])('opens %s for a manager', async (url, title) => {
    expect(await navigateAs('manager', url)).toBe(url);
    expect(TestBed.inject(Title).getTitle()).toBe(title);
  });
});
