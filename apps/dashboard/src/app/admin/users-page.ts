import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import type { User } from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { StaffApi } from '../core/api/staff-api';
import { ROLE_LABELS } from '../core/auth/roles';
import { LoadStatus } from '../shared/load-status/load-status';
import { type AdminDialogResult, injectNotify } from './admin-support';
import { UserDialog, type UserDialogData } from './user-dialog';

/** Sign-in accounts: email, role, linked staff member, active. */
@Component({
  selector: 'him-users-page',
  imports: [MatButtonModule, MatTableModule, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Users</h2>
    <div class="page-actions">
      <button mat-flat-button type="button" [disabled]="!staff.value()" (click)="openUser()">
        Add account
      </button>
    </div>
    <him-load-status
      what="the accounts"
      errorTitle="The accounts could not be loaded"
      [loading]="users.loading() || staff.loading()"
      [error]="users.error() ?? staff.error()"
      (retry)="reload()"
    />
    @if (users.value(); as loaded) {
      @if (loaded.length === 0) {
        <p class="empty-panel">No accounts yet.</p>
      } @else {
        <div class="table-scroll" role="region" aria-label="Accounts" tabindex="0">
          <table mat-table [dataSource]="loaded">
            <caption class="cdk-visually-hidden">
              Sign-in accounts
            </caption>
            <ng-container matColumnDef="email">
              <th mat-header-cell *matHeaderCellDef scope="col">Email</th>
              <th
                *matCellDef="let user"
                scope="row"
                class="row-header mat-mdc-cell mdc-data-table__cell"
              >
                {{ user.email }}
              </th>
            </ng-container>
            <ng-container matColumnDef="role">
              <th mat-header-cell *matHeaderCellDef scope="col">Role</th>
              <td mat-cell *matCellDef="let user">{{ roleLabel(user) }}</td>
            </ng-container>
            <ng-container matColumnDef="staff">
              <th mat-header-cell *matHeaderCellDef scope="col">Staff member</th>
              <td mat-cell *matCellDef="let user">{{ staffName(user) }}</td>
            </ng-container>
            <ng-container matColumnDef="active">
              <th mat-header-cell *matHeaderCellDef scope="col">Active</th>
              <td mat-cell *matCellDef="let user">{{ user.active ? 'Active' : 'Deactivated' }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">Actions</th>
              <td mat-cell *matCellDef="let user">
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="!staff.value()"
                  [attr.aria-label]="'Edit ' + user.email"
                  (click)="openUser(user)"
                >
                  Edit
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let user; columns: columns"></tr>
          </table>
        </div>
      }
    }
  `,
  styleUrls: ['../shared/page.scss', './admin.scss'],
})
export class UsersPage {
  private readonly adminApi = inject(AdminApi);
  private readonly staffApi = inject(StaffApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = injectNotify();

  protected readonly users = createLoader(() => this.adminApi.listUsers(), 'the accounts');
  protected readonly staff = createLoader(() => this.staffApi.listStaff(), 'the staff members');
  protected readonly columns = ['email', 'role', 'staff', 'active', 'actions'];
  protected readonly roleLabels = ROLE_LABELS;
  private readonly staffNames = computed(
    () => new Map((this.staff.value() ?? []).map((member) => [member.id, member.name])),
  );

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.users.load();
    this.staff.load();
  }

  protected roleLabel(user: User): string {
    return this.roleLabels[user.role] ?? user.role;
  }

  protected staffName(user: User): string {
    return user.staffId ? (this.staffNames().get(user.staffId) ?? 'Unknown member') : 'Not linked';
  }

  protected openUser(user?: User): void {
    this.dialog
      .open<UserDialog, UserDialogData, AdminDialogResult<User>>(UserDialog, {
        data: { staff: this.staff.value() ?? [], user },
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (result && 'saved' in result) {
          this.notify(`Account ${result.saved.email} ${user ? 'saved' : 'added'}.`);
        }
        if (result) {
          this.users.load();
        }
      });
  }
}
