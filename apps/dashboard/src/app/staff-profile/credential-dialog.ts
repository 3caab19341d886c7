import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  Credential,
  CredentialType,
  IsoDate,
  VerificationMethod,
  VerificationRequest,
} from '@him/contracts';
import type { Observable } from 'rxjs';
import { CredentialsApi } from '../core/api/credentials-api';
import { type FormField, serverFormErrors, showServerErrors } from '../core/api/form-errors';
import { changedFields } from '../core/forms/changed-fields';
import { keepDraft } from '../core/forms/form-drafts';
import { calendarDate, notAfterDate } from '../shared/form-validators';
import { FormAlert } from '../shared/form-alert/form-alert';

export interface CredentialDialogData {
  staffId: string;
  staffName: string;
  credentialTypes: CredentialType[];
  /** today in the department's time zone */
  today: IsoDate;
  /** absent: add a new credential */
  credential?: Credential;
  /** may the caller record a verification (never of their own credential)? false hides it */
  mayVerify: boolean;
}

/** What the dialog closes with: the saved credential, or a request to reload stale data. */
export type CredentialDialogResult = { saved: Credential } | { reload: true };

const FIELDS: Record<string, FormField> = {
  credentialTypeId: { label: 'Credential type' },
  number: { label: 'Number' },
  issuedOn: { label: 'Issued on' },
  expiresOn: { label: 'Expires on' },
  'verification.method': { label: 'Verification', control: 'verificationMethod' },
  'verification.verifiedOn': { label: 'Verified on', control: 'verifiedOn' },
  'verification.reference': { label: 'Source or reference', control: 'verificationReference' },
  verification: { label: 'Verification', control: 'verificationMethod' },
  note: { label: 'Reason for the change' },
};

type VerificationChoice = VerificationMethod | 'none';

