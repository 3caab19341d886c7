import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Credential, CredentialType, IsoDate, TeamManagerContact } from '@him/contracts';
import { credentialAddersInWords } from '@him/domain';
import { CredentialsApi } from '../core/api/credentials-api';
import { type FormField, serverFormErrors, showServerErrors } from '../core/api/form-errors';
import { calendarDate, notAfterDate } from '../shared/form-validators';
import { FormAlert } from '../shared/form-alert/form-alert';

const FIELDS: Record<string, FormField> = {
  credentialTypeId: { label: 'Credential type' },
  number: { label: 'Number' },
  issuedOn: { label: 'Issued on' },
  expiresOn: { label: 'Expires on' },
};

let nextId = 0;

/**
 * A member adds a credential they newly earned to their own record: type, number, issued and
 * expires. It is stored unverified and waits for a manager's verification. Where the
 * department's managers add credentials (its setting), the form is replaced by whom to ask.
 */
@Component({
  selector: 'him-own-credential-form',
  imports: [
    FormAlert,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!allowed()) {
      <p class="ask-whom" data-testid="ask-whom">{{ askWhom() }}</p>
    } @else if (!open()) {
      <button mat-stroked-button type="button" (click)="show()">Add a credential you earned</button>
      <div role="status" class="status-region">
        @if (lastAdded(); as message) {
          <p class="form-success">{{ message }}</p>
        }
      </div>
    } @else {
      <form
        class="stacked-form"
        [id]="formId"
        [formGroup]="form"
        (ngSubmit)="addCredential()"
        novalidate
        aria-labelledby="own-credential-heading"
      >
        <h3 class="subheading" id="own-credential-heading">Add a credential you earned</h3>
        <p class="field-hint">
          It shows as unverified until your manager checks it with the issuing body.
        </p>
        <him-form-alert [messages]="generalErrors()" />
        <mat-form-field>
          <mat-label>Credential type</mat-label>
          <mat-select formControlName="credentialTypeId" required>
            @for (type of sortedTypes(); track type.id) {
              <mat-option [value]="type.id"
                >{{ type.code }} — {{ type.name }} ({{ type.issuingBody }})</mat-option
              >
            }
          </mat-select>
          @if (form.controls.credentialTypeId.hasError('required')) {
            <mat-error>Choose the credential type.</mat-error>
          } @else if (form.controls.credentialTypeId.hasError('server')) {
            <mat-error>{{ form.controls.credentialTypeId.getError('server') }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Number (optional)</mat-label>
          <input matInput formControlName="number" maxlength="100" autocomplete="off" />
          <mat-hint>The certificate or member number the issuing body gave.</mat-hint>
          @if (form.controls.number.hasError('server')) {
            <mat-error>{{ form.controls.number.getError('server') }}</mat-error>
          }
        </mat-form-field>

        <div class="pair">
          <mat-form-field>
            <mat-label>Issued on</mat-label>
            <input matInput type="date" formControlName="issuedOn" [max]="today()" required />
            @if (form.controls.issuedOn.hasError('required')) {
              <mat-error>Enter the date it was issued.</mat-error>
            } @else if (form.controls.issuedOn.hasError('calendarDate')) {
              <mat-error>Enter a real date.</mat-error>
            } @else if (form.controls.issuedOn.hasError('notAfter')) {
              <mat-error>The date cannot be in the future (today is {{ today() }}).</mat-error>
            } @else if (form.controls.issuedOn.hasError('server')) {
              <mat-error>{{ form.controls.issuedOn.getError('server') }}</mat-error>
            }
          </mat-form-field>

          <mat-form-field>
            <mat-label>Expires on (optional)</mat-label>
            <input matInput type="date" formControlName="expiresOn" />
            <mat-hint>Leave empty if it does not expire.</mat-hint>
            @if (form.controls.expiresOn.hasError('calendarDate')) {
              <mat-error>Enter a real date.</mat-error>
            } @else if (form.controls.expiresOn.hasError('beforeIssued')) {
              <mat-error>The expiry date must be on or after the issue date.</mat-error>
            } @else if (form.controls.expiresOn.hasError('server')) {
              <mat-error>{{ form.controls.expiresOn.getError('server') }}</mat-error>
            }
          </mat-form-field>
        </div>

        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="saving()">
            {{ saving() ? 'Adding…' : 'Add credential' }}
          </button>
          <button mat-button type="button" (click)="hide()">Cancel</button>
        </div>
      </form>
    }
  `,
  styleUrl: '../shared/forms.scss',
  styles: `
    :host {
      display: block;
      margin-top: 16px;
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 200px), 1fr));
      gap: 8px 16px;
    }
    .ask-whom {
      margin: 0;
    }
    .status-region:empty {
      display: none;
    }
  `,
})
export class OwnCredentialForm {
  private readonly credentialsApi = inject(CredentialsApi);
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly formDirective = viewChild(FormGroupDirective);

  readonly staffId = input.required<string>();
  /** today in the department's time zone: the latest issue date */
  readonly today = input.required<IsoDate>();
  readonly credentialTypes = input<CredentialType[]>([]);
  /** the department's setting: staff may add the credentials they earn */
  readonly allowed = input(true);
  /** the managers of the member's team, whom to ask where staff may not add credentials; null: not known (yet) */
  readonly managers = input<TeamManagerContact[] | null>(null);

  readonly added = output<Credential>();

  protected readonly formId = `own-credential-form-${nextId++}`;
  protected readonly open = signal(false);
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<string[]>([]);
  protected readonly lastAdded = signal<string | null>(null);
  protected readonly sortedTypes = computed(() =>
    [...this.credentialTypes()].sort((a, b) => a.code.localeCompare(b.code)),
  );
  protected readonly askWhom = computed(() => {
    const managers = this.managers();
    const names = (managers ?? []).map((manager) => manager.name);
    const whom = managers === null ? 'your manager' : credentialAddersInWords(names);
    return `In your department, managers add credentials. When you earn a new one, ask ${whom} to add it, with a copy of the certificate.`;
  });

  private readonly issuedOn = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, calendarDate, notAfterDate(() => this.today())],
  });
  protected readonly form = new FormGroup({
    credentialTypeId: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    number: new FormControl('', { nonNullable: true }),
    issuedOn: this.issuedOn,
    expiresOn: new FormControl('', {
      nonNullable: true,
      validators: [calendarDate, (control) => this.notBeforeIssued(control)],
    }),
  });

  constructor() {
    this.issuedOn.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.expiresOn.updateValueAndValidity());
  }

  protected show(): void {
    this.lastAdded.set(null);
    this.open.set(true);
  }

  protected hide(): void {
    this.generalErrors.set([]);
    this.formDirective()?.resetForm();
    this.open.set(false);
  }

  protected addCredential(): void {
    this.generalErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.credentialsApi
      .selfReport(this.staffId(), {
        credentialTypeId: value.credentialTypeId,
        number: value.number.trim() || null,
        issuedOn: value.issuedOn,
        expiresOn: value.expiresOn || null,
      })
      .subscribe({
        next: (credential) => {
          this.saving.set(false);
          const type = this.credentialTypes().find((t) => t.id === credential.credentialTypeId);
          const message = `Added ${type?.code ?? 'the credential'}: it shows as unverified until your manager verifies it.`;
          this.lastAdded.set(message);
          this.formDirective()?.resetForm();
          this.open.set(false);
          this.added.emit(credential);
          void this.liveAnnouncer.announce(message, 'polite');
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.generalErrors.set(
            showServerErrors(this.form, serverFormErrors(error, FIELDS, 'add the credential')),
          );
        },
      });
  }

  private notBeforeIssued(control: AbstractControl): ValidationErrors | null {
    const issued = this.issuedOn?.value;
    const value = control.value as string;
    return value && issued && value < issued ? { beforeIssued: true } : null;
  }
}
