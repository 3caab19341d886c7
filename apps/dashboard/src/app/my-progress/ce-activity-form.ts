import { LiveAnnouncer } from '@angular/cdk/a11y';
import { COMMA, ENTER } from '@angular/cdk/keycodes';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  Injector,
  input,
  type OnInit,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { HttpEventType } from '@angular/common/http';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CeActivity, EvidenceFile, IsoDate, UpdateCeActivityRequest } from '@him/contracts';
import { addMonthsClamped, ceCategoryLabel, isIsoDate } from '@him/domain';
import { toSignal } from '@angular/core/rxjs-interop';
import { filter, map, type Observable, of, switchMap, catchError } from 'rxjs';
import { CeApi } from '../core/api/ce-api';
import { type FormField, serverFormErrors, showServerErrors } from '../core/api/form-errors';
import { keepDraft, type KeptDraft } from '../core/forms/form-drafts';
import { type RuleCategory, toCategorySlug } from '../shared/ce-activities/ce-categories';
import { ceHours, notAfterDate } from '../shared/form-validators';
import { EvidenceApi } from '../evidence/evidence-api';
import { formatBytes, uploadErrorMessage } from '../evidence/evidence-upload';
import { FormAlert } from '../shared/form-alert/form-alert';

/** What the certificate inputs offer: PDF and the image types the API recognises. */
const CERTIFICATE_ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';
const CERTIFICATE_NAME = /\.(pdf|png|jpe?g)$/i;
const CERTIFICATE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

/** What became of the certificate sent with an activity. */
type CertificateOutcome = { attached: EvidenceFile | null } | { failed: string };

/** API limits (ce-activity.dto): hours at most 200, at most 10 categories. */
const MAX_HOURS = 200;
const MAX_CATEGORIES = 10;

const FIELDS: Record<string, FormField> = {
  title: { label: 'Title' },
  provider: { label: 'Provider' },
  completedOn: { label: 'Completed on' },
  hours: { label: 'Hours' },
  categories: { label: 'Categories', control: 'otherCategories' },
  credentialIds: { label: 'For which credentials' },
};

export interface CredentialChoice {
  id: string;
  label: string;
}

/**
 * Logs one CE activity for the signed-in member, built to take well under a minute with the
 * keyboard alone: four text fields in reading order, the rule categories as checkboxes,
 * other categories typed and ended with Enter or a comma, and Enter anywhere else submits.
 */
