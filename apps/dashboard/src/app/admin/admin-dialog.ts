import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { FormGroupDirective, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Observable } from 'rxjs';
import { AdminApi, type CatalogResource } from '../core/api/admin-api';
import type { FormField } from '../core/api/form-errors';
import { changedFields, type FieldSameness } from '../core/forms/changed-fields';
import { fieldError, SaveState } from './admin-support';
import { FormAlert } from './form-alert';

/**
 * The frame of every admin add/edit dialog, inside its `<form>`: the title, the alert for what
 * a failed save says beyond the fields (with Reload for a stale version), the dialog's fields
 * (projected) and Cancel / Save. The dialog's form has `[formGroup]` and `(ngSubmit)` and, on
 * submit, hands its request to `save()`, which closes the dialog with the saved record:
 *
 *     <form [formGroup]="form" (ngSubmit)="saveSkill()" novalidate>
 *       <him-admin-dialog [heading]="..." [submitLabel]="skill ? 'Save changes' : 'Add skill'">
 *         …fields…
 */
@Component({
  selector: 'him-admin-dialog',
  imports: [MatButtonModule, MatDialogModule, FormAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ heading() }}</h2>
    <mat-dialog-content class="stacked-form">
      <him-form-alert
        [messages]="state.generalErrors()"
        [staleVersion]="state.staleVersion()"
        (reload)="reloadStaleRecord()"
      />
      <ng-content />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="submit" [disabled]="state.saving()">
        {{ state.saving() ? 'Saving…' : submitLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: './admin-dialog.scss',
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class AdminDialog {
  private readonly dialogRef = inject(MatDialogRef);
  private readonly form = inject(FormGroupDirective);

  readonly heading = input.required<string>();
  readonly submitLabel = input.required<string>();
  protected readonly state = new SaveState();

  /**
   * Checks the form, sends `request()`, puts the API's 400 lines at their `fields` and the
   * rest above the form; closes with the saved record. `action` names it: "save the skill".
   */
  save<T>(request: () => Observable<T>, fields: Record<string, FormField>, action: string): void {
    this.state.save(this.form.form, request, fields, action, (saved) =>
      this.dialogRef.close({ saved }),
    );
  }

  /**
   * Adds `body` to `resource`, or, editing `record`, sends only the fields that changed with
   * the version read (API.md). `noun` names it in errors: "could not save the skill".
   */
  saveRecord<T extends { id: string; version: number }, C extends object>(
    resource: CatalogResource<T, C>,
    record: T | undefined,
    body: C,
    fields: Record<string, FormField>,
    noun: string,
    options: { key?: string; same?: FieldSameness<C> } = {},
  ): void {
    this.save(
      () =>
        record
          ? resource.update(options.key ?? record.id, {
              version: record.version,
              ...changedFields(body, record, options.same),
            })
          : resource.create(body),
      fields,
      `${record ? 'save' : 'add'} the ${noun}`,
    );
  }

  /** A stale version (409): close, and let the list load the record again. */
  protected reloadStaleRecord(): void {
    this.dialogRef.close({ reload: true });
  }
}

/** What the templates of the admin dialogs use: reactive forms, Material fields and buttons, the frame. */
export const ADMIN_DIALOG_IMPORTS = [
  ReactiveFormsModule,
  MatButtonModule,
  MatFormFieldModule,
  MatInputModule,
  MatSelectModule,
  AdminDialog,
] as const;

/**
 * What every admin add/edit dialog starts from: the data it was opened with (`D`), the admin
 * API, the sentence under a field (`err`) and its frame, whose `saveRecord()` sends the form.
 */
@Directive()
export abstract class AdminRecordDialog<D> {
  protected readonly data = inject<D>(MAT_DIALOG_DATA);
  protected readonly adminApi = inject(AdminApi);
  protected readonly err = fieldError;
  protected readonly frame = viewChild.required(AdminDialog);
}
