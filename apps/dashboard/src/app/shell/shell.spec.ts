import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { UserRole } from '@him/contracts';
import { storeSession, testUser } from '../../testing/auth-session';
import { SESSION_STORAGE_KEY } from '../core/auth/auth.service';
import { Shell } from './shell';

@Component({ template: '<h1>Page</h1>' })
class StubPage {}

async function openShellAs(role: UserRole): Promise<{ harness: RouterTestingHarness }> {
  sessionStorage.clear();
  storeSession(testUser(role));
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'login', component: StubPage },
        {
          path: '',
          component: Shell,
          children: [
            {
              path: 'overview',
              component: StubPage,
              data: { roles: ['admin', 'manager'], nav: { label: 'Overview' } },
            },
            {
              path: 'my-progress',
              component: StubPage,
              data: { roles: ['staff'], nav: { label: 'My progress' } },
            },
            { path: 'forbidden', component: StubPage },
          ],
        },
      ]),
    ],
  });
  const harness = await RouterTestingHarness.create(
    role === 'staff' ? '/my-progress' : '/overview',
  );
  return { harness };
}

describe('Shell', () => {
  it('has a skip link, a banner, a labelled navigation and a main landmark', async () => {
    const { harness } = await openShellAs('manager');
    const root = harness.fixture.nativeElement as HTMLElement;

    const skipLink = root.querySelector('a.skip-link');
    expect(skipLink?.textContent).toContain('Skip to main content');
    expect(root.querySelector('header mat-toolbar')?.textContent).toContain('HIM Readiness');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Main');
    const main = root.querySelector('main#main-content');
    expect(main?.querySelector('h1')?.textContent).toBe('Page');

    (skipLink as HTMLAnchorElement).click();
    expect(document.activeElement).toBe(main);
  });

  it('shows the signed-in email and role', async () => {
    const { harness } = await openShellAs('manager');
    const user = (harness.fixture.nativeElement as HTMLElement).querySelector('.signed-in-user');

    expect(user?.textContent).toContain('manager@hospital.test');
    expect(user?.textContent).toContain('Manager');
  });

  it.each<[UserRole, string[]]>([
    ['admin', ['Overview']],
    ['manager', ['Overview']],
    ['staff', ['My progress']],
  ])('lists only the pages a %s may open', async (role, labels) => {
    const { harness } = await openShellAs(role);
    const links = Array.from(
      (harness.fixture.nativeElement as HTMLElement).querySelectorAll('nav a'),
    );

    expect(links.map((link) => link.textContent?.trim())).toEqual(labels);
    expect(links[0].getAttribute('aria-current')).toBe('page');
  });

  it('logs out: clears the session and goes to the sign-in page', async () => {
    const { harness } = await openShellAs('manager');
    const logout = Array.from(
      (harness.fixture.nativeElement as HTMLElement).querySelectorAll('button'),
    ).find((button) => button.textContent?.includes('Log out'));

    logout?.click();
    await harness.fixture.whenStable();

    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/login');
  });
});
