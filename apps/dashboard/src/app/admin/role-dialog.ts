import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type { CreateRoleRequest, CredentialType, Role, Skill } from '@him/contracts';
import type { FormField } from '../core/api/form-errors';
import { ADMIN_DIALOG_IMPORTS, AdminRecordDialog } from './admin-dialog';
import {
  RequirementEditor,
  type RequirementForm,
  requirementFields,
  requirementForm,
  requirementOf,
} from './requirement-editor';

export interface RoleDialogData {
  skills: Skill[];
  credentialTypes: CredentialType[];
  /** absent: add a role */
  role?: Role;
}

/** Adds or edits a job role and what it requires. */
@Component({
  selector: 'him-role-dialog',
  imports: [ADMIN_DIALOG_IMPORTS, RequirementEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="saveRole()" novalidate>
      <him-admin-dialog
        [heading]="role ? 'Edit role ' + role.name : 'Add a role'"
        [submitLabel]="role ? 'Save changes' : 'Add role'"
      >
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" />
          @if (err(form.controls.name, { required: 'Enter the name of the role.' }); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Description (optional)</mat-label>
          <textarea matInput formControlName="description" rows="2" maxlength="2000"></textarea>
          @if (err(form.controls.description); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <him-requirement-editor
          [rows]="requirements"
          [skills]="data.skills"
          [credentialTypes]="data.credentialTypes"
        />
      </him-admin-dialog>
    </form>
  `,
  styleUrl: './admin-dialog.scss',
})
export class RoleDialog extends AdminRecordDialog<RoleDialogData> {
  protected readonly role = this.data.role;
  protected readonly requirements = new FormArray<RequirementForm>(
    (this.role?.requirements ?? []).map((requirement) => requirementForm(requirement)),
  );
  protected readonly form = new FormGroup({
    name: new FormControl(this.role?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    description: new FormControl(this.role?.description ?? '', { nonNullable: true }),
    requirements: this.requirements,
  });

  protected saveRole(): void {
    const value = this.form.getRawValue();
    const body: CreateRoleRequest = {
      name: value.name.trim(),
      description: value.description.trim() || null,
      requirements: this.requirements.controls.map(requirementOf),
    };
    this.frame().saveRecord(
      this.adminApi.roles,
      this.role,
      body,
      fieldsFor(this.requirements.length),
      'role',
    );
  }
}

function fieldsFor(rows: number): Record<string, FormField> {
  let fields: Record<string, FormField> = {
    name: { label: 'Name' },
    description: { label: 'Description' },
  };
  for (let i = 0; i < rows; i++) {
    fields = { ...fields, ...requirementFields(`requirements.${i}`) };
  }
  return fields;
}
