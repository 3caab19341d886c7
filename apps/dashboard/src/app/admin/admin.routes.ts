import type { Route } from '@angular/router';
import { AdminPage } from './admin-page';

/** The admin area's sections (app.routes.ts limits `admin` to admins); each is its own chunk. */
export const adminRoutes: Route[] = [
  {
    path: '',
    component: AdminPage,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'department' },
      {
        path: 'department',
        title: 'Department settings · Admin',
        loadComponent: () => import('./department-settings').then((m) => m.DepartmentSettingsPage),
      },
      {
        path: 'skills',
        title: 'Skills · Admin',
        loadComponent: () => import('./skills-page').then((m) => m.SkillsPage),
      },
      {
        path: 'credential-types',
        title: 'Credential types · Admin',
        loadComponent: () => import('./credential-types-page').then((m) => m.CredentialTypesPage),
      },
      {
        path: 'ce-rules',
        title: 'CE rules · Admin',
        loadComponent: () => import('./ce-rules-page').then((m) => m.CeRulesPage),
      },
      {
        path: 'roles',
        title: 'Roles · Admin',
        loadComponent: () => import('./roles-page').then((m) => m.RolesPage),
      },
      {
        path: 'teams',
        title: 'Teams · Admin',
        loadComponent: () => import('./teams-page').then((m) => m.TeamsPage),
      },
      {
        path: 'reminders',
        title: 'Reminders · Admin',
        loadComponent: () => import('./reminders-page').then((m) => m.RemindersPage),
      },
      {
        path: 'users',
        title: 'Users · Admin',
        loadComponent: () => import('./users-page').then((m) => m.UsersPage),
      },
    ],
  },
];
