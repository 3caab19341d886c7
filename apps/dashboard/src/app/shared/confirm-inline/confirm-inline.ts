import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/**
 * An irreversible action on one record of a list (revoke a feed, delete a file), asked in
 * place: the action's button, and once pressed the question with the confirming button
 * (busy while the request runs) and Cancel, grouped under the action's name.
 */
@Component({
  selector: 'him-confirm-inline',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (confirming()) {
      <div class="confirm" role="group" [attr.aria-label]="action() + ' ' + name()">
        <p>{{ question() }}</p>
        <div class="record__actions">
          <button mat-flat-button type="button" [disabled]="busy()" (click)="confirmed.emit()">
            {{ busy() ? busyLabel() : confirmLabel() }}
          </button>
          <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
        </div>
      </div>
    } @else {
      <div class="record__actions">
        <button
          mat-stroked-button
          type="button"
          [attr.aria-label]="action() + ' ' + name()"
          (click)="asked.emit()"
        >
          {{ action() }}
        </button>
      </div>
    }
  `,
  styleUrl: '../record-list.scss',
  styles: `
    :host {
      display: block;
    }
    .confirm p {
      margin: 8px 0 0;
    }
  `,
})
export class ConfirmInline {
  /** "Revoke", "Delete" */
  readonly action = input.required<string>();
  /** what the action applies to, for the buttons' names: "Revoke Work laptop" */
  readonly name = input.required<string>();
  readonly question = input.required<string>();
  /** "Revoke feed" */
  readonly confirmLabel = input.required<string>();
  /** "Revoking…" */
  readonly busyLabel = input.required<string>();
  readonly confirming = input.required<boolean>();
  readonly busy = input(false);

  readonly asked = output<void>();
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();
}
