import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** Edit (and Delete) for one row of an admin table, each naming the row: "Edit ICD-10-CM coding". */
@Component({
  selector: 'him-row-actions',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-stroked-button
      type="button"
      [disabled]="!ready()"
      [attr.aria-label]="'Edit ' + name()"
      (click)="edit.emit()"
    >
      Edit
    </button>
    @if (deletable()) {
      <button
        mat-stroked-button
        type="button"
        [attr.aria-label]="'Delete ' + name()"
        (click)="remove.emit()"
      >
        Delete
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      padding: 6px 0;
    }
  `,
})
export class RowActions {
  /** the row in words, for the buttons' names */
  readonly name = input.required<string>();
  /** false while what the edit dialog needs is still loading */
  readonly ready = input(true);
  readonly deletable = input(true);
  readonly edit = output<void>();
  readonly remove = output<void>();
}
