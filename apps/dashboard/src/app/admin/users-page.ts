import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { User } from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { StaffApi } from '../core/api/staff-api';
import { ROLE_LABELS } from '../core/auth/roles';
import { type AdminColumn, AdminList, injectAdminActions } from './admin-list';
import { UserDialog, type UserDialogData } from './user-dialog';

/** Sign-in accounts: email, role, linked staff member, active. */
@Component({
  selector: 'him-users-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-admin-list
      heading="Users"
      what="the accounts"
      addLabel="Add account"
      label="Accounts"
      caption="Sign-in accounts"
      emptyText="No accounts yet."
      [ready]="!!staff.value()"
      [loading]="users.loading() || staff.loading()"
      [error]="users.error() ?? staff.error()"
      [items]="users.value()"
      [columns]="columns()"
      [rowName]="email"
      [deletable]="false"
      (retry)="reload()"
      (add)="openUser()"
      (edit)="openUser($event)"
    />
  `,
})
export class UsersPage {
  private readonly adminApi = inject(AdminApi);
  private readonly staffApi = inject(StaffApi);
  private readonly actions = injectAdminActions();

  protected readonly users = createLoader(() => this.adminApi.listUsers(), 'the accounts');
  protected readonly staff = createLoader(() => this.staffApi.listStaff(), 'the staff members');
  protected readonly columns = computed((): AdminColumn<User>[] => {
    const staffNames = new Map(
      (this.staff.value() ?? []).map((member) => [member.id, member.name]),
    );
    return [
      { key: 'email', header: 'Email', text: (user) => user.email },
      { key: 'role', header: 'Role', text: (user) => ROLE_LABELS[user.role] ?? user.role },
      {
        key: 'staff',
        header: 'Staff member',
        text: (user) =>
          user.staffId ? (staffNames.get(user.staffId) ?? 'Unknown member') : 'Not linked',
      },
      {
        key: 'active',
        header: 'Active',
        text: (user) => (user.active ? 'Active' : 'Deactivated'),
      },
    ];
  });
  protected readonly email = (user: User) => user.email;

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.users.load();
    this.staff.load();
  }

  protected openUser(user?: User): void {
    this.actions.openDialog<UserDialogData, User>(
      UserDialog,
      { staff: this.staff.value() ?? [], user },
      '520px',
      (saved) => `Account ${saved.email} ${user ? 'saved' : 'added'}.`,
      () => this.users.load(),
    );
  }
}