@Component({
  selector: 'him-ce-activity-form',
  imports: [
    FormAlert,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="stacked-form" [formGroup]="form" (ngSubmit)="logActivity()" novalidate>
      @if (editing(); as activity) {
        <p class="editing-note" data-testid="editing-note">
          Editing “{{ activity.title }}”. It stays submitted for review.
        </p>
      }
      <him-form-alert [messages]="generalErrors()" />

      <mat-form-field>
        <mat-label>Title</mat-label>
        <input #titleInput matInput formControlName="title" maxlength="300" required />
        @if (form.controls.title.hasError('required')) {
          <mat-error>Enter the activity's title.</mat-error>
        } @else if (form.controls.title.hasError('server')) {
          <mat-error>{{ form.controls.title.getError('server') }}</mat-error>
        }
      </mat-form-field>

      <mat-form-field>
        <mat-label>Provider</mat-label>
        <input matInput formControlName="provider" maxlength="200" required />
        <mat-hint>Who offered it, for example AHIMA or your state association.</mat-hint>
        @if (form.controls.provider.hasError('required')) {
          <mat-error>Enter the provider.</mat-error>
        } @else if (form.controls.provider.hasError('server')) {
          <mat-error>{{ form.controls.provider.getError('server') }}</mat-error>
        }
      </mat-form-field>

      <div class="pair">
        <mat-form-field>
          <mat-label>Completed on</mat-label>
          <input matInput type="date" formControlName="completedOn" [max]="today()" required />
          @if (oldDateWarning(); as warning) {
            <mat-hint class="date-warning" data-testid="completed-on-warning">{{
              warning
            }}</mat-hint>
          }
          @if (form.controls.completedOn.hasError('required')) {
            <mat-error>Enter the date you completed it.</mat-error>
          } @else if (form.controls.completedOn.hasError('calendarDate')) {
            <mat-error>Enter a real date.</mat-error>
          } @else if (form.controls.completedOn.hasError('notAfter')) {
            <mat-error>The date cannot be in the future (today is {{ today() }}).</mat-error>
          } @else if (form.controls.completedOn.hasError('server')) {
            <mat-error>{{ form.controls.completedOn.getError('server') }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Hours</mat-label>
          <input
            matInput
            type="number"
            inputmode="decimal"
            formControlName="hours"
            min="0.01"
            max="200"
            step="0.25"
            required
          />
          <mat-hint>CE hours (CEUs), for example 1.5</mat-hint>
          @if (form.controls.hours.hasError('required')) {
            <mat-error>Enter the hours.</mat-error>
          } @else if (form.controls.hours.hasError('hours')) {
            <mat-error>{{ form.controls.hours.getError('hours') }}</mat-error>
          } @else if (form.controls.hours.hasError('server')) {
            <mat-error>{{ form.controls.hours.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </div>

      @if (categories().length > 0) {
        <fieldset class="choices">
          <legend>Categories</legend>
          <p class="field-hint">
            Tick each that applies; they decide which minimums it counts for.
          </p>
          @for (category of categories(); track category.slug) {
            <mat-checkbox
              [checked]="form.controls.categories.value.includes(category.slug)"
              (change)="toggleCategory(category.slug, $event.checked)"
            >
              {{ category.label }}
              <span class="choice-detail">({{ category.countsFor }})</span>
            </mat-checkbox>
          }
        </fieldset>
      }

      <mat-form-field>
        <mat-label>{{ categories().length > 0 ? 'Other categories' : 'Categories' }}</mat-label>
        <mat-chip-grid #chipGrid formControlName="otherCategories" aria-label="Other categories">
          @for (slug of form.controls.otherCategories.value; track slug) {
            <mat-chip-row [value]="slug" (removed)="removeOtherCategory(slug)">
              {{ categoryName(slug) }}
              <button
                matChipRemove
                type="button"
                [attr.aria-label]="'Remove ' + categoryName(slug)"
              >
                <svg
                  aria-hidden="true"
                  focusable="false"
                  viewBox="0 0 24 24"
                  width="18"
                  height="18"
                >
                  <path
                    fill="currentColor"
                    d="M19 6.41L17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
                  />
                </svg>
              </button>
            </mat-chip-row>
          }
          <input
            [matChipInputFor]="chipGrid"
            [matChipInputSeparatorKeyCodes]="separatorKeys"
            [matChipInputAddOnBlur]="true"
            (matChipInputTokenEnd)="addOtherCategory($event)"
          />
        </mat-chip-grid>
        <mat-hint>Optional. Type a category and press Enter.</mat-hint>
        @if (form.controls.otherCategories.hasError('server')) {
          <mat-error>{{ form.controls.otherCategories.getError('server') }}</mat-error>
        }
      </mat-form-field>
      @if (categoryMessage(); as message) {
        <p class="field-error" role="alert">{{ message }}</p>
      }

      <mat-form-field>
        <mat-label>For which credentials</mat-label>
        <mat-select formControlName="credentialIds" multiple>
          @for (credential of credentials(); track credential.id) {
            <mat-option [value]="credential.id">{{ credential.label }}</mat-option>
          }
        </mat-select>
        <mat-hint>Optional. Leave empty to count it towards any of your credentials.</mat-hint>
        @if (form.controls.credentialIds.hasError('server')) {
          <mat-error>{{ form.controls.credentialIds.getError('server') }}</mat-error>
        }
      </mat-form-field>

      <div class="certificate" role="group" aria-labelledby="certificate-label">
        <p class="certificate__label" id="certificate-label">
          Certificate <span class="choice-detail">(optional)</span>
        </p>
        <div
          class="drop-zone"
          data-testid="certificate-drop-zone"
          [class.drop-zone--over]="dragOver()"
          (dragenter)="onDragOver($event)"
          (dragover)="onDragOver($event)"
          (dragleave)="dragOver.set(false)"
          (drop)="onDrop($event)"
        >
          @if (certificate(); as file) {
            <p class="drop-zone__file" data-testid="certificate-chosen">
              {{ file.name }} <span class="choice-detail">({{ sizeText(file.size) }})</span>
            </p>
            <button
              mat-button
              type="button"
              [attr.aria-label]="'Remove the certificate ' + file.name"
              (click)="clearCertificate()"
            >
              Remove
            </button>
          } @else {
            <p class="drag-only">Drag the certificate here, or</p>
            <input
              #fileInput
              type="file"
              class="cdk-visually-hidden"
              tabindex="-1"
              aria-hidden="true"
              data-testid="certificate-file"
              [accept]="accept"
              (change)="chooseCertificate($event)"
            />
            <input
              #photoInput
              type="file"
              class="cdk-visually-hidden"
              tabindex="-1"
              aria-hidden="true"
              data-testid="certificate-photo"
              accept="image/jpeg,image/png"
              capture="environment"
              (change)="chooseCertificate($event)"
            />
            <div class="drop-zone__buttons">
              <button
                mat-stroked-button
                type="button"
                aria-describedby="certificate-hint"
                (click)="fileInput.click()"
              >
                Choose a file
              </button>
              <button
                mat-stroked-button
                type="button"
                class="photo-only"
                aria-describedby="certificate-hint"
                (click)="photoInput.click()"
              >
                Take a photo
              </button>
            </div>
          }
        </div>
        <p class="field-hint" id="certificate-hint" data-testid="certificate-hint">
          {{ certificateHint() }}
        </p>
        @if (certificateError(); as message) {
          <p class="field-error" role="alert">{{ message }}</p>
        }
      </div>

      <div class="form-actions">
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ submitLabel() }}
        </button>
        @if (editing()) {
          <button mat-button type="button" (click)="cancelEdit()">Cancel editing</button>
        }
      </div>
      <div role="status" class="status-region">
        @if (outcome(); as message) {
          <p class="form-success">{{ message }}</p>
        }
      </div>
      @if (certificateFailure(); as message) {
        <p class="field-error" role="alert">{{ message }}</p>
      }
    </form>
  `,
  styleUrl: '../shared/forms.scss',
  styles: `
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 200px), 1fr));
      gap: 8px 16px;
    }
    .choices {
      display: grid;
      gap: 0;
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      font: var(--mat-sys-body-large);
    }
    .choice-detail {
      color: var(--mat-sys-on-surface-variant);
    }
    .status-region:empty {
      display: none;
    }
    .certificate__label {
      margin: 0 0 8px;
      font: var(--mat-sys-body-large);
    }
    .drop-zone {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      padding: 16px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 8px;
    }
    .drop-zone--over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-high);
    }
    .drop-zone p {
      margin: 0;
    }
    .drop-zone__buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .certificate .field-hint {
      margin-top: 4px;
    }
    .editing-note {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    /* Phones and tablets take a photo; a mouse drags the file in. */
    .photo-only {
      display: none;
    }
    @media (pointer: coarse) {
      .photo-only {
        display: inline-flex;
      }
      .drag-only {
        display: none;
      }
    }
  `,
})
export class CeActivityForm implements OnInit {
  private readonly ceApi = inject(CeApi);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private draft: KeptDraft | null = null;
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly evidenceApi = inject(EvidenceApi);
  private readonly titleInput = viewChild.required<ElementRef<HTMLInputElement>>('titleInput');
  private readonly formDirective = viewChild.required(FormGroupDirective);

  readonly staffId = input.required<string>();
  /** today in the department's time zone: the default and the latest date allowed */
  readonly today = input.required<IsoDate>();
  /** the categories the department's CE rules count (R14) */
  readonly categories = input<RuleCategory[]>([]);
  /** the member's credentials in force, which an activity may be meant for (R13) */
  readonly credentials = input<CredentialChoice[]>([]);
  /** the longest CE cycle of the department's rules, in months (R11); null when unknown */
  readonly cycleMonths = input<number | null>(null);

  /** the largest certificate the API accepts, in bytes (from the department settings); null: unknown */
  readonly maxFileBytes = input<number | null>(null);
  /** a submitted activity of the member to edit in this form instead of logging a new one */
  readonly editing = input<CeActivity | null>(null);

  readonly logged = output<CeActivity>();
  /** the edited activity, saved */
  readonly updated = output<CeActivity>();
  /** editing ended without saving */
  readonly editCancelled = output<void>();

  protected readonly separatorKeys = [ENTER, COMMA] as const;
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<string[]>([]);
  protected readonly categoryMessage = signal<string | null>(null);
  /** what the last submit did, for the status line */
  protected readonly outcome = signal<string | null>(null);
  protected readonly certificate = signal<File | null>(null);
  protected readonly certificateError = signal<string | null>(null);
  /** the activity was saved but its certificate was refused */
  protected readonly certificateFailure = signal<string | null>(null);
  protected readonly dragOver = signal(false);
  protected readonly accept = CERTIFICATE_ACCEPT;
  protected readonly submitLabel = computed(() => {
    if (this.editing()) {
      return this.saving() ? 'Saving…' : 'Save changes';
    }
    return this.saving() ? 'Logging…' : 'Log activity';
  });
  /** Said before a file is chosen: what is accepted and, from the API, how large it may be. */
  protected readonly certificateHint = computed(() => {
    const max = this.maxFileBytes();
    return `A PDF, or a photo or scan (PNG or JPEG)${
      max ? `, at most ${formatBytes(max)}` : ''
    }. It is sent with the activity.`;
  });

  protected readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    provider: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    completedOn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notAfterDate(() => this.today())],
    }),
    hours: new FormControl<number | null>(null, {
      validators: [Validators.required, ceHours(MAX_HOURS)],
    }),
    categories: new FormControl<string[]>([], { nonNullable: true }),
    otherCategories: new FormControl<string[]>([], { nonNullable: true }),
    credentialIds: new FormControl<string[]>([], { nonNullable: true }),
  });
  private readonly completedOn = toSignal(this.form.controls.completedOn.valueChanges, {
    initialValue: '',
  });
  /** A completion longer ago than a whole CE cycle cannot count towards the current one. */
  protected readonly oldDateWarning = computed(() => {
    const months = this.cycleMonths();
    const date = this.completedOn();
    if (!months || !isIsoDate(date) || date >= addMonthsClamped(this.today(), -months)) {
      return null;
    }
    return `More than ${months} months ago, longer than a CE cycle: it may not count towards your current cycle.`;
  });

  constructor() {
    // The date starts at today in the department's time zone, the most common answer, and
    // follows it until the user edits the field.
    effect(() => {
      const today = this.today();
      const date = this.form.controls.completedOn;
      if (!date.dirty) {
        date.setValue(today);
      }
    });
  }

  /** Puts the activity being edited into the form, and empties it again when editing ends. */
  private readonly fillForEditing = effect(() => {
    const activity = this.editing();
    untracked(() => {
      if (activity) {
        // What the last submit said no longer applies; a save's own message stays when editing ends.
        this.generalErrors.set([]);
        this.outcome.set(null);
        this.certificateFailure.set(null);
        this.clearCertificate();
        const ruleSlugs = new Set(this.categories().map((category) => category.slug));
        this.formDirective().resetForm({
          title: activity.title,
          provider: activity.provider,
          completedOn: activity.completedOn,
          hours: activity.hours,
          categories: activity.categories.filter((slug) => ruleSlugs.has(slug)),
          otherCategories: activity.categories.filter((slug) => !ruleSlugs.has(slug)),
          credentialIds: [...activity.credentialIds],
        });
        // The date is the activity's, not today's.
        this.form.controls.completedOn.markAsDirty();
        this.titleInput().nativeElement.focus();
      } else if (this.wasEditing) {
        this.generalErrors.set([]);
        this.resetToEmpty();
      }
      this.wasEditing = activity !== null;
    });
  });
  private wasEditing = false;

  ngOnInit(): void {
    // What was typed survives an expired session (per member: the staff id is in the draft id).
    this.draft = keepDraft(this.form, `ce-activity.${this.staffId()}`, this.destroyRef, {
      injector: this.injector,
    });
  }

  protected categoryName(slug: string): string {
    return ceCategoryLabel(slug);
  }

  protected toggleCategory(slug: string, checked: boolean): void {
    const control = this.form.controls.categories;
    const others = control.value.filter((candidate) => candidate !== slug);
    control.setValue(checked ? [...others, slug] : others);
  }

  protected addOtherCategory(event: MatChipInputEvent): void {
    const typed = event.value.trim();
    event.chipInput.clear();
    this.categoryMessage.set(null);
    if (!typed) {
      return;
    }
    const slug = toCategorySlug(typed);
    if (!slug) {
      this.categoryMessage.set('Use letters or digits for a category.');
      return;
    }
    if (this.categories().some((category) => category.slug === slug)) {
      // A rule category typed by name: tick its box instead of adding a duplicate.
      this.toggleCategory(slug, true);
      return;
    }
    const control = this.form.controls.otherCategories;
    if (control.value.includes(slug)) {
      return;
    }
    if (this.allCategories().length >= MAX_CATEGORIES) {
      this.categoryMessage.set(`An activity can have at most ${MAX_CATEGORIES} categories.`);
      return;
    }
    control.setValue([...control.value, slug]);
  }

  protected removeOtherCategory(slug: string): void {
    const control = this.form.controls.otherCategories;
    control.setValue(control.value.filter((candidate) => candidate !== slug));
    void this.liveAnnouncer.announce(`Removed ${ceCategoryLabel(slug)}.`, 'polite');
  }

  protected sizeText(bytes: number): string {
    return formatBytes(bytes);
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = 'copy';
    }
    this.dragOver.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    const files = event.dataTransfer?.files;
    if (files && files.length > 1) {
      this.certificateError.set('Drop one file: the certificate of this activity.');
      return;
    }
    this.takeCertificate(files?.[0] ?? null);
  }

  protected chooseCertificate(event: Event): void {
    const element = event.target as HTMLInputElement;
    const file = element.files?.[0] ?? null;
    element.value = '';
    this.takeCertificate(file);
  }

  protected clearCertificate(): void {
    this.certificate.set(null);
    this.certificateError.set(null);
  }

  protected cancelEdit(): void {
    this.editCancelled.emit();
  }

  /** Checked here as the API would, so the activity is not sent with a file it refuses. */
  private takeCertificate(file: File | null): void {
    this.certificateError.set(null);
    if (!file) {
      return;
    }
    const max = this.maxFileBytes();
    if (file.size === 0) {
      this.certificateError.set('The file is empty. Choose the certificate again.');
    } else if (!CERTIFICATE_NAME.test(file.name) && !CERTIFICATE_TYPES.includes(file.type)) {
      this.certificateError.set(`“${file.name}” is not a PDF, PNG or JPEG. Choose one of these.`);
    } else if (max !== null && file.size > max) {
      this.certificateError.set(
        `“${file.name}” is ${formatBytes(file.size)}; a certificate may be at most ${formatBytes(max)}. Scan it at a lower resolution or save it as a PDF.`,
      );
    } else {
      this.certificate.set(file);
      void this.liveAnnouncer.announce(`${file.name} will be sent with the activity.`, 'polite');
    }
  }

  protected logActivity(): void {
    this.generalErrors.set([]);
    this.outcome.set(null);
    this.certificateFailure.set(null);
    if (this.form.invalid || this.certificateError()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const categories = this.allCategories();
    const editing = this.editing();
    const certificate = this.certificate();
    this.saving.set(true);
    const saved: Observable<CeActivity> = editing
      ? this.ceApi.update(editing.id, {
          title: value.title.trim(),
          provider: value.provider.trim(),
          completedOn: value.completedOn,
          hours: value.hours ?? 0,
          categories,
          credentialIds: value.credentialIds,
          version: editing.version,
        } satisfies UpdateCeActivityRequest)
      : this.ceApi.log(this.staffId(), {
          title: value.title.trim(),
          provider: value.provider.trim(),
          completedOn: value.completedOn,
          hours: value.hours ?? 0,
          ...(categories.length > 0 ? { categories } : {}),
          ...(value.credentialIds.length > 0 ? { credentialIds: value.credentialIds } : {}),
        });
    saved
      .pipe(
        switchMap((activity) =>
          this.attach(activity, certificate).pipe(map((result) => ({ activity, result }))),
        ),
      )
      .subscribe({
        next: ({ activity, result }) => {
          this.saving.set(false);
          this.draft?.discard();
          const withFile =
            'attached' in result && result.attached ? { ...activity, hasEvidence: true } : activity;
          const verb = editing ? 'Saved' : 'Logged';
          this.outcome.set(
            `${verb} “${activity.title}”${
              'attached' in result && result.attached ? ' with its certificate' : ''
            }: submitted, awaiting review.`,
          );
          if ('failed' in result) {
            this.certificateFailure.set(
              `The certificate was not attached: ${result.failed} Attach it from the activity under Your CE activities.`,
            );
          }
          this.resetToEmpty();
          if (editing) {
            this.updated.emit(withFile);
          } else {
            this.logged.emit(withFile);
          }
          // Ready for the next one: several activities are often logged in one sitting.
          this.titleInput().nativeElement.focus();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.generalErrors.set(
            showServerErrors(
              this.form,
              serverFormErrors(error, FIELDS, editing ? 'save the activity' : 'log the activity'),
            ),
          );
        },
      });
  }

  /** Uploads the certificate to the saved activity (the evidence endpoint); never fails the submit. */
  private attach(activity: CeActivity, file: File | null): Observable<CertificateOutcome> {
    if (!file) {
      return of({ attached: null });
    }
    return this.evidenceApi.upload({ kind: 'ce-activity', id: activity.id }, file).pipe(
      filter((event) => event.type === HttpEventType.Response),
      map((event) => ({ attached: event.body ?? null })),
      catchError((error: unknown) => of({ failed: uploadErrorMessage(error) })),
    );
  }

  /**
   * Empty, today's date, and no "required" errors: resetForm() also clears the form's
   * submitted state, which plain reset() keeps (Material shows errors of a submitted form).
   */
  private resetToEmpty(): void {
    this.certificate.set(null);
    this.certificateError.set(null);
    this.formDirective().resetForm({
      title: '',
      provider: '',
      completedOn: this.today(),
      hours: null,
      categories: [],
      otherCategories: [],
      credentialIds: [],
    });
  }

  private allCategories(): string[] {
    const value = this.form.getRawValue();
    return [...new Set([...value.categories, ...value.otherCategories])];
  }
}
