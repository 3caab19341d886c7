import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Credential } from '@him/contracts';
import { CredentialsApi } from '../core/api/credentials-api';
import { type FormField, serverFormErrors, showServerErrors } from '../core/api/form-errors';
import { FormAlert } from '../shared/form-alert/form-alert';

export interface RevokeDialogData {
  credential: Credential;
  /** "CCS of Miguel Álvarez" */
  description: string;
}

const FIELDS: Record<string, FormField> = {
  reason: { label: 'Reason' },
  revokedOn: { label: 'Revoked on', control: 'reason' },
};

/** Revokes a credential with a reason; the record and its history stay (R4, R16). */
@Component({
  selector: 'him-revoke-dialog',
  imports: [
    FormAlert,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Revoke {{ data.description }}?</h2>
    <form [formGroup]="form" (ngSubmit)="revokeCredential()" novalidate>
      <mat-dialog-content class="stacked-form">
        <p>
          From today the credential no longer counts towards readiness or CE. It stays on record
          with the reason, and the change is kept in the audit trail.
        </p>
        <him-form-alert [messages]="generalErrors()" />
        <mat-form-field>
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="2000" required></textarea>
          @if (
            form.controls.reason.hasError('required') || form.controls.reason.hasError('pattern')
          ) {
            <mat-error>Say why the credential is revoked.</mat-error>
          } @else if (form.controls.reason.hasError('server')) {
            <mat-error>{{ form.controls.reason.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Revoking…' : 'Revoke credential' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../shared/forms.scss',
})
export class RevokeDialog {
  protected readonly data = inject<RevokeDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RevokeDialog, Credential>>(MatDialogRef);
  private readonly credentialsApi = inject(CredentialsApi);

  protected readonly saving = signal(false);
  protected readonly generalErrors = signal<string[]>([]);
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/)],
    }),
  });

  protected revokeCredential(): void {
    this.generalErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.credentialsApi
      .revoke(this.data.credential.id, this.form.controls.reason.value.trim())
      .subscribe({
        next: (revoked) => this.dialogRef.close(revoked),
        error: (error: unknown) => {
          this.saving.set(false);
          this.generalErrors.set(
            showServerErrors(this.form, serverFormErrors(error, FIELDS, 'revoke the credential')),
          );
        },
      });
  }
}
