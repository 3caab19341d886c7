import { inject } from '@angular/core';
import { Route } from '@angular/router';
import { authGuard, roleGuard, signedOutGuard } from './core/auth/auth.guards';
import { AuthService } from './core/auth/auth.service';
import { ALL_ROLES, DEPARTMENT_READERS, homePathFor, STAFF_MANAGERS } from './core/auth/roles';
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
    path: 'forgot-password',
    title: 'Forgot password',
    canActivate: [signedOutGuard],
    loadComponent: () =>
      import('./password-reset/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    // Not behind signedOutGuard: a link from an e-mail opens in whatever tab is signed in.
    path: 'reset-password',
    title: 'Choose a new password',
    loadComponent: () =>
      import('./password-reset/reset-password-page').then((m) => m.ResetPasswordPage),
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
        data: {
          roles: DEPARTMENT_READERS,
          nav: { label: 'Overview', icon: 'overview' } satisfies NavEntry,
        },
        loadComponent: () => import('./overview/overview-page').then((m) => m.OverviewPage),
      },
      {
        // Anyone with their own staff record: staff, and managers or admins who hold credentials.
        path: 'my-progress',
        title: 'My progress',
        data: {
          roles: ALL_ROLES,
          needsStaffRecord: true,
          nav: { label: 'My progress', icon: 'progress' } satisfies NavEntry,
        },
        loadComponent: () => import('./my-progress/my-progress-page').then((m) => m.MyProgressPage),
      },
      {
        path: 'review',
        title: 'Review CE activities',
        data: {
          roles: STAFF_MANAGERS,
          nav: { label: 'Review queue', icon: 'review' } satisfies NavEntry,
        },
        loadComponent: () => import('./review/review-page').then((m) => m.ReviewPage),
      },
      {
        path: 'team-matrix',
        title: 'Team matrix',
        data: {
          roles: DEPARTMENT_READERS,
          nav: { label: 'Team matrix', icon: 'matrix' } satisfies NavEntry,
        },
        loadComponent: () => import('./team-matrix/team-matrix-page').then((m) => m.TeamMatrixPage),
      },
      {
        path: 'coverage',
        title: 'Coverage',
        data: {
          roles: DEPARTMENT_READERS,
          nav: { label: 'Coverage', icon: 'coverage' } satisfies NavEntry,
        },
        loadComponent: () => import('./coverage/coverage-page').then((m) => m.CoveragePage),
      },
      {
        path: 'deadlines',
        title: 'Deadlines',
        data: {
          roles: DEPARTMENT_READERS,
          nav: { label: 'Deadlines', icon: 'deadlines' } satisfies NavEntry,
        },
        loadComponent: () => import('./deadlines/deadlines-page').then((m) => m.DeadlinesPage),
      },
      {
        path: 'training-gaps',
        title: 'Training gaps',
        data: {
          roles: STAFF_MANAGERS,
          nav: { label: 'Training gaps', icon: 'gaps' } satisfies NavEntry,
        },
        loadComponent: () =>
          import('./training-gaps/training-gaps-page').then((m) => m.TrainingGapsPage),
      },
      {
        path: 'staff/:id',
        title: 'Staff profile',
        data: { roles: DEPARTMENT_READERS, notFoundWhenDenied: true },
        loadComponent: () =>
          import('./staff-profile/staff-profile-page').then((m) => m.StaffProfilePage),
      },
      {
        path: 'import',
        title: 'Import',
        data: {
          roles: STAFF_MANAGERS,
          nav: { label: 'Import', icon: 'import' } satisfies NavEntry,
        },
        loadComponent: () => import('./import/import-page').then((m) => m.ImportPage),
      },
      {
        path: 'reports',
        title: 'Reports',
        data: { roles: ALL_ROLES, nav: { label: 'Reports', icon: 'reports' } satisfies NavEntry },
        loadComponent: () => import('./reports/reports-page').then((m) => m.ReportsPage),
      },
      {
        path: 'staff',
        title: 'Staff',
        data: { roles: STAFF_MANAGERS, nav: { label: 'Staff', icon: 'staff' } satisfies NavEntry },
        loadComponent: () =>
          import('./admin/staff-directory-page').then((m) => m.StaffDirectoryPage),
      },
      {
        path: 'admin',
        title: 'Admin',
        data: { roles: ['admin'], nav: { label: 'Admin', icon: 'admin' } satisfies NavEntry },
        loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: 'notifications',
        title: 'Notifications',
        data: { roles: ALL_ROLES },
        loadComponent: () =>
          import('./notifications/notifications-page').then((m) => m.NotificationsPage),
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
