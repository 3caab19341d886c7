import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { ImportPreviewItem, ImportResult } from '@him/contracts';

/** Counts, problems by line and the first changes of a dry run or a commit. */
@Component({
  selector: 'him-import-result',
  imports: [MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="counts">
      @for (count of counts(); track count.label) {
        <div class="count" [class.count--problem]="count.problem && count.value > 0">
          <dt>{{ count.label }}</dt>
          <dd>{{ count.value }}</dd>
        </div>
      }
    </dl>

    @if (result().errors.length > 0) {
      <h3>Problems</h3>
      @if (result().errorCount > result().errors.length) {
        <p class="note">
          Showing the first {{ result().errors.length }} of {{ result().errorCount }} problems.
        </p>
      }
      <div class="table-scroll" role="region" aria-label="Problems in the file" tabindex="0">
        <table mat-table [dataSource]="result().errors" class="errors-table">
          <caption class="cdk-visually-hidden">
            Problems in the file, by line (the header is line 1)
          </caption>
          <ng-container matColumnDef="line">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Line</th>
            <td mat-cell *matCellDef="let error" class="numeric">{{ error.line }}</td>
          </ng-container>
          <ng-container matColumnDef="field">
            <th mat-header-cell *matHeaderCellDef scope="col">Column</th>
            <td mat-cell *matCellDef="let error">{{ error.field }}</td>
          </ng-container>
          <ng-container matColumnDef="message">
            <th mat-header-cell *matHeaderCellDef scope="col">Problem</th>
            <td mat-cell *matCellDef="let error">{{ error.message }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="errorColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: errorColumns"></tr>
        </table>
      </div>
    }

    @if (result().preview.length > 0) {
      <h3>{{ dryRun() ? 'Changes the import will make' : 'Changes made' }}</h3>
      @if (result().create + result().update > result().preview.length) {
        <p class="note">
          The first {{ result().preview.length }} of {{ result().create + result().update }}.
        </p>
      }
      <div class="table-scroll" role="region" aria-label="Changes" tabindex="0">
        <table mat-table [dataSource]="result().preview" class="preview-table">
          <caption class="cdk-visually-hidden">
            {{
              dryRun() ? 'Changes the import will make' : 'Changes made'
            }}, by line
          </caption>
          <ng-container matColumnDef="line">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Line</th>
            <td mat-cell *matCellDef="let item" class="numeric">{{ item.line }}</td>
          </ng-container>
          <ng-container matColumnDef="action">
            <th mat-header-cell *matHeaderCellDef scope="col">Action</th>
            <td mat-cell *matCellDef="let item">{{ actionLabel(item) }}</td>
          </ng-container>
          <ng-container matColumnDef="key">
            <th mat-header-cell *matHeaderCellDef scope="col">Record</th>
            <td mat-cell *matCellDef="let item">{{ item.key }}</td>
          </ng-container>
          <ng-container matColumnDef="details">
            <th mat-header-cell *matHeaderCellDef scope="col">Details</th>
            <td mat-cell *matCellDef="let item">
              <ul class="details">
                @for (line of detailsOf(item); track $index) {
                  <li>{{ line }}</li>
                }
              </ul>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="previewColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: previewColumns"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 0 0 16px;
    }
    .count {
      min-width: 110px;
      padding: 8px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      dt {
        font: var(--mat-sys-label-large);
      }
      dd {
        margin: 0;
        font: var(--mat-sys-headline-small);
      }
    }
    .count--problem {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    h3 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .note {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .table-scroll {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      &:focus-visible {
        outline: 3px solid var(--mat-sys-primary);
        outline-offset: 2px;
      }
    }
    table {
      width: 100%;
    }
    .numeric {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .details {
      margin: 4px 0;
      padding-left: 16px;
    }
  `,
})
export class ImportResultView {
  readonly result = input.required<ImportResult>();

  protected readonly errorColumns = ['line', 'field', 'message'];
  protected readonly previewColumns = ['line', 'action', 'key', 'details'];
  protected readonly dryRun = computed(() => this.result().mode === 'dry-run');

  protected readonly counts = computed(() => {
    const r = this.result();
    const planned = this.dryRun();
    return [
      { label: 'Rows', value: r.rows, problem: false },
      { label: planned ? 'To create' : 'Created', value: r.create, problem: false },
      { label: planned ? 'To update' : 'Updated', value: r.update, problem: false },
      { label: 'Unchanged', value: r.unchanged, problem: false },
      { label: 'Problems', value: r.errorCount, problem: true },
    ];
  });

  protected actionLabel(item: ImportPreviewItem): string {
    return item.action === 'create' ? 'New' : 'Update';
  }

  /** An update lists what changes; a new record its values. */
  protected detailsOf(item: ImportPreviewItem): string[] {
    if (item.action === 'update') {
      return item.changes.map((c) => `${c.field}: ${c.from ?? '(empty)'} → ${c.to ?? '(empty)'}`);
    }
    return Object.entries(item.values)
      .filter(([, value]) => value !== null && value !== '')
      .map(([field, value]) => `${field}: ${value}`);
  }
}