/** Adds a credential to a member, or edits one (sending the version read: R16, API.md). */
@Component({
  selector: 'him-credential-dialog',
  imports: [
    FormAlert,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="saveCredential()" novalidate>
      <mat-dialog-content class="stacked-form">
        <him-form-alert
          [messages]="generalErrors()"
          [staleVersion]="staleVersion()"
          reloadLabel="Reload credentials"
          (reload)="reloadStaleCredential()"
        />

        <mat-form-field>
          <mat-label>Credential type</mat-label>
          <mat-select formControlName="credentialTypeId" required>
            @for (type of sortedTypes(); track type.id) {
              <mat-option [value]="type.id"
                >{{ type.code }} — {{ type.name }} ({{ type.issuingBody }})</mat-option
              >
            }
          </mat-select>
          @if (editing) {
            <mat-hint>The type of a credential cannot change; revoke it and add another.</mat-hint>
          }
          @if (form.controls.credentialTypeId.hasError('required')) {
            <mat-error>Choose the credential type.</mat-error>
          } @else if (form.controls.credentialTypeId.hasError('server')) {
            <mat-error>{{ form.controls.credentialTypeId.getError('server') }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Number (optional)</mat-label>
          <input matInput formControlName="number" maxlength="100" autocomplete="off" />
          @if (form.controls.number.hasError('server')) {
            <mat-error>{{ form.controls.number.getError('server') }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Issued on</mat-label>
          <input matInput type="date" formControlName="issuedOn" required />
          @if (form.controls.issuedOn.hasError('required')) {
            <mat-error>Enter the date it was issued.</mat-error>
          } @else if (form.controls.issuedOn.hasError('calendarDate')) {
            <mat-error>Enter a real date.</mat-error>
          } @else if (form.controls.issuedOn.hasError('server')) {
            <mat-error>{{ form.controls.issuedOn.getError('server') }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field>
          <mat-label>Expires on (optional)</mat-label>
          <input matInput type="date" formControlName="expiresOn" />
          <mat-hint>Leave empty for a credential that does not expire.</mat-hint>
          @if (form.controls.expiresOn.hasError('calendarDate')) {
            <mat-error>Enter a real date.</mat-error>
          } @else if (form.controls.expiresOn.hasError('beforeIssued')) {
            <mat-error>The expiry date must be on or after the issue date.</mat-error>
          } @else if (form.controls.expiresOn.hasError('server')) {
            <mat-error>{{ form.controls.expiresOn.getError('server') }}</mat-error>
          }
        </mat-form-field>

        @if (data.mayVerify) {
          <mat-form-field>
            <mat-label>Verification</mat-label>
            <mat-select formControlName="verificationMethod">
              <mat-option value="none">Not verified</mat-option>
              <mat-option value="primary-source">Primary source</mat-option>
              <mat-option value="certificate-copy">Copy of certificate</mat-option>
            </mat-select>
            <mat-hint>You are recorded as the verifier.</mat-hint>
            @if (form.controls.verificationMethod.hasError('server')) {
              <mat-error>{{ form.controls.verificationMethod.getError('server') }}</mat-error>
            }
          </mat-form-field>

          @if (form.controls.verificationMethod.value !== 'none') {
            <mat-form-field>
              <mat-label>Verified on</mat-label>
              <input
                matInput
                type="date"
                formControlName="verifiedOn"
                [max]="data.today"
                required
              />
              @if (form.controls.verifiedOn.hasError('required')) {
                <mat-error>Enter the date of the verification.</mat-error>
              } @else if (form.controls.verifiedOn.hasError('notAfter')) {
                <mat-error>The date cannot be in the future.</mat-error>
              } @else if (form.controls.verifiedOn.hasError('server')) {
                <mat-error>{{ form.controls.verifiedOn.getError('server') }}</mat-error>
              }
            </mat-form-field>

            <mat-form-field>
              <mat-label>Source or reference (optional)</mat-label>
              <input
                matInput
                formControlName="verificationReference"
                maxlength="500"
                data-testid="verification-reference"
              />
              <mat-hint
                >The lookup address or the confirmation number the issuing body gave.</mat-hint
              >
              @if (form.controls.verificationReference.hasError('server')) {
                <mat-error>{{ form.controls.verificationReference.getError('server') }}</mat-error>
              }
            </mat-form-field>
          }
        } @else {
          <p class="verification-note" data-testid="no-verification">
            Another manager records the verification: nobody verifies their own credential.
          </p>
        }

        @if (editing) {
          <mat-form-field>
            <mat-label>Reason for the change (optional)</mat-label>
            <input matInput formControlName="note" maxlength="2000" />
            <mat-hint>Kept in the audit trail.</mat-hint>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : editing ? 'Save changes' : 'Add credential' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../shared/forms.scss',
})
export class CredentialDialog {
  protected readonly data = inject<CredentialDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<CredentialDialog, CredentialDialogResult>>(MatDialogRef);
  private readonly credentialsApi = inject(CredentialsApi);

  protected readonly editing = this.data.credential !== undefined;
  protected readonly title = this.editing
    ? `Edit credential of ${this.data.staffName}`
    : `Add a credential for ${this.data.staffName}`;
  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<string[]>([]);
  protected readonly staleVersion = signal(false);
  protected readonly sortedTypes = computed(() =>
    [...this.data.credentialTypes].sort((a, b) => a.code.localeCompare(b.code)),
  );

  private readonly issuedOn = new FormControl(this.data.credential?.issuedOn ?? '', {
    nonNullable: true,
    validators: [Validators.required, calendarDate],
  });
  protected readonly form = new FormGroup({
    credentialTypeId: new FormControl(
      { value: this.data.credential?.credentialTypeId ?? '', disabled: this.editing },
      { nonNullable: true, validators: [Validators.required] },
    ),
    number: new FormControl(this.data.credential?.number ?? '', { nonNullable: true }),
    issuedOn: this.issuedOn,
    expiresOn: new FormControl(this.data.credential?.expiresOn ?? '', {
      nonNullable: true,
      validators: [calendarDate, notBefore(() => this.issuedOn.value)],
    }),
    verificationMethod: new FormControl<VerificationChoice>(
      this.data.credential?.verification?.method ?? 'none',
      { nonNullable: true },
    ),
    verifiedOn: new FormControl(this.data.credential?.verification?.verifiedOn ?? this.data.today, {
      nonNullable: true,
      validators: [notAfterDate(() => this.data.today)],
    }),
    verificationReference: new FormControl(this.data.credential?.verification?.reference ?? '', {
      nonNullable: true,
    }),
    note: new FormControl('', { nonNullable: true }),
  });

  /** What was typed survives an expired session: per member, and per credential when editing. */
  private readonly draft = keepDraft(
    this.form,
    `credential.${this.data.staffId}.${this.data.credential?.id ?? 'new'}`,
    inject(DestroyRef),
  );

  constructor() {
    // The expiry date is checked against the issue date, so it is checked again when that changes.
    this.issuedOn.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.expiresOn.updateValueAndValidity());
  }

  protected saveCredential(): void {
    this.generalErrors.set([]);
    this.staleVersion.set(false);
    const verifiedOn = this.form.controls.verifiedOn;
    if (this.form.controls.verificationMethod.value !== 'none' && !verifiedOn.value) {
      verifiedOn.setErrors({ required: true });
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.request().subscribe({
      next: (saved) => {
        this.draft.discard();
        this.dialogRef.close({ saved });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const errors = serverFormErrors(
          error,
          FIELDS,
          this.editing ? 'save the changes' : 'add the credential',
        );
        this.staleVersion.set(errors.staleVersion);
        this.generalErrors.set(showServerErrors(this.form, errors));
      },
    });
  }

  protected reloadStaleCredential(): void {
    this.dialogRef.close({ reload: true });
  }

  private request(): Observable<Credential> {
    const value = this.form.getRawValue();
    const verification: VerificationRequest | null =
      value.verificationMethod === 'none'
        ? null
        : {
            method: value.verificationMethod,
            verifiedOn: value.verifiedOn,
            reference: value.verificationReference.trim() || null,
          };
    const number = value.number.trim() || null;
    const expiresOn = value.expiresOn || null;
    const credential = this.data.credential;
    if (!credential) {
      return this.credentialsApi.add(this.data.staffId, {
        credentialTypeId: value.credentialTypeId,
        number,
        issuedOn: value.issuedOn,
        expiresOn,
        verification,
      });
    }
    // Only what changed, so an unchanged verification keeps its original verifier.
    const change = {
      version: credential.version,
      ...changedFields({ number, issuedOn: value.issuedOn, expiresOn, verification }, credential, {
        verification: sameVerification,
      }),
      ...(value.note.trim() ? { note: value.note.trim() } : {}),
    };
    return this.credentialsApi.update(credential.id, change);
  }
}

/**
 * The same way of verifying on the same day, from the same source (who verified is not the
 * form's to change).
 */
function sameVerification(
  verification: VerificationRequest | null | undefined,
  recorded: unknown,
): boolean {
  const before = recorded as Credential['verification'];
  return verification && before
    ? verification.method === before.method &&
        verification.verifiedOn === before.verifiedOn &&
        (verification.reference ?? null) === (before.reference ?? null)
    : !verification === !before;
}

/** On or after `earliest()` (expiresOn on or after issuedOn: the API refuses it otherwise). */
function notBefore(earliest: () => string | undefined): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const start = earliest();
    return start && control.value && control.value < start ? { beforeIssued: true } : null;
  };
}
