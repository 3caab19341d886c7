import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { SKILL_CATEGORIES, type Skill, type SkillCategory } from '@him/contracts';
import { AdminApi, type Change, type NewSkill } from '../core/api/admin-api';
import type { FormField } from '../core/api/form-errors';
import { type AdminDialogResult, fieldError, SaveState } from './admin-support';
import { FormAlert } from './form-alert';
import { humanizeSlug } from '@him/domain';

export interface SkillDialogData {
  /** absent: add a skill */
  skill?: Skill;
}

const FIELDS: Record<string, FormField> = {
  name: { label: 'Name' },
  category: { label: 'Category' },
  description: { label: 'Description' },
};

/** Adds a skill or edits one (only the changed fields, with the version read). */
@Component({
  selector: 'him-skill-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FormAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ skill ? 'Edit skill ' + skill.name : 'Add a skill' }}</h2>
    <form [formGroup]="form" (ngSubmit)="saveSkill()" novalidate>
      <mat-dialog-content class="stacked-form">
        <him-form-alert
          [messages]="state.generalErrors()"
          [staleVersion]="state.staleVersion()"
          (reload)="reload()"
        />
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
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="state.saving()">
          {{ state.saving() ? 'Saving…' : skill ? 'Save changes' : 'Add skill' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './admin-dialog.scss',
})
export class SkillDialog {
  private readonly data = inject<SkillDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<SkillDialog, AdminDialogResult<Skill>>>(MatDialogRef);
  private readonly adminApi = inject(AdminApi);

  protected readonly skill = this.data.skill;
  protected readonly categories = SKILL_CATEGORIES;
  protected readonly label = humanizeSlug;
  protected readonly err = fieldError;
  protected readonly state = new SaveState();
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
  });

  protected saveSkill(): void {
    const value = this.form.getRawValue();
    const body: NewSkill = {
      name: value.name.trim(),
      category: value.category as SkillCategory,
      description: value.description.trim() || null,
    };
    const skill = this.skill;
    this.state.save(
      this.form,
      () => {
        if (!skill) {
          return this.adminApi.skills.create(body);
        }
        const change: Change<NewSkill> = { version: skill.version };
        if (body.name !== skill.name) change.name = body.name;
        if (body.category !== skill.category) change.category = body.category;
        if (body.description !== skill.description) change.description = body.description;
        return this.adminApi.skills.update(skill.id, change);
      },
      FIELDS,
      skill ? 'save the skill' : 'add the skill',
      (saved) => this.dialogRef.close({ saved }),
    );
  }

  protected reload(): void {
    this.dialogRef.close({ reload: true });
  }
}
