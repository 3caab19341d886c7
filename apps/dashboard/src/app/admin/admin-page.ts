import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** The admin area: one tab per part of the department's configuration, each lazy-loaded. */
@Component({
  selector: 'him-admin-page',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Admin</h1>
    <p class="page-intro">
      The department's settings, catalog (skills, credential types, CE rules, roles, teams) and
      sign-in accounts.
    </p>
    <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Admin sections">
      @for (tab of tabs; track tab.path) {
        <a
          mat-tab-link
          [routerLink]="tab.path"
          routerLinkActive
          #active="routerLinkActive"
          [active]="active.isActive"
          >{{ tab.label }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel class="admin-panel">
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .admin-panel {
      display: block;
      padding-top: 16px;
    }
  `,
})
export class AdminPage {
  protected readonly tabs = [
    { path: 'department', label: 'Department' },
    { path: 'skills', label: 'Skills' },
    { path: 'credential-types', label: 'Credential types' },
    { path: 'ce-rules', label: 'CE rules' },
    { path: 'roles', label: 'Roles' },
    { path: 'teams', label: 'Teams' },
    { path: 'reminders', label: 'Reminders' },
    { path: 'users', label: 'Users' },
  ];
}
