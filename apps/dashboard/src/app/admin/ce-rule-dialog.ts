import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatRadioModule } from '@angular/material/radio';
import type { AfterLapseStep, CeMinimum, CeRule, CreateCeRuleRequest } from '@him/contracts';
import { ceCategoryLabel } from '@him/domain';
import type { FormField } from '../core/api/form-errors';
import { sameData } from '../core/forms/changed-fields';
import { ADMIN_DIALOG_IMPORTS, AdminRecordDialog } from './admin-dialog';

export interface CeRuleDialogData {
  /** absent: add a rule */
  rule?: CeRule;
}

type MinimumForm = FormGroup<{
  categories: FormControl<string[]>;
  kind: FormControl<'hours' | 'share'>;
  /** hours, or the share as a percentage (1–100) */
  amount: FormControl<number | null>;
}>;

const SLUG = /^[a-z0-9-]+$/;

function minimumForm(minimum?: CeMinimum): MinimumForm {
  const kind = minimum?.hours != null ? 'hours' : 'share';
  const amount =
    minimum?.hours != null
      ? minimum.hours
      : minimum?.share != null
        ? Math.round(minimum.share * 1000) / 10
        : null;
  return new FormGroup({
    categories: new FormControl<string[]>(minimum ? [...minimum.categories] : [], {
      nonNullable: true,
      validators: [Validators.required],
    }),
    kind: new FormControl<'hours' | 'share'>(kind, { nonNullable: true }),
    amount: new FormControl<number | null>(amount, {
      validators: [
        Validators.required,
        (control) => {
          const value = control.value as number | null;
          const isShare = control.parent?.get('kind')?.value === 'share';
          if (value === null || value === undefined) return null;
          if (value <= 0) return { positive: true };
          if (isShare && value > 100) return { percent: true };
          return null;
        },
      ],
    }),
  });
}

type AfterLapseForm = FormGroup<{ state: FormControl<string>; days: FormControl<number | null> }>;

function afterLapseForm(step?: AfterLapseStep): AfterLapseForm {
  return new FormGroup({
    state: new FormControl(step?.state ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^\s*[a-zA-Z][a-zA-Z -]*\s*$/)],
    }),
    days: new FormControl<number | null>(step?.days ?? null, {
      validators: [Validators.required, Validators.min(1), Validators.max(3650)],
    }),
  });
}

