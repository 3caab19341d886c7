import { inject, signal } from '@angular/core';
import { type AbstractControl, FormArray, FormGroup } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { filter, type Observable, switchMap } from 'rxjs';
import { type FormField, serverFormErrors, showServerErrors } from '../core/api/form-errors';
import { ConfirmDialog, type ConfirmDialogData } from './confirm-dialog';

/** What an admin dialog closes with: the saved record, or a request to reload stale data. */
export type AdminDialogResult<T> = { saved: T } | { reload: true };

/**
 * The sentence to show under a field, or null: the control's own validation first, then the
 * API's line (`server`). `messages` names the validators' sentences by error key.
 */
export function fieldError(
  control: AbstractControl | null,
  messages: Record<string, string> = {},
): string | null {
  if (!control || !control.errors || !control.touched) {
    return null;
  }
  for (const key of Object.keys(control.errors)) {
    if (key !== 'server' && messages[key]) {
      return messages[key];
    }
  }
  if (control.hasError('server')) {
    return control.getError('server') as string;
  }
  if (control.hasError('required')) {
    return 'Fill in this field.';
  }
  if (control.hasError('min')) {
    return `Must be at least ${control.getError('min').min}.`;
  }
  if (control.hasError('max')) {
    return `Must be at most ${control.getError('max').max}.`;
  }
  return 'Check this value.';
}

/**
 * The saving state of an admin form: disables submit while saving, puts the API's 400 lines at
 * their fields and the rest above the form, and recognises a stale version (409).
 */
export class SaveState {
  readonly saving = signal(false);
  readonly generalErrors = signal<string[]>([]);
  readonly staleVersion = signal(false);

  save<T>(
    form: FormGroup,
    request: () => Observable<T>,
    fields: Record<string, FormField>,
    action: string,
    saved: (value: T) => void,
  ): void {
    this.generalErrors.set([]);
    this.staleVersion.set(false);
    revalidate(form);
    if (form.invalid) {
      form.markAllAsTouched();
      this.generalErrors.set(['Check the highlighted fields.']);
      return;
    }
    this.saving.set(true);
    request().subscribe({
      next: (value) => {
        this.saving.set(false);
        saved(value);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const errors = serverFormErrors(error, fields, action);
        this.staleVersion.set(errors.staleVersion);
        this.generalErrors.set(showServerErrors(form, errors));
      },
    });
  }
}

/**
 * Runs every validator again, deepest first: a field that a row's kind hid (and whose `required`
 * directive went with it) must not keep the error it had while it was shown.
 */
function revalidate(control: AbstractControl): void {
  if (control instanceof FormGroup || control instanceof FormArray) {
    Object.values(control.controls).forEach(revalidate);
  }
  control.updateValueAndValidity({ emitEvent: false, onlySelf: true });
}

/** Tells the admin that a change was saved (a polite live region, gone after a few seconds). */
export function injectNotify(): (message: string) => void {
  const snackBar = inject(MatSnackBar);
  return (message) => {
    snackBar.open(message, 'Close', { duration: 6000, politeness: 'polite' });
  };
}

/** Asks before deleting; emits once when the admin confirms. */
export function injectConfirm(): (data: ConfirmDialogData) => Observable<true> {
  const dialog = inject(MatDialog);
  return (data) =>
    dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data,
        width: '440px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((confirmed): confirmed is true => confirmed === true));
}

/** A failed delete in words; a 409 (in use) says where the record is used. */
export function deleteFailure(error: unknown, action: string): string {
  return serverFormErrors(error, {}, action).general.join(' ');
}

/** Confirms, then deletes; `done` gets null on success or the reason it failed. */
export function confirmThenDelete(
  confirm: (data: ConfirmDialogData) => Observable<true>,
  data: ConfirmDialogData,
  request: () => Observable<unknown>,
  action: string,
  done: (failure: string | null) => void,
): void {
  confirm(data)
    .pipe(switchMap(() => request()))
    .subscribe({
      next: () => done(null),
      error: (error: unknown) => done(deleteFailure(error, action)),
    });
}
