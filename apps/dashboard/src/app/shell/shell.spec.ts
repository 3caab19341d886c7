import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AuthUser, UserRole } from '@him/contracts';
import { storeSession, testUser } from '../../testing/auth-session';
import { appRoutes } from '../app.routes';
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

  describe('with the real pages', () => {
    /** The app's own pages and their `data`, each rendered by a stub. */
    async function openRealShellAs(user: AuthUser, url: string): Promise<HTMLElement> {
      sessionStorage.clear();
      storeSession(user);
      const pages = (appRoutes.find((route) => route.component === Shell)?.children ?? [])
        .filter((route) => route.path && route.path !== '**')
        .map((route) => ({ path: route.path, data: route.data, component: StubPage }));
      TestBed.configureTestingModule({
        providers: [
          provideHttpClient(),
          provideHttpClientTesting(),
          provideRouter([{ path: '', component: Shell, children: pages }]),
        ],
      });
      const harness = await RouterTestingHarness.create(url);
      return harness.fixture.nativeElement as HTMLElement;
    }

    function navLabels(root: HTMLElement): string[] {
      return Array.from(root.querySelectorAll('nav a')).map(
        (link) => link.textContent?.trim() ?? '',
      );
    }

    /** The pages these tests are about; other pages may join the navigation beside them. */
    const PAGES = ['Overview', 'My progress', 'Review queue', 'Team matrix'];
    const pagesIn = (labels: string[]) => labels.filter((label) => PAGES.includes(label));

    it('shows staff only their own page, never the manager pages', async () => {
      const root = await openRealShellAs(testUser('staff'), '/my-progress');

      expect(pagesIn(navLabels(root))).toEqual(['My progress']);
      expect(root.querySelector('nav a[href="/review"]')).toBeNull();
      expect(root.querySelector('nav a[href="/team-matrix"]')).toBeNull();
      expect(root.querySelector('nav a[href="/overview"]')).toBeNull();
    });

    it.each<[string, AuthUser, string[]]>([
      [
        'a manager with a staff record',
        testUser('manager', { staffId: 'staff-manager' }),
        ['Overview', 'My progress', 'Review queue', 'Team matrix'],
      ],
      ['a manager without one', testUser('manager'), ['Overview', 'Review queue', 'Team matrix']],
      ['an admin without one', testUser('admin'), ['Overview', 'Review queue', 'Team matrix']],
    ])('lists the pages %s may open', async (_who, user, labels) => {
      expect(pagesIn(navLabels(await openRealShellAs(user, '/overview')))).toEqual(labels);
    });

    it('gives these pages a decorative icon, with the label as the link name', async () => {
      const root = await openRealShellAs(
        testUser('manager', { staffId: 'staff-manager' }),
        '/overview',
      );

      for (const link of Array.from(root.querySelectorAll('nav a'))) {
        const icon = link.querySelector('svg');
        if (PAGES.includes(link.textContent?.trim() ?? '')) {
          expect(icon?.querySelector('path')?.getAttribute('d')).toBeTruthy();
        }
        if (icon) {
          expect(icon.getAttribute('aria-hidden')).toBe('true');
        }
      }
      expect(root.querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe(
        'Overview',
      );
    });
  });
});
