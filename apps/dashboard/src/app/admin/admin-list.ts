import type { ComponentType } from '@angular/cdk/portal';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
  type TemplateRef,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { Observable } from 'rxjs';
import { DataTable, type TableColumn } from '../shared/data-table/data-table';
import { LoadStatus } from '../shared/load-status/load-status';
import {
  type AdminDialogResult,
  confirmThenDelete,
  injectConfirm,
  injectNotify,
} from './admin-support';
import type { ConfirmDialogData } from './confirm-dialog';

/** One column of an admin list: its header and what a row shows in it. */
export type AdminColumn<T> = Pick<
  TableColumn<T>,
  'key' | 'header' | 'numeric' | 'text' | 'list' | 'detail'
>;

/**
 * An admin list page: its heading, the Add button, the reason the last delete failed, the
 * loading and error states, and a table whose first column heads each row and whose last
 * holds Edit (and Delete) for it. The page gives the columns and handles the buttons.
 */
@Component({
  selector: 'him-admin-list',
  imports: [MatButtonModule, DataTable, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ heading() }}</h2>
    <div class="page-actions">
      <button mat-flat-button type="button" [disabled]="!ready()" (click)="add.emit()">
        {{ addLabel() }}
      </button>
    </div>
    @if (actionError(); as message) {
      <p class="action-error" role="alert">{{ message }}</p>
    }
    <him-load-status
      [what]="what()"
      [loading]="loading()"
      [error]="error()"
      (retry)="retry.emit()"
    />
    @if (items(); as rows) {
      @if (rows.length === 0) {
        <p class="empty-panel">{{ emptyText() }}</p>
      } @else {
        <him-data-table
          [rows]="rows"
          [columns]="tableColumns()"
          [label]="label()"
          [caption]="caption()"
        />
      }
    }
    <ng-template #actions let-row>
      <div class="row-actions">
        <button
          mat-stroked-button
          type="button"
          [disabled]="!ready()"
          [attr.aria-label]="'Edit ' + rowName()(row)"
          (click)="edit.emit(row)"
        >
          Edit
        </button>
        @if (deletable()) {
          <button
            mat-stroked-button
            type="button"
            [attr.aria-label]="'Delete ' + rowName()(row)"
            (click)="remove.emit(row)"
          >
            Delete
          </button>
        }
      </div>
    </ng-template>
  `,
  styleUrls: ['../shared/page.scss', './admin.scss'],
})
export class AdminList<T> {
  readonly heading = input.required<string>();
  /** what is listed, for the loading and error states: "the roles" */
  readonly what = input.required<string>();
  readonly addLabel = input.required<string>();
  /** false while what the dialogs need is still loading: Add and Edit wait for it */
  readonly ready = input(true);
  readonly loading = input.required<boolean>();
  readonly error = input<string | null>(null);
  /** the rows, null until loaded */
  readonly items = input.required<readonly T[] | null>();
  readonly emptyText = input.required<string>();
  /** the table's accessible name: "Roles" */
  readonly label = input.required<string>();
  /** the table's caption for screen readers: "Job roles and their requirements" */
  readonly caption = input.required<string>();
  /** the first column heads each row */
  readonly columns = input.required<readonly AdminColumn<T>[]>();
  /** what Edit and Delete name for a row: "Edit ICD-10-CM coding" */
  readonly rowName = input.required<(row: T) => string>();
  readonly deletable = input(true);
  /** why the last action failed (a record in use cannot be deleted) */
  readonly actionError = input<string | null>(null);

  readonly add = output<void>();
  readonly edit = output<T>();
  readonly remove = output<T>();
  readonly retry = output<void>();

  private readonly actionsCell = viewChild.required<TemplateRef<{ $implicit: T }>>('actions');
  /** the page's columns ("None" in an empty list), then Edit and Delete */
  protected readonly tableColumns = computed((): TableColumn<T>[] => [
    ...this.columns().map((column) => ({ empty: 'None', ...column })),
    { key: 'actions', header: 'Actions', template: this.actionsCell() },
  ]);
}

/**
 * What an admin list page does with its buttons: opens the add or edit dialog (and says what
 * was saved), asks before deleting (and says why a delete was refused). Must be created in an
 * injection context (a field initializer).
 */
export function injectAdminActions() {
  const dialog = inject(MatDialog);
  const notify = injectNotify();
  const confirm = injectConfirm();
  const actionError = signal<string | null>(null);

  return {
    /** why the last delete failed, for the list's alert */
    actionError: actionError.asReadonly(),

    /** Opens `component`; a save is announced with `savedMessage`, and a save or a stale version reloads. */
    openDialog<D, T>(
      component: ComponentType<unknown>,
      data: D,
      width: string,
      savedMessage: (saved: T) => string,
      reload: () => void,
    ): void {
      actionError.set(null);
      dialog
        .open<unknown, D, AdminDialogResult<T>>(component, { data, width, maxWidth: '95vw' })
        .afterClosed()
        .subscribe((result) => {
          if (result && 'saved' in result) {
            notify(savedMessage(result.saved));
          }
          if (result) {
            reload();
          }
        });
    },

    /** Asks `question`, then deletes; a refusal (409: in use) shows above the list. */
    remove(
      question: ConfirmDialogData,
      request: () => Observable<unknown>,
      action: string,
      deletedMessage: string,
      reload: () => void,
    ): void {
      actionError.set(null);
      confirmThenDelete(confirm, question, request, action, (failure) => {
        if (failure) {
          actionError.set(failure);
          return;
        }
        notify(deletedMessage);
        reload();
      });
    },
  };
}
