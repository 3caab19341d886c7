import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { User } from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { StaffApi } from '../core/api/staff-api';
import { ROLE_LABELS } from '../core/auth/roles';
import { AdminList, adminListPage } from './admin-list';
import { UserDialog, type UserDialogData } from './user-dialog';

/** Sign-in accounts: email, role, linked staff member, active (deactivated, never deleted). */
@Component({
  selector: 'him-users-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<him-admin-list [page]="page" />`,
})
export class UsersPage {
  private readonly adminApi = inject(AdminApi);
  private readonly staffApi = inject(StaffApi);
  private readonly staff = createLoader(() => this.staffApi.listStaff(), 'the staff members');

  protected readonly page = adminListPage<User, UserDialogData>({
    noun: 'account',
    heading: 'Users',
    caption: 'Sign-in accounts',
    emptyText: 'No accounts yet.',
    records: { list: () => this.adminApi.listUsers() },
    needs: [this.staff],
    columns: () => {
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
    },
    rowName: (user) => user.email,
    dialog: {
      component: UserDialog,
      width: '520px',
      data: (user) => ({ staff: this.staff.value() ?? [], user }),
    },
  });
}
