import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import {
  type CreateStaffRequest,
  type Role,
  type Staff,
  STAFF_STATUSES,
  type StaffStatus,
  type Team,
} from '@him/contracts';
import { humanizeSlug } from '@him/domain';
import type { FormField } from '../core/api/form-errors';
import { calendarDate } from '../shared/form-validators';
import { ADMIN_DIALOG_IMPORTS, AdminRecordDialog } from './admin-dialog';

export interface StaffDialogData {
  teams: Team[];
  roles: Role[];
  /** absent: add a member */
  member?: Staff;
}

const FIELDS: Record<string, FormField> = {
  name: { label: 'Name' },
  email: { label: 'Email' },
  employeeId: { label: 'Employee id' },
  teamId: { label: 'Team' },
  roleId: { label: 'Role' },
  status: { label: 'Status' },
  hireDate: { label: 'Hire date' },
};

/** Adds a staff member or edits one (only the changed fields, with the version read). */
@Component({
  selector: 'him-staff-dialog',
  imports: [ADMIN_DIALOG_IMPORTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="saveMember()" novalidate>
      <him-admin-dialog
        [heading]="member ? 'Edit ' + member.name : 'Add a staff member'"
        [submitLabel]="member ? 'Save changes' : 'Add member'"
      >
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" autocomplete="off" />
          @if (err(form.controls.name); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Email</mat-label>
          <input matInput type="email" formControlName="email" required autocomplete="off" />
          @if (err(form.controls.email, { email: 'Enter an email address.' }); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Employee id (optional)</mat-label>
          <input matInput formControlName="employeeId" maxlength="100" autocomplete="off" />
          @if (err(form.controls.employeeId); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Team</mat-label>
          <mat-select formControlName="teamId" required>
            @for (team of data.teams; track team.id) {
              <mat-option [value]="team.id">{{ team.name }}</mat-option>
            }
          </mat-select>
          @if (err(form.controls.teamId, { required: 'Choose a team.' }); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Role</mat-label>
          <mat-select formControlName="roleId" required>
            @for (role of data.roles; track role.id) {
              <mat-option [value]="role.id">{{ role.name }}</mat-option>
            }
          </mat-select>
          @if (err(form.controls.roleId, { required: 'Choose a role.' }); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Status</mat-label>
          <mat-select formControlName="status" required>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ label(status) }}</mat-option>
            }
          </mat-select>
          @if (err(form.controls.status); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Hire date</mat-label>
          <input matInput type="date" formControlName="hireDate" required />
          @if (err(form.controls.hireDate, { calendarDate: 'Enter a real date.' }); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </him-admin-dialog>
    </form>
  `,
  styleUrl: './admin-dialog.scss',
})
export class StaffDialog extends AdminRecordDialog<StaffDialogData> {
  protected readonly member = this.data.member;
  protected readonly statuses = STAFF_STATUSES;
  protected readonly label = humanizeSlug;
  protected readonly form = new FormGroup({
    name: new FormControl(this.member?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    email: new FormControl(this.member?.email ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    employeeId: new FormControl(this.member?.employeeId ?? '', { nonNullable: true }),
    teamId: new FormControl(this.member?.teamId ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    roleId: new FormControl(this.member?.roleId ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    status: new FormControl<StaffStatus>(this.member?.status ?? 'active', { nonNullable: true }),
    hireDate: new FormControl(this.member?.hireDate ?? '', {
      nonNullable: true,
      validators: [Validators.required, calendarDate],
    }),
  });

  protected saveMember(): void {
    const value = this.form.getRawValue();
    const body: CreateStaffRequest = {
      name: value.name.trim(),
      email: value.email.trim(),
      employeeId: value.employeeId.trim() || null,
      teamId: value.teamId,
      roleId: value.roleId,
      status: value.status,
      hireDate: value.hireDate,
    };
    this.frame().saveRecord(this.adminApi.staff, this.member, body, FIELDS, 'member');
  }
}
