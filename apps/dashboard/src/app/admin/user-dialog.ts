import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { type Staff, type User, USER_ROLES, type UserRole } from '@him/contracts';
import type { FormField } from '../core/api/form-errors';
import { changedFields } from '../core/forms/changed-fields';
import { ROLE_LABELS } from '../core/auth/roles';
import { ADMIN_DIALOG_IMPORTS, AdminRecordDialog } from './admin-dialog';

export interface UserDialogData {
  staff: Staff[];
  /** absent: add an account */
  user?: User;
}

export const MIN_PASSWORD_LENGTH = 12;

const FIELDS: Record<string, FormField> = {
  email: { label: 'Email' },
  role: { label: 'Role' },
  staffId: { label: 'Staff member' },
  active: { label: 'Active' },
  password: { label: 'Password' },
};

/** Adds a sign-in account, or changes one's role, staff link, active flag or password. */
@Component({
  selector: 'him-user-dialog',
  imports: [ADMIN_DIALOG_IMPORTS, MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="saveUser()" novalidate>
      <him-admin-dialog
        [heading]="user ? 'Edit account ' + user.email : 'Add an account'"
        [submitLabel]="user ? 'Save changes' : 'Add account'"
      >
        @if (!user) {
          <mat-form-field>
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" required autocomplete="off" />
            @if (
              err(form.controls.email, {
                required: 'Enter the email address.',
                email: 'Enter an email address.',
              });
              as message
            ) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>Role</mat-label>
          <mat-select formControlName="role" required>
            @for (role of roles; track role) {
              <mat-option [value]="role">{{ roleLabels[role] }}</mat-option>
            }
          </mat-select>
          @if (err(form.controls.role); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Staff member</mat-label>
          <mat-select formControlName="staffId">
            <mat-option value="">Not linked</mat-option>
            @for (member of sortedStaff(); track member.id) {
              <mat-option [value]="member.id">{{ member.name }} ({{ member.email }})</mat-option>
            }
          </mat-select>
          <mat-hint>A staff account must be linked to its own staff record.</mat-hint>
          @if (err(form.controls.staffId); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        @if (user) {
          <mat-checkbox formControlName="active">Active (can sign in)</mat-checkbox>
          @if (err(form.controls.active); as message) {
            <p class="field-error" role="alert">{{ message }}</p>
          }
        }
        <mat-form-field>
          <mat-label>{{ user ? 'New password (optional)' : 'Password' }}</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="new-password"
            [required]="!user"
          />
          <mat-hint>{{ strengthHint() }}</mat-hint>
          @if (err(form.controls.password, passwordMessages); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </him-admin-dialog>
    </form>
  `,
  styleUrl: './admin-dialog.scss',
})
export class UserDialog extends AdminRecordDialog<UserDialogData> {
  protected readonly user = this.data.user;
  protected readonly roles = USER_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly passwordMessages = {
    required: 'Enter a password.',
    minlength: `At least ${MIN_PASSWORD_LENGTH} characters.`,
  };
  protected readonly sortedStaff = computed(() =>
    [...this.data.staff].sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: this.user ? [] : [Validators.required, Validators.email],
    }),
    role: new FormControl<UserRole>(this.user?.role ?? 'staff', { nonNullable: true }),
    staffId: new FormControl(this.user?.staffId ?? '', { nonNullable: true }),
    active: new FormControl(this.user?.active ?? true, { nonNullable: true }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [
        ...(this.user ? [] : [Validators.required]),
        Validators.minLength(MIN_PASSWORD_LENGTH),
      ],
    }),
  });

  protected strengthHint(): string {
    const length = this.form.controls.password.value.length;
    if (length === 0) {
      return this.user
        ? `Leave empty to keep the password; a new one needs at least ${MIN_PASSWORD_LENGTH} characters.`
        : `At least ${MIN_PASSWORD_LENGTH} characters; a passphrase of several words is strong.`;
    }
    if (length < MIN_PASSWORD_LENGTH) {
      return `${MIN_PASSWORD_LENGTH - length} more characters needed.`;
    }
    return length >= 16 ? 'Strong: long enough.' : 'Long enough; longer is stronger.';
  }

  protected saveUser(): void {
    const value = this.form.getRawValue();
    const staffId = value.staffId || null;
    const user = this.user;
    this.frame().save(
      () => {
        if (!user) {
          return this.adminApi.createUser({
            email: value.email.trim(),
            role: value.role,
            staffId,
            password: value.password,
          });
        }
        return this.adminApi.updateUser(user.id, {
          version: user.version,
          ...changedFields({ role: value.role, staffId, active: value.active }, user),
          ...(value.password ? { password: value.password } : {}),
        });
      },
      FIELDS,
      user ? 'save the account' : 'add the account',
    );
  }
}