/** Adds or edits the CE rule of an issuing body (R12, R14). */
@Component({
  selector: 'him-ce-rule-dialog',
  imports: [ADMIN_DIALOG_IMPORTS, MatRadioModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="saveRule()" novalidate>
      <him-admin-dialog
        [heading]="rule ? 'Edit CE rule of ' + rule.issuingBody : 'Add a CE rule'"
        [submitLabel]="rule ? 'Save changes' : 'Add CE rule'"
      >
        <mat-form-field>
          <mat-label>Issuing body</mat-label>
          <input matInput formControlName="issuingBody" required maxlength="100" />
          @if (rule) {
            <mat-hint>A rule's issuing body cannot change; delete it and add another.</mat-hint>
          }
          @if (err(form.controls.issuingBody); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Cycle (months)</mat-label>
          <input matInput type="number" formControlName="cycleMonths" required min="1" max="120" />
          @if (err(form.controls.cycleMonths); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Extra hours per additional credential</mat-label>
          <input matInput type="number" formControlName="extraPerAdditional" required min="0" />
          @if (err(form.controls.extraPerAdditional); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>Cap (hours, optional)</mat-label>
          <input matInput type="number" formControlName="cap" min="0.01" />
          <mat-hint>The most hours a group of credentials can owe; empty for no cap.</mat-hint>
          @if (err(form.controls.cap); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <fieldset formArrayName="minimums">
          <legend>Minimums by category</legend>
          @for (row of minimums.controls; track row; let i = $index) {
            <div
              class="repeat-row"
              [formGroupName]="i"
              role="group"
              [attr.aria-label]="'Minimum ' + (i + 1)"
            >
              <div class="categories">
                <!-- A plain list and a text field, not a chip grid: a grid may only hold rows, and
                     the grid's own text field made axe's aria-required-children fail. -->
                <mat-form-field class="category-field">
                  <mat-label>Add a category</mat-label>
                  <input
                    matInput
                    data-testid="category-input"
                    [formControl]="categoryDraft(row)"
                    [errorStateMatcher]="categoriesError(row)"
                    (keydown)="categoryKey(row, $event)"
                    (blur)="addCategory(row)"
                  />
                  <mat-hint
                    >A short name such as coding-update (a-z, 0-9 and -); Enter adds it.</mat-hint
                  >
                  @if (err(row.controls.categories, categoryMessages); as message) {
                    <mat-error>{{ message }}</mat-error>
                  }
                </mat-form-field>
                <ul
                  class="category-list"
                  [id]="'categories-' + i"
                  [attr.aria-label]="'Categories of minimum ' + (i + 1)"
                >
                  @for (category of row.controls.categories.value; track category) {
                    <li class="category-chip">
                      <span>{{ categoryLabel(category) }}</span>
                      <button
                        mat-icon-button
                        type="button"
                        class="category-remove"
                        [attr.aria-label]="'Remove ' + categoryLabel(category)"
                        (click)="removeCategory(row, category)"
                      >
                        ✕
                      </button>
                    </li>
                  } @empty {
                    <li class="category-none">No category yet</li>
                  }
                </ul>
              </div>
              <mat-radio-group
                formControlName="kind"
                [attr.aria-label]="'Minimum ' + (i + 1) + ' in'"
                (change)="row.controls.amount.updateValueAndValidity()"
              >
                <mat-radio-button value="share">Share of required hours</mat-radio-button>
                <mat-radio-button value="hours">Hours</mat-radio-button>
              </mat-radio-group>
              <mat-form-field>
                <mat-label>{{
                  row.controls.kind.value === 'share' ? 'Share (%)' : 'Hours'
                }}</mat-label>
                <input
                  matInput
                  type="number"
                  formControlName="amount"
                  required
                  min="0"
                  [max]="row.controls.kind.value === 'share' ? 100 : 9999.99"
                />
                @if (err(row.controls.amount, amountMessages); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <button
                mat-button
                type="button"
                (click)="removeMinimum(i)"
                [attr.aria-label]="'Remove minimum ' + (i + 1)"
              >
                Remove
              </button>
            </div>
          } @empty {
            <p class="field-hint">No category minimums.</p>
          }
          <button mat-stroked-button type="button" (click)="addMinimum()">Add a minimum</button>
        </fieldset>

        <fieldset formArrayName="afterLapse">
          <legend>After an expiry</legend>
          <p class="field-hint">
            The states an expired credential goes through, in order, from the day after it expires;
            after the last one the body revokes it.
            @if (!rule) {
              Left empty, a new rule takes the body's usual states (AHIMA: inactive for 180 days;
              AAPC: grace for 90; ACDIS: grace for 45).
            }
          </p>
          @for (row of afterLapse.controls; track row; let i = $index) {
            <div
              class="repeat-row"
              [formGroupName]="i"
              role="group"
              [attr.aria-label]="'State after an expiry ' + (i + 1)"
            >
              <mat-form-field>
                <mat-label>State</mat-label>
                <input matInput formControlName="state" required maxlength="40" />
                @if (err(row.controls.state, stateMessages); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field>
                <mat-label>Days</mat-label>
                <input matInput type="number" formControlName="days" required min="1" max="3650" />
                @if (
                  err(row.controls.days, { required: 'Enter the number of days.' });
                  as message
                ) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <button
                mat-button
                type="button"
                (click)="removeAfterLapseState(i)"
                [attr.aria-label]="'Remove state after an expiry ' + (i + 1)"
              >
                Remove
              </button>
            </div>
          } @empty {
            @if (rule) {
              <p class="field-hint">None: an expired credential shows only as expired.</p>
            }
          }
          <button mat-stroked-button type="button" (click)="addAfterLapseState()">
            Add a state
          </button>
        </fieldset>
      </him-admin-dialog>
    </form>
  `,
  styleUrl: './admin-dialog.scss',
})
export class CeRuleDialog extends AdminRecordDialog<CeRuleDialogData> {
  protected readonly rule = this.data.rule;
  protected readonly categoryLabel = ceCategoryLabel;
  private readonly matchers = new WeakMap<MinimumForm, ErrorStateMatcher>();
  private readonly drafts = new WeakMap<MinimumForm, FormControl<string>>();
  protected readonly categoryMessages = {
    required: 'Add at least one category.',
    slug: 'Use lower-case letters, digits and - only.',
  };
  protected readonly amountMessages = {
    required: 'Enter the amount.',
    positive: 'Must be more than 0.',
    percent: 'A share is at most 100%.',
  };
  protected readonly minimums = new FormArray<MinimumForm>(
    (this.rule?.minimums ?? []).map((minimum) => minimumForm(minimum)),
  );
  protected readonly stateMessages = {
    required: 'Enter the state, such as inactive or grace.',
    pattern: 'Use lower-case words only, such as inactive.',
  };
  protected readonly afterLapse = new FormArray<AfterLapseForm>(
    (this.rule?.afterLapse ?? []).map((step) => afterLapseForm(step)),
  );
  protected readonly form = new FormGroup({
    issuingBody: new FormControl(
      { value: this.rule?.issuingBody ?? '', disabled: this.rule !== undefined },
      { nonNullable: true, validators: [Validators.required] },
    ),
    cycleMonths: new FormControl<number | null>(this.rule?.cycleMonths ?? 24, {
      validators: [Validators.required, Validators.min(1), Validators.max(120)],
    }),
    extraPerAdditional: new FormControl<number | null>(this.rule?.extraPerAdditional ?? 0, {
      validators: [Validators.required, Validators.min(0)],
    }),
    cap: new FormControl<number | null>(this.rule?.cap ?? null, {
      validators: [Validators.min(0.01)],
    }),
    minimums: this.minimums,
    afterLapse: this.afterLapse,
  });

  protected addAfterLapseState(): void {
    this.afterLapse.push(afterLapseForm());
  }

  protected removeAfterLapseState(index: number): void {
    this.afterLapse.removeAt(index);
    this.afterLapse.markAsDirty();
  }

  protected addMinimum(): void {
    this.minimums.push(minimumForm());
  }

  protected removeMinimum(index: number): void {
    this.minimums.removeAt(index);
  }

  /** The category field shows the categories' error (the list is the control, not the field). */
  protected categoriesError(row: MinimumForm): ErrorStateMatcher {
    let matcher = this.matchers.get(row);
    if (!matcher) {
      const control = row.controls.categories;
      matcher = { isErrorState: () => control.invalid && control.touched };
      this.matchers.set(row, matcher);
    }
    return matcher;
  }

  /** Enter or a comma adds what was typed (Enter would otherwise submit the form). */
  protected categoryKey(row: MinimumForm, event: KeyboardEvent): void {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      this.addCategory(row);
    }
  }

  /** What is being typed into a minimum's category field (not part of the rule itself). */
  protected categoryDraft(row: MinimumForm): FormControl<string> {
    let draft = this.drafts.get(row);
    if (!draft) {
      draft = new FormControl('', { nonNullable: true });
      this.drafts.set(row, draft);
    }
    return draft;
  }

  protected addCategory(row: MinimumForm): void {
    const draft = this.categoryDraft(row);
    const slug = draft.value.trim().toLowerCase();
    draft.setValue('');
    if (slug === '') {
      return;
    }
    const control = row.controls.categories;
    control.markAsTouched();
    if (!SLUG.test(slug)) {
      control.setErrors({ slug: true });
      return;
    }
    if (!control.value.includes(slug)) {
      control.setValue([...control.value, slug]);
    }
  }

  protected removeCategory(row: MinimumForm, category: string): void {
    const control = row.controls.categories;
    control.setValue(control.value.filter((value) => value !== category));
    control.markAsTouched();
  }

  protected saveRule(): void {
    const value = this.form.getRawValue();
    const cap = value.cap === null || (value.cap as unknown) === '' ? null : Number(value.cap);
    const body: CreateCeRuleRequest = {
      issuingBody: value.issuingBody.trim(),
      cycleMonths: Number(value.cycleMonths),
      extraPerAdditional: Number(value.extraPerAdditional),
      cap,
      minimums: value.minimums.map((row) =>
        row.kind === 'hours'
          ? { categories: row.categories, hours: Number(row.amount) }
          : { categories: row.categories, share: Math.round(Number(row.amount) * 10) / 1000 },
      ),
      // a new rule left without states takes its body's usual ones (the API's default)
      ...(this.rule || value.afterLapse.length > 0
        ? {
            afterLapse: value.afterLapse.map((row) => ({
              state: row.state.trim().toLowerCase(),
              days: Number(row.days),
            })),
          }
        : {}),
    };
    this.frame().saveRecord(
      this.adminApi.ceRules,
      this.rule,
      body,
      fieldsFor(this.minimums.length),
      'CE rule',
      {
        // a rule is keyed by its issuing body, which cannot change (its field is disabled)
        key: this.rule?.issuingBody,
        same: {
          issuingBody: () => true,
          afterLapse: (value, recorded) => sameData(value ?? [], recorded ?? []),
        },
      },
    );
  }
}

function fieldsFor(rows: number): Record<string, FormField> {
  const fields: Record<string, FormField> = {
    issuingBody: { label: 'Issuing body' },
    cycleMonths: { label: 'Cycle months' },
    extraPerAdditional: { label: 'Extra per additional credential' },
    cap: { label: 'Cap' },
  };
  for (let i = 0; i < 5; i++) {
    fields[`afterLapse.${i}.state`] = { label: 'State' };
    fields[`afterLapse.${i}.days`] = { label: 'Days' };
  }
  for (let i = 0; i < rows; i++) {
    fields[`minimums.${i}.categories`] = { label: 'Categories' };
    fields[`minimums.${i}.hours`] = { label: 'Hours', control: `minimums.${i}.amount` };
    fields[`minimums.${i}.share`] = { label: 'Share', control: `minimums.${i}.amount` };
  }
  return fields;
}
