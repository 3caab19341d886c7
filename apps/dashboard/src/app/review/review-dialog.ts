import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CeReviewDecision } from '@him/contracts';

export interface ReviewDialogData {
  decision: CeReviewDecision;
  /** "“Coding Clinic Q2” by Miguel Álvarez" or "3 activities" */
  what: string;
}

/** What the dialog closes with when confirmed: the note (the reason, for a rejection). */
export interface ReviewDialogResult {
  note: string;
}

/**
 * Confirms an approval or rejection. A rejection needs a reason: the member is told it; an
 * approval's note is optional.
 */
@Component({
  selector: 'him-review-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ verb }} {{ data.what }}?</h2>
    <form [formGroup]="form" (ngSubmit)="confirmReview()">
      <mat-dialog-content>
        <p>
          @if (data.decision === 'approved') {
            Approved hours count towards the member's CE cycles.
          } @else {
            Rejected hours do not count. The member is told your reason.
          }
        </p>
        <mat-form-field class="note-field">
          <mat-label>{{ data.decision === 'approved' ? 'Note (optional)' : 'Reason' }}</mat-label>
          <textarea
            matInput
            formControlName="note"
            rows="3"
            maxlength="2000"
            [required]="data.decision === 'rejected'"
          ></textarea>
          <mat-hint>Kept on the activity and in the audit trail.</mat-hint>
          @if (form.controls.note.hasError('required') || form.controls.note.hasError('pattern')) {
            <mat-error>Say why the activity is rejected.</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit">{{ verb }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .note-field {
      width: 100%;
    }
  `,
})
export class ReviewDialog {
  protected readonly data = inject<ReviewDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ReviewDialog, ReviewDialogResult>>(MatDialogRef);

  protected readonly verb = this.data.decision === 'approved' ? 'Approve' : 'Reject';
  protected readonly form = new FormGroup({
    note: new FormControl('', {
      nonNullable: true,
      validators:
        this.data.decision === 'rejected' ? [Validators.required, Validators.pattern(/\S/)] : [],
    }),
  });

  protected confirmReview(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close({ note: this.form.controls.note.value.trim() });
  }
}
