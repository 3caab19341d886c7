import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type {
  CoverageTarget,
  CreateTeamRequest,
  CredentialType,
  Skill,
  Staff,
  Team,
} from '@him/contracts';
import type { FormField } from '../core/api/form-errors';
import { sameMembers } from '../core/forms/changed-fields';
import { ADMIN_DIALOG_IMPORTS, AdminRecordDialog } from './admin-dialog';
import {
  type RequirementForm,
  RequirementFields,
  requirementFields,
  requirementForm,
  requirementOf,
} from './requirement-editor';

export interface TeamDialogData {
  skills: Skill[];
  credentialTypes: CredentialType[];
  staff: Staff[];
  /** absent: add a team */
  team?: Team;
}

type TargetForm = FormGroup<{
  requirement: RequirementForm;
  minHolders: FormControl<number | null>;
}>;

function targetForm(target?: CoverageTarget): TargetForm {
  return new FormGroup({
    requirement: requirementForm(target?.requirement),
    minHolders: new FormControl<number | null>(target?.minHolders ?? 2, {
      validators: [Validators.required, Validators.min(1)],
    }),
  });
}

/** Adds or edits a team: its managers and coverage targets. */
@Component({
  selector: 'him-team-dialog',
  imports: [ADMIN_DIALOG_IMPORTS, RequirementFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="saveTeam()" novalidate>
      <him-admin-dialog
        [heading]="team ? 'Edit team ' + team.name : 'Add a team'"
        [submitLabel]="team ? 'Save changes' : 'Add team'"
      >
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" />
          @if (err(form.controls.name, { required: 'Enter the name of the team.' }); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Managers</mat-label>
          <mat-select formControlName="managerStaffIds" multiple>
            @for (member of sortedStaff(); track member.id) {
              <mat-option [value]="member.id">{{ member.name }}</mat-option>
            }
          </mat-select>
          <mat-hint>Managers review the team's CE activities.</mat-hint>
          @if (err(form.controls.managerStaffIds); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <fieldset formArrayName="coverageTargets">
          <legend>Coverage targets</legend>
          @for (row of targets.controls; track row; let i = $index) {
            <div
              class="repeat-row"
              [formGroupName]="i"
              role="group"
              [attr.aria-label]="'Coverage target ' + (i + 1)"
            >
              <him-requirement-fields
                [group]="row.controls.requirement"
                [skills]="data.skills"
                [credentialTypes]="data.credentialTypes"
              />
              <mat-form-field>
                <mat-label>At least (holders)</mat-label>
                <input matInput type="number" formControlName="minHolders" required min="1" />
                @if (err(row.controls.minHolders); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <button
                mat-button
                type="button"
                (click)="removeTarget(i)"
                [attr.aria-label]="'Remove coverage target ' + (i + 1)"
              >
                Remove
              </button>
            </div>
          } @empty {
            <p class="field-hint">No coverage targets.</p>
          }
          <button mat-stroked-button type="button" (click)="addTarget()">
            Add a coverage target
          </button>
        </fieldset>
      </him-admin-dialog>
    </form>
  `,
  styleUrl: './admin-dialog.scss',
})
export class TeamDialog extends AdminRecordDialog<TeamDialogData> {
  protected readonly team = this.data.team;
  protected readonly sortedStaff = computed(() =>
    [...this.data.staff].sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly targets = new FormArray<TargetForm>(
    (this.team?.coverageTargets ?? []).map((target) => targetForm(target)),
  );
  protected readonly form = new FormGroup({
    name: new FormControl(this.team?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    managerStaffIds: new FormControl<string[]>([...(this.team?.managerStaffIds ?? [])], {
      nonNullable: true,
    }),
    coverageTargets: this.targets,
  });

  protected addTarget(): void {
    this.targets.push(targetForm());
  }

  protected removeTarget(index: number): void {
    this.targets.removeAt(index);
  }

  protected saveTeam(): void {
    const value = this.form.getRawValue();
    const body: CreateTeamRequest = {
      name: value.name.trim(),
      managerStaffIds: value.managerStaffIds,
      coverageTargets: this.targets.controls.map((row) => ({
        requirement: requirementOf(row.controls.requirement),
        minHolders: Number(row.controls.minHolders.value),
      })),
    };
    this.frame().saveRecord(
      this.adminApi.teams,
      this.team,
      body,
      fieldsFor(this.targets.length),
      'team',
      {
        same: { managerStaffIds: sameMembers },
      },
    );
  }
}

function fieldsFor(rows: number): Record<string, FormField> {
  let fields: Record<string, FormField> = {
    name: { label: 'Name' },
    managerStaffIds: { label: 'Managers' },
  };
  for (let i = 0; i < rows; i++) {
    fields = {
      ...fields,
      ...requirementFields(`coverageTargets.${i}.requirement`),
      [`coverageTargets.${i}.minHolders`]: { label: 'At least' },
    };
  }
  return fields;
}
