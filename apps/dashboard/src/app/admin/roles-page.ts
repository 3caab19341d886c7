import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import type { Requirement, Role } from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';
import { LoadStatus } from '../shared/load-status/load-status';
import {
  type AdminDialogResult,
  confirmThenDelete,
  injectConfirm,
  injectNotify,
} from './admin-support';
import { RoleDialog, type RoleDialogData } from './role-dialog';
import { requirementInWords } from '@him/domain';

/** Job roles and their requirements ("ICD-10-CM at Proficient", "CCS or CPC"). */
@Component({
  selector: 'him-roles-page',
  imports: [MatButtonModule, MatTableModule, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Roles</h2>
    <div class="page-actions">
      <button mat-flat-button type="button" [disabled]="!catalogReady()" (click)="openRole()">
        Add role
      </button>
    </div>
    @if (actionError(); as message) {
      <p class="action-error" role="alert">{{ message }}</p>
    }
    <him-load-status
      what="the roles"
      errorTitle="The roles could not be loaded"
      [loading]="roles.loading() || skills.loading() || types.loading()"
      [error]="roles.error() ?? skills.error() ?? types.error()"
      (retry)="reload()"
    />
    @if (roles.value(); as loaded) {
      @if (loaded.length === 0) {
        <p class="empty-panel">No roles yet. Add the first one.</p>
      } @else {
        <div class="table-scroll" role="region" aria-label="Roles" tabindex="0">
          <table mat-table [dataSource]="loaded">
            <caption class="cdk-visually-hidden">
              Job roles and their requirements
            </caption>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <th
                *matCellDef="let role"
                scope="row"
                class="row-header mat-mdc-cell mdc-data-table__cell"
              >
                <span class="cell-value">{{ role.name }}</span>
                @if (role.description) {
                  <span class="cell-detail">{{ role.description }}</span>
                }
              </th>
            </ng-container>
            <ng-container matColumnDef="requirements">
              <th mat-header-cell *matHeaderCellDef scope="col">Requirements</th>
              <td mat-cell *matCellDef="let role">
                <ul class="plain-list">
                  @for (requirement of role.requirements; track $index) {
                    <li>{{ words(requirement) }}</li>
                  } @empty {
                    <li>None</li>
                  }
                </ul>
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">Actions</th>
              <td mat-cell *matCellDef="let role">
                <div class="row-actions">
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="!catalogReady()"
                    [attr.aria-label]="'Edit ' + role.name"
                    (click)="openRole(role)"
                  >
                    Edit
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Delete ' + role.name"
                    (click)="deleteRole(role)"
                  >
                    Delete
                  </button>
                </div>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let role; columns: columns"></tr>
          </table>
        </div>
      }
    }
  `,
  styleUrls: ['../shared/page.scss', './admin.scss'],
})
export class RolesPage {
  private readonly adminApi = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = injectNotify();
  private readonly confirm = injectConfirm();

  protected readonly roles = createLoader(() => this.adminApi.roles.list(), 'the roles');
  protected readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  protected readonly types = createLoader(
    () => this.adminApi.credentialTypes.list(),
    'the credential types',
  );
  protected readonly actionError = signal<string | null>(null);
  protected readonly columns = ['name', 'requirements', 'actions'];
  protected readonly catalogReady = computed(() => !!this.skills.value() && !!this.types.value());
  private readonly catalog = computed(() =>
    requirementCatalogOf(this.skills.value() ?? [], this.types.value() ?? []),
  );

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.roles.load();
    this.skills.load();
    this.types.load();
  }

  protected words(requirement: Requirement): string {
    return requirementInWords(requirement, this.catalog(), { level: 'name' });
  }

  protected openRole(role?: Role): void {
    this.actionError.set(null);
    this.dialog
      .open<RoleDialog, RoleDialogData, AdminDialogResult<Role>>(RoleDialog, {
        data: {
          skills: this.skills.value() ?? [],
          credentialTypes: this.types.value() ?? [],
          role,
        },
        width: '760px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (result && 'saved' in result) {
          this.notify(`Role ${result.saved.name} ${role ? 'saved' : 'added'}.`);
        }
        if (result) {
          this.roles.load();
        }
      });
  }

  protected deleteRole(role: Role): void {
    this.actionError.set(null);
    confirmThenDelete(
      this.confirm,
      {
        title: `Delete role ${role.name}?`,
        message: 'A role that staff members hold cannot be deleted.',
        confirmLabel: 'Delete role',
      },
      () => this.adminApi.roles.remove(role.id),
      'delete the role',
      (failure) => {
        if (failure) {
          this.actionError.set(failure);
          return;
        }
        this.notify(`Role ${role.name} deleted.`);
        this.roles.load();
      },
    );
  }
}
