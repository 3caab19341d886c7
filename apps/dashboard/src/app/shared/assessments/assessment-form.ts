import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  input,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  type Assessment,
  type AssessmentSource,
  type IsoDate,
  PROFICIENCY_LABELS,
  SKILL_CATEGORIES,
  type Skill,
} from '@him/contracts';
import { levelInWords } from '@him/domain';
import { AssessmentsApi } from '../../core/api/assessments-api';
import { type FormField, serverFormErrors, showServerErrors } from '../../core/api/form-errors';
import { keepDraft, type KeptDraft } from '../../core/forms/form-drafts';
import { notAfterDate } from '../form-validators';
import { FormAlert } from '../form-alert/form-alert';

const FIELDS: Record<string, FormField> = {
  skillId: { label: 'Skill' },
  level: { label: 'Level' },
  assessedOn: { label: 'Assessed on' },
  note: { label: 'Note' },
};

const CATEGORY_LABELS: Record<string, string> = {
  technical: 'Technical',
  regulatory: 'Regulatory',
  soft: 'Soft skills',
};

/**
 * Records a skill assessment (R2): a member's self-assessment (`source` 'self') or a
 * manager's assessment of a member ('manager').
 */
@Component({
  selector: 'him-assessment-form',
  imports: [
    FormAlert,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="stacked-form" [formGroup]="form" (ngSubmit)="recordAssessment()" novalidate>
      <him-form-alert [messages]="generalErrors()" />
      <mat-form-field>
        <mat-label>Skill</mat-label>
        <mat-select formControlName="skillId" required>
          @for (group of skillGroups(); track group.label) {
            <mat-optgroup [label]="group.label">
              @for (skill of group.skills; track skill.id) {
                <mat-option [value]="skill.id">{{ skill.name }}</mat-option>
              }
            </mat-optgroup>
          }
        </mat-select>
        @if (form.controls.skillId.hasError('required')) {
          <mat-error>Choose a skill.</mat-error>
        } @else if (form.controls.skillId.hasError('server')) {
          <mat-error>{{ form.controls.skillId.getError('server') }}</mat-error>
        }
      </mat-form-field>

      <fieldset class="level-fieldset">
        <legend [id]="levelLegendId">Level</legend>
        <mat-radio-group
          formControlName="level"
          class="level-options"
          [attr.aria-labelledby]="levelLegendId"
        >
          @for (label of levels; track $index) {
            <mat-radio-button [value]="$index">{{ $index }} — {{ label }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (form.controls.level.touched && form.controls.level.hasError('required')) {
          <p class="field-error" role="alert">Choose a level.</p>
        } @else if (form.controls.level.hasError('server')) {
          <p class="field-error" role="alert">{{ form.controls.level.getError('server') }}</p>
        }
      </fieldset>

      <mat-form-field>
        <mat-label>Assessed on</mat-label>
        <input matInput type="date" formControlName="assessedOn" [max]="today()" required />
        @if (form.controls.assessedOn.hasError('required')) {
          <mat-error>Enter the date of the assessment.</mat-error>
        } @else if (form.controls.assessedOn.hasError('notAfter')) {
          <mat-error>The date cannot be in the future.</mat-error>
        } @else if (form.controls.assessedOn.hasError('server')) {
          <mat-error>{{ form.controls.assessedOn.getError('server') }}</mat-error>
        }
      </mat-form-field>

      <mat-form-field>
        <mat-label>Note (optional)</mat-label>
        <textarea matInput formControlName="note" rows="2" maxlength="2000"></textarea>
        @if (form.controls.note.hasError('server')) {
          <mat-error>{{ form.controls.note.getError('server') }}</mat-error>
        }
      </mat-form-field>

      <div class="form-actions">
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : submitLabel() }}
        </button>
      </div>
    </form>
  `,
  styleUrl: '../forms.scss',
  styles: `
    .level-fieldset {
      margin: 0 0 8px;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend {
      margin-bottom: 4px;
      font: var(--mat-sys-body-large);
    }
    .level-options {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
  `,
})
export class AssessmentForm implements OnInit {
  private readonly assessmentsApi = inject(AssessmentsApi);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private draft: KeptDraft | null = null;
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private static nextId = 0;

  readonly staffId = input.required<string>();
  readonly source = input.required<AssessmentSource>();
  readonly skills = input.required<Skill[]>();
  /** today in the department's time zone: the latest date allowed */
  readonly today = input.required<IsoDate>();
  readonly submitLabel = input('Save assessment');

  readonly recorded = output<Assessment>();

  protected readonly levels = PROFICIENCY_LABELS;
  protected readonly levelLegendId = `assessment-level-${AssessmentForm.nextId++}`;
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<string[]>([]);

  protected readonly form = new FormGroup({
    skillId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    level: new FormControl<number | null>(null, { validators: [Validators.required] }),
    assessedOn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notAfterDate(() => this.today())],
    }),
    note: new FormControl('', { nonNullable: true }),
  });

  protected readonly skillGroups = computed(() =>
    SKILL_CATEGORIES.map((category) => ({
      label: CATEGORY_LABELS[category] ?? category,
      skills: this.skills()
        .filter((skill) => skill.category === category)
        .sort((a, b) => a.name.localeCompare(b.name)),
    })).filter((group) => group.skills.length > 0),
  );

  constructor() {
    // The date starts at today in the department's time zone, the most common answer, and
    // follows it until the user edits the field.
    effect(() => {
      const today = this.today();
      const date = this.form.controls.assessedOn;
      if (!date.dirty) {
        date.setValue(today);
      }
    });
  }

  ngOnInit(): void {
    // What was typed survives an expired session; a self-assessment and a manager's
    // assessment of the same member are different drafts.
    this.draft = keepDraft(
      this.form,
      `assessment.${this.source()}.${this.staffId()}`,
      this.destroyRef,
      { injector: this.injector },
    );
  }

  protected recordAssessment(): void {
    this.generalErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const note = value.note.trim();
    this.saving.set(true);
    this.assessmentsApi
      .record(this.staffId(), {
        skillId: value.skillId,
        level: value.level ?? 0,
        assessedOn: value.assessedOn,
        source: this.source(),
        ...(note ? { note } : {}),
      })
      .subscribe({
        next: (assessment) => {
          this.saving.set(false);
          this.draft?.discard();
          const skill = this.skills().find((candidate) => candidate.id === assessment.skillId);
          void this.liveAnnouncer.announce(
            `Assessment saved: ${skill?.name ?? 'skill'} at ${levelInWords(assessment.level)}.`,
            'polite',
          );
          this.form.reset({ skillId: '', level: null, assessedOn: this.today(), note: '' });
          this.recorded.emit(assessment);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.generalErrors.set(
            showServerErrors(this.form, serverFormErrors(error, FIELDS, 'save the assessment')),
          );
        },
      });
  }
}
