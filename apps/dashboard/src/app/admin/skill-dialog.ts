import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import {
  type CreateSkillRequest,
  SKILL_CATEGORIES,
  type Skill,
  type SkillCategory,
} from '@him/contracts';
import { humanizeSlug } from '@him/domain';
import type { FormField } from '../core/api/form-errors';
import { ADMIN_DIALOG_IMPORTS, AdminRecordDialog } from './admin-dialog';

export interface SkillDialogData {
  /** absent: add a skill */
  skill?: Skill;
}

const FIELDS: Record<string, FormField> = {
  name: { label: 'Name' },
  category: { label: 'Category' },
  description: { label: 'Description' },
  reassessMonths: { label: 'Reassess every (months)' },
};

/** Adds a skill or edits one (only the changed fields, with the version read). */
@Component({
  selector: 'him-skill-dialog',
  imports: [ADMIN_DIALOG_IMPORTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="saveSkill()" novalidate>
      <him-admin-dialog
        [heading]="skill ? 'Edit skill ' + skill.name : 'Add a skill'"
        [submitLabel]="skill ? 'Save changes' : 'Add skill'"
      >
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" />
          @if (err(form.controls.name, { required: 'Enter the name of the skill.' }); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Category</mat-label>
          <mat-select formControlName="category" required>
            @for (category of categories; track category) {
              <mat-option [value]="category">{{ label(category) }}</mat-option>
            }
          </mat-select>
          @if (err(form.controls.category, { required: 'Choose a category.' }); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Description (optional)</mat-label>
          <textarea matInput formControlName="description" rows="3" maxlength="2000"></textarea>
          @if (err(form.controls.description); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Reassess every (months, optional)</mat-label>
          <input
            matInput
            type="number"
            formControlName="reassessMonths"
            min="1"
            max="600"
            step="1"
            aria-describedby="reassess-hint"
          />
          <mat-hint id="reassess-hint"
            >An assessment stops counting this many months after it; empty: the department's setting
            applies.</mat-hint
          >
          @if (
            err(form.controls.reassessMonths, {
              min: 'Enter at least 1 month.',
              max: 'Enter at most 600 months.',
              pattern: 'Enter a whole number of months.',
            });
            as message
          ) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </him-admin-dialog>
    </form>
  `,
  styleUrl: './admin-dialog.scss',
})
export class SkillDialog extends AdminRecordDialog<SkillDialogData> {
  protected readonly skill = this.data.skill;
  protected readonly categories = SKILL_CATEGORIES;
  protected readonly label = humanizeSlug;
  protected readonly form = new FormGroup({
    name: new FormControl(this.skill?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    category: new FormControl<SkillCategory | ''>(this.skill?.category ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    description: new FormControl(this.skill?.description ?? '', { nonNullable: true }),
    reassessMonths: new FormControl<number | null>(this.skill?.reassessMonths ?? null, {
      validators: [Validators.min(1), Validators.max(600), Validators.pattern(/^\d+$/)],
    }),
  });

  protected saveSkill(): void {
    const value = this.form.getRawValue();
    const body: CreateSkillRequest = {
      name: value.name.trim(),
      category: value.category as SkillCategory,
      description: value.description.trim() || null,
      // a new skill without a period takes the department's (the API's default)
      ...(this.skill || value.reassessMonths !== null
        ? { reassessMonths: value.reassessMonths === null ? null : Number(value.reassessMonths) }
        : {}),
    };
    this.frame().saveRecord(this.adminApi.skills, this.skill, body, FIELDS, 'skill');
  }
}
