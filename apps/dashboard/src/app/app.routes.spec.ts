import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { UserRole } from '@him/contracts';
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

async function navigateAs(role: UserRole | null, url: string): Promise<string> {
  sessionStorage.clear();
  if (role) {
    storeSession(testUser(role));
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
});
