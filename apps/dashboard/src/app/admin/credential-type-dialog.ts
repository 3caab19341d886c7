import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import {
  type CreateCredentialTypeRequest,
  type CredentialType,
  PROFICIENCY_LABELS,
  type Skill,
} from '@him/contracts';
import { levelInWords } from '@him/domain';
import type { FormField } from '../core/api/form-errors';
import { sameMembers } from '../core/forms/changed-fields';
import { ADMIN_DIALOG_IMPORTS, AdminRecordDialog } from './admin-dialog';

export interface CredentialTypeDialogData {
  skills: Skill[];
  /** the department's credential types, to choose the ones this one supersedes */
  types?: CredentialType[];
  /** absent: add a credential type */
  credentialType?: CredentialType;
}

type SkillLevelForm = FormGroup<{ skillId: FormControl<string>; level: FormControl<number> }>;

function skillLevelForm(skillId = '', level = 3): SkillLevelForm {
  return new FormGroup({
    skillId: new FormControl(skillId, { nonNullable: true, validators: [Validators.required] }),
    level: new FormControl(level, { nonNullable: true, validators: [Validators.required] }),
  });
}

/** Adds or edits a credential type and the skills it evidences (at which level). */
@Component({
  selector: 'him-credential-type-dialog',
  imports: [ADMIN_DIALOG_IMPORTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="saveType()" novalidate>
      <him-admin-dialog
        [heading]="type ? 'Edit credential type ' + type.code : 'Add a credential type'"
        [submitLabel]="type ? 'Save changes' : 'Add credential type'"
      >
        <mat-form-field>
          <mat-label>Code</mat-label>
          <input matInput formControlName="code" required maxlength="50" />
          <mat-hint>As people write it: CCS, RHIT.</mat-hint>
          @if (err(form.controls.code); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" />
          @if (err(form.controls.name); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Issuing body</mat-label>
          <input matInput formControlName="issuingBody" required maxlength="100" />
          <mat-hint>Credentials of one body share a CE cycle (its CE rule).</mat-hint>
          @if (err(form.controls.issuingBody); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Base CEUs per cycle</mat-label>
          <input matInput type="number" formControlName="baseCeus" required min="0" step="0.5" />
          @if (err(form.controls.baseCeus); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <fieldset formArrayName="evidencesSkills">
          <legend>Skills it evidences</legend>
          @for (row of evidences.controls; track row; let i = $index) {
            <div
              class="repeat-row"
              [formGroupName]="i"
              role="group"
              [attr.aria-label]="'Evidenced skill ' + (i + 1)"
            >
              <mat-form-field>
                <mat-label>Skill</mat-label>
                <mat-select formControlName="skillId" required>
                  @for (skill of sortedSkills(); track skill.id) {
                    <mat-option [value]="skill.id">{{ skill.name }}</mat-option>
                  }
                </mat-select>
                @if (err(row.controls.skillId, { required: 'Choose a skill.' }); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field>
                <mat-label>Level</mat-label>
                <mat-select formControlName="level" required>
                  @for (level of levels; track level) {
                    <mat-option [value]="level">{{ levelName(level) }}</mat-option>
                  }
                </mat-select>
                @if (err(row.controls.level); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <button
                mat-button
                type="button"
                (click)="removeSkill(i)"
                [attr.aria-label]="'Remove evidenced skill ' + (i + 1)"
              >
                Remove
              </button>
            </div>
          } @empty {
            <p class="field-hint">It evidences no skill.</p>
          }
          <button mat-stroked-button type="button" (click)="addSkill()">Add a skill</button>
        </fieldset>

        <mat-form-field>
          <mat-label>Supersedes (optional)</mat-label>
          <mat-select formControlName="supersedes" multiple>
            @for (other of otherTypes(); track other.id) {
              <mat-option [value]="other.id">{{ other.code }} ({{ other.name }})</mat-option>
            }
          </mat-select>
          <mat-hint
            >A holder of both maintains this one only: held on one cycle with it, a superseded
            credential adds no CE hours (RHIA supersedes RHIT).</mat-hint
          >
          @if (err(form.controls.supersedes); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </him-admin-dialog>
    </form>
  `,
  styleUrl: './admin-dialog.scss',
})
export class CredentialTypeDialog extends AdminRecordDialog<CredentialTypeDialogData> {
  protected readonly type = this.data.credentialType;
  protected readonly levelName = levelInWords;
  protected readonly levels = PROFICIENCY_LABELS.map((_label, level) => level);
  protected readonly sortedSkills = computed(() =>
    [...this.data.skills].sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly evidences = new FormArray<SkillLevelForm>(
    (this.type?.evidencesSkills ?? []).map((entry) => skillLevelForm(entry.skillId, entry.level)),
  );
  protected readonly form = new FormGroup({
    code: new FormControl(this.type?.code ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    name: new FormControl(this.type?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    issuingBody: new FormControl(this.type?.issuingBody ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    baseCeus: new FormControl<number | null>(this.type?.baseCeus ?? null, {
      validators: [Validators.required, Validators.min(0)],
    }),
    evidencesSkills: this.evidences,
    supersedes: new FormControl<string[]>([...(this.type?.supersedes ?? [])], {
      nonNullable: true,
    }),
  });
  protected readonly otherTypes = computed(() =>
    (this.data.types ?? [])
      .filter((other) => other.id !== this.type?.id)
      .sort((a, b) => a.code.localeCompare(b.code, 'en')),
  );

  protected addSkill(): void {
    this.evidences.push(skillLevelForm());
  }

  protected removeSkill(index: number): void {
    this.evidences.removeAt(index);
  }

  protected saveType(): void {
    const value = this.form.getRawValue();
    const body: CreateCredentialTypeRequest = {
      code: value.code.trim(),
      name: value.name.trim(),
      issuingBody: value.issuingBody.trim(),
      baseCeus: Number(value.baseCeus),
      evidencesSkills: value.evidencesSkills.map((row) => ({
        skillId: row.skillId,
        level: row.level,
      })),
      ...(this.type || value.supersedes.length > 0
        ? { supersedes: [...value.supersedes].sort() }
        : {}),
    };
    this.frame().saveRecord(
      this.adminApi.credentialTypes,
      this.type,
      body,
      fieldsFor(this.evidences.length),
      'credential type',
      {
        same: {
          supersedes: (value, recorded) =>
            sameMembers(value ?? [], Array.isArray(recorded) ? recorded : []),
        },
      },
    );
  }
}

function fieldsFor(rows: number): Record<string, FormField> {
  const fields: Record<string, FormField> = {
    code: { label: 'Code' },
    name: { label: 'Name' },
    issuingBody: { label: 'Issuing body' },
    baseCeus: { label: 'Base CEUs' },
    supersedes: { label: 'Supersedes' },
  };
  for (let i = 0; i < rows; i++) {
    fields[`evidencesSkills.${i}.skillId`] = { label: 'Skill' };
    fields[`evidencesSkills.${i}.level`] = { label: 'Level' };
  }
  return fields;
}
