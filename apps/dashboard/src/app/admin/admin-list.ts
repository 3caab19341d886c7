import type { ComponentType } from '@angular/cdk/portal';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  type TemplateRef,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { Observable } from 'rxjs';
import { createLoader, type Loader } from '../core/api/loader';
import { DataTable, type TableColumn } from '../shared/data-table/data-table';
import { LoadStatus } from '../shared/load-status/load-status';
import {
  type AdminDialogResult,
  confirmThenDelete,
  injectConfirm,
  injectNotify,
} from './admin-support';
import type { ConfirmDialogData } from './confirm-dialog';
import { RowActions } from './row-actions';

/** One column of an admin list: its header and what a row shows in it. */
export type AdminColumn<T> = Pick<
  TableColumn<T>,
  'key' | 'header' | 'numeric' | 'text' | 'list' | 'detail'
>;

/** What an admin list page says about its records and how it loads, edits and deletes them. */
export interface AdminListOptions<T, D> {
  /** one record in words, whose plural takes an s: "role", "CE rule", "account" */
  noun: string;
  /** the heading, when it is not the plural: "Users" over the accounts */
  heading?: string;
  /** the table's caption for screen readers: "Job roles and their requirements" */
  caption: string;
  /** what an empty list says; by default "No roles yet. Add the first one." */
  emptyText?: string;
  /** the records; `remove` (by `key`, the id unless said) when they can be deleted */
  records: { list(): Observable<T[]>; remove?(key: string): Observable<unknown> };
  key?: (row: T) => string;
  /** what the dialogs need beside the records: loaded with them, and Add and Edit wait for it */
  needs?: readonly Loader<unknown>[];
  /** the first column heads each row */
  columns: () => AdminColumn<T>[];
  /** what Edit and Delete name for a row: "Edit ICD-10-CM coding" */
  rowName: (row: T) => string;
  /** the record in a sentence ("role Coder saved."); by default the noun and the row's name */
  recordName?: (row: T) => string;
  /** the add/edit dialog, its width and its data for a row (none: add) */
  dialog: { component: ComponentType<unknown>; width: string; data: (row?: T) => D };
  /** why a delete may be refused, said before it: "A role that staff members hold …" */
  deleteWarning?: string | ((row: T) => string);
  /** the delete question, when it is not "Delete role Coder?" */
  deleteQuestion?: (row: T) => string;
}

/** An admin list page's state and buttons, as `AdminList` shows them; see `adminListPage`. */
export type AdminListPage<T> = ReturnType<typeof adminListPage<T, unknown>>;

/**
 * The state and buttons of an admin list page: the records and what the dialogs need, the
 * wording made from the noun ("Add role", "Role Coder saved.", "Delete role Coder?"), the add
 * and edit dialogs and the delete. Must be created in an injection context (a field initializer).
 */
export function adminListPage<T, D>(options: AdminListOptions<T, D>) {
  const plural = `${options.noun}s`;
  const label = plural.charAt(0).toUpperCase() + plural.slice(1);
  const what = `the ${plural}`;
  const actions = injectAdminActions();
  const records = createLoader(() => options.records.list(), what);
  const loaders = [records, ...(options.needs ?? [])];
  const needs = options.needs ?? [];
  const remove = options.records.remove?.bind(options.records);
  const keyOf = options.key ?? ((row: T) => (row as { id: string }).id);
  const recordName = options.recordName ?? ((row: T) => `${options.noun} ${options.rowName(row)}`);
  const sentence = (row: T, ending: string) => {
    const name = recordName(row);
    return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${ending}.`;
  };
  const reload = () => loaders.forEach((loader) => loader.load());
  const open = (row?: T) =>
    actions.openDialog<D, T>(
      options.dialog.component,
      options.dialog.data(row),
      options.dialog.width,
      (saved) => sentence(saved, row ? 'saved' : 'added'),
      () => records.load(),
    );
  reload();

  return {
    heading: options.heading ?? label,
    what,
    addLabel: `Add ${options.noun}`,
    label,
    caption: options.caption,
    emptyText: options.emptyText ?? `No ${plural} yet. Add the first one.`,
    items: records.value,
    ready: computed(() => needs.every((loader) => loader.value() !== null)),
    loading: computed(() => loaders.some((loader) => loader.loading())),
    error: computed(() => loaders.map((loader) => loader.error()).find((error) => error) ?? null),
    columns: computed(options.columns),
    rowName: options.rowName,
    deletable: remove !== undefined,
    actionError: actions.actionError,
    reload,
    add: () => open(),
    edit: (row: T) => open(row),
    remove: (row: T) =>
      remove &&
      actions.remove(
        {
          title: options.deleteQuestion?.(row) ?? `Delete ${recordName(row)}?`,
          message:
            typeof options.deleteWarning === 'function'
              ? options.deleteWarning(row)
              : (options.deleteWarning ?? ''),
          confirmLabel: `Delete ${options.noun}`,
        },
        () => remove(keyOf(row)),
        `delete the ${options.noun}`,
        sentence(row, 'deleted'),
        () => records.load(),
      ),
  };
}

/**
 * An admin list page: its heading, the Add button, the reason the last delete failed, the
 * loading and error states, and a table whose first column heads each row and whose last
 * holds Edit (and Delete) for it. `adminListPage()` makes what it shows.
 */
@Component({
  selector: 'him-admin-list',
  imports: [MatButtonModule, DataTable, LoadStatus, RowActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let list = page();
    <h2>{{ list.heading }}</h2>
    <div class="page-actions">
      <button mat-flat-button type="button" [disabled]="!list.ready()" (click)="list.add()">
        {{ list.addLabel }}
      </button>
    </div>
    @if (list.actionError(); as message) {
      <p class="action-error" role="alert">{{ message }}</p>
    }
    <him-load-status
      [what]="list.what"
      [loading]="list.loading()"
      [error]="list.error()"
      (retry)="list.reload()"
    />
    @if (list.items(); as rows) {
      @if (rows.length === 0) {
        <p class="empty-panel">{{ list.emptyText }}</p>
      } @else {
        <him-data-table
          [rows]="rows"
          [columns]="tableColumns()"
          [label]="list.label"
          [caption]="list.caption"
        />
      }
    }
    <ng-template #actions let-row>
      <him-row-actions
        [name]="list.rowName(row)"
        [ready]="list.ready()"
        [deletable]="list.deletable"
        (edit)="list.edit(row)"
        (remove)="list.remove(row)"
      />
    </ng-template>
  `,
  styleUrls: ['../shared/page.scss', './admin.scss'],
})
export class AdminList<T> {
  readonly page = input.required<AdminListPage<T>>();

  private readonly actionsCell = viewChild.required<TemplateRef<{ $implicit: T }>>('actions');
  /** the page's columns ("None" in an empty list), then Edit and Delete */
  protected readonly tableColumns = computed((): TableColumn<T>[] => [
    ...this.page()
      .columns()
      .map((column) => ({ empty: 'None', ...column })),
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
