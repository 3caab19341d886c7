import { inject } from '@angular/core';
import { Route } from '@angular/router';
import { authGuard, roleGuard, signedOutGuard } from './core/auth/auth.guards';
import { AuthService } from './core/auth/auth.service';
import { DEPARTMENT_READERS, homePathFor } from './core/auth/roles';
import { Shell } from './shell/shell';
import type { NavEntry } from './shell/nav-entry';

/**
 * Pages of the signed-in app. `data.roles` limits a page to those roles (roleGuard) and
 * `data.nav` lists it in the side navigation for exactly those roles.
 */
export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'Sign in',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    canActivateChild: [authGuard, roleGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        redirectTo: () => homePathFor(inject(AuthService).user()?.role),
      },
      {
        path: 'overview',
        title: 'Overview',
        data: { roles: DEPARTMENT_READERS, nav: { label: 'Overview' } satisfies NavEntry },
        loadComponent: () => import('./overview/overview-page').then((m) => m.OverviewPage),
      },
      {
        path: 'my-progress',
        title: 'My progress',
        data: { roles: ['staff'], nav: { label: 'My progress' } satisfies NavEntry },
        loadComponent: () => import('./my-progress/my-progress-page').then((m) => m.MyProgressPage),
      },
      {
        path: 'forbidden',
        title: 'No access',
        loadComponent: () => import('./forbidden/forbidden-page').then((m) => m.ForbiddenPage),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
