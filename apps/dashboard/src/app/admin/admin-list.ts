import type { ComponentType } from '@angular/cdk/portal';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import type { Observable } from 'rxjs';
import { LoadStatus } from '../shared/load-status/load-status';
import {
  type AdminDialogResult,
  confirmThenDelete,
  injectConfirm,
  injectNotify,
} from './admin-support';
import type { ConfirmDialogData } from './confirm-dialog';

/** One column of an admin list: its header and what a row shows in it. */
export interface AdminColumn<T> {
  /** the column's id (unique in the list) */
  key: string;
  header: string;
  /** numbers: right-aligned */
  numeric?: boolean;
  /** the cell's text */
  text?: (row: T) => string;
  /** one line per item, "None" when there is none */
  list?: (row: T) => readonly string[];
  /** a second line under the text, when there is one (a role's description) */
  detail?: (row: T) => string | null | undefined;
}

/**
 * An admin list page: its heading, the Add button, the reason the last delete failed, the
 * loading and error states, and a table whose first column heads each row and whose last
 * holds Edit (and Delete) for it. The page gives the columns and handles the buttons.
 */
@Component({
  selector: 'him-admin-list',
  imports: [MatButtonModule, MatTableModule, LoadStatus],
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
        <div class="table-scroll" role="region" [attr.aria-label]="label()" tabindex="0">
          <table mat-table [dataSource]="rows">
            <caption class="cdk-visually-hidden">
              {{
                caption()
              }}
            </caption>
            @if (rowHeader(); as header) {
              <ng-container [matColumnDef]="header.key">
                <th mat-header-cell *matHeaderCellDef scope="col">{{ header.header }}</th>
                <th
                  *matCellDef="let row"
                  scope="row"
                  class="row-header mat-mdc-cell mdc-data-table__cell"
                >
                  @if (header.detail) {
                    <span class="cell-value">{{ textOf(header, row) }}</span>
                    @if (header.detail(row); as detail) {
                      <span class="cell-detail">{{ detail }}</span>
                    }
                  } @else {
                    {{ textOf(header, row) }}
                  }
                </th>
              </ng-container>
            }
            @for (column of cellColumns(); track column.key) {
              <ng-container [matColumnDef]="column.key">
                <th mat-header-cell *matHeaderCellDef scope="col" [class.numeric]="column.numeric">
                  {{ column.header }}
                </th>
                <td mat-cell *matCellDef="let row" [class.numeric]="column.numeric">
                  @if (column.list) {
                    <ul class="plain-list">
                      @for (item of column.list(row); track $index) {
                        <li>{{ item }}</li>
                      } @empty {
                        <li>None</li>
                      }
                    </ul>
                  } @else {
                    {{ textOf(column, row) }}
                  }
                </td>
              </ng-container>
            }
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">Actions</th>
              <td mat-cell *matCellDef="let row">
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
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columnKeys()"></tr>
            <tr mat-row *matRowDef="let row; columns: columnKeys()"></tr>
          </table>
        </div>
      }
    }
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

  protected readonly errorTitle = computed(
    () => `${sentenceCase(this.what())} could not be loaded`,
  );
  protected readonly rowHeader = computed(() => this.columns()[0] ?? null);
  protected readonly cellColumns = computed(() => this.columns().slice(1));
  protected readonly columnKeys = computed(() => [
    ...this.columns().map((column) => column.key),
    'actions',
  ]);

  protected textOf(column: AdminColumn<T>, row: T): string {
    return column.text?.(row) ?? '';
  }
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
