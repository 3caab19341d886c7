import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import {
  type CredentialType,
  PROFICIENCY_LABELS,
  type Requirement,
  type Skill,
} from '@him/contracts';
import { levelInWords } from '@him/domain';
import type { FormField } from '../core/api/form-errors';
import { fieldError } from './admin-support';

export type RequirementForm = FormGroup<{
  kind: FormControl<Requirement['kind']>;
  skillId: FormControl<string>;
  minLevel: FormControl<number>;
  anyOf: FormControl<string[]>;
  verifiedOnly: FormControl<boolean>;
}>;

/** Required only when the row's kind uses it. */
function requiredFor(kind: Requirement['kind']) {
  return (control: AbstractControl): ValidationErrors | null => {
    if (control.parent?.get('kind')?.value !== kind) {
      return null;
    }
    const value: unknown = control.value;
    return value === '' || value === null || (Array.isArray(value) && value.length === 0)
      ? { required: true }
      : null;
  };
}

/** The form of one requirement (a role's, or a team's coverage target's). */
export function requirementForm(requirement?: Requirement): RequirementForm {
  const group: RequirementForm = new FormGroup({
    kind: new FormControl<Requirement['kind']>(requirement?.kind ?? 'skill', { nonNullable: true }),
    skillId: new FormControl(requirement?.kind === 'skill' ? requirement.skillId : '', {
      nonNullable: true,
      validators: [requiredFor('skill')],
    }),
    minLevel: new FormControl(requirement?.kind === 'skill' ? requirement.minLevel : 3, {
      nonNullable: true,
    }),
    anyOf: new FormControl<string[]>(
      requirement?.kind === 'credential' ? [...requirement.anyOf] : [],
      {
        nonNullable: true,
        validators: [requiredFor('credential')],
      },
    ),
    verifiedOnly: new FormControl(
      requirement?.kind === 'credential' && requirement.verifiedOnly === true,
      { nonNullable: true },
    ),
  });
  group.controls.kind.valueChanges.subscribe(() => {
    group.controls.skillId.updateValueAndValidity();
    group.controls.anyOf.updateValueAndValidity();
  });
  return group;
}

/** The requirement a row's form describes, as the API takes it. */
export function requirementOf(form: RequirementForm): Requirement {
  const value = form.getRawValue();
  return value.kind === 'skill'
    ? { kind: 'skill', skillId: value.skillId, minLevel: value.minLevel }
    : value.verifiedOnly
      ? { kind: 'credential', anyOf: value.anyOf, verifiedOnly: true }
      : { kind: 'credential', anyOf: value.anyOf };
}

/** The API field paths of a requirement at `path` (`requirements.0`), for form-errors. */
export function requirementFields(path: string): Record<string, FormField> {
  return {
    [`${path}.kind`]: { label: 'Kind' },
    [`${path}.skillId`]: { label: 'Skill' },
    [`${path}.minLevel`]: { label: 'Level' },
    [`${path}.anyOf`]: { label: 'Credential types' },
    [`${path}.verifiedOnly`]: { label: 'Verified only' },
  };
}

/** One requirement: a skill at a level, or any one of some credential types. */
@Component({
  selector: 'him-requirement-fields',
  imports: [ReactiveFormsModule, MatCheckboxModule, MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="requirement-fields" [formGroup]="group()">
      <mat-form-field>
        <mat-label>Kind</mat-label>
        <mat-select formControlName="kind">
          <mat-option value="skill">Skill at a level</mat-option>
          <mat-option value="credential">Credential</mat-option>
        </mat-select>
      </mat-form-field>
      @if (group().controls.kind.value === 'skill') {
        <mat-form-field>
          <mat-label>Skill</mat-label>
          <mat-select formControlName="skillId" required>
            @for (skill of sortedSkills(); track skill.id) {
              <mat-option [value]="skill.id">{{ skill.name }}</mat-option>
            }
          </mat-select>
          @if (err(group().controls.skillId, { required: 'Choose a skill.' }); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>At least</mat-label>
          <mat-select formControlName="minLevel">
            @for (level of levels; track level) {
              <mat-option [value]="level">{{ levelName(level) }}</mat-option>
            }
          </mat-select>
          @if (err(group().controls.minLevel); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      } @else {
        <mat-form-field>
          <mat-label>Any of these credential types</mat-label>
          <mat-select formControlName="anyOf" multiple required>
            @for (type of sortedTypes(); track type.id) {
              <mat-option [value]="type.id">{{ type.code }} — {{ type.name }}</mat-option>
            }
          </mat-select>
          @if (
            err(group().controls.anyOf, { required: 'Choose at least one credential type.' });
            as message
          ) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-checkbox formControlName="verifiedOnly"
          >Only a credential verified with the issuing body counts</mat-checkbox
        >
      }
    </div>
  `,
  styles: `
    :host,
    .requirement-fields {
      display: contents;
    }
  `,
})
export class RequirementFields {
  readonly group = input.required<RequirementForm>();
  readonly skills = input.required<readonly Skill[]>();
  readonly credentialTypes = input.required<readonly CredentialType[]>();

  protected readonly err = fieldError;
  protected readonly levelName = levelInWords;
  protected readonly levels = PROFICIENCY_LABELS.map((_label, level) => level);
  protected readonly sortedSkills = computed(() =>
    [...this.skills()].sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly sortedTypes = computed(() =>
    [...this.credentialTypes()].sort((a, b) => a.code.localeCompare(b.code)),
  );
}

/** A repeatable list of requirements (a role's): add, change and remove rows. */
@Component({
  selector: 'him-requirement-editor',
  imports: [MatButtonModule, RequirementFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ legend() }}</legend>
      @for (row of rows().controls; track row; let i = $index) {
        <div class="repeat-row" role="group" [attr.aria-label]="'Requirement ' + (i + 1)">
          <him-requirement-fields
            [group]="row"
            [skills]="skills()"
            [credentialTypes]="credentialTypes()"
          />
          <button
            mat-button
            type="button"
            (click)="removeRow(i)"
            [attr.aria-label]="'Remove requirement ' + (i + 1)"
          >
            Remove
          </button>
        </div>
      } @empty {
        <p class="field-hint">No requirements.</p>
      }
      <button mat-stroked-button type="button" (click)="addRow()">Add a requirement</button>
    </fieldset>
  `,
  styleUrl: './admin-dialog.scss',
})
export class RequirementEditor {
  readonly rows = input.required<FormArray<RequirementForm>>();
  readonly skills = input.required<readonly Skill[]>();
  readonly credentialTypes = input.required<readonly CredentialType[]>();
  readonly legend = input('Requirements');

  protected addRow(): void {
    this.rows().push(requirementForm());
  }

  protected removeRow(index: number): void {
    this.rows().removeAt(index);
  }
}
