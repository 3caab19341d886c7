import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/**
 * The loading and error states of one part of a page: an indeterminate bar while it loads,
 * and a panel that says what failed, with a retry button. The loaded content is the
 * page's own.
 */
@Component({
  selector: 'him-load-status',
  imports: [MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="load-status" [attr.aria-busy]="loading()">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + what()" />
      }
    </div>
    @if (error(); as message) {
      <div class="error-panel" role="alert">
        <p class="error-panel__title">{{ errorTitle() }}</p>
        <p>{{ message }}</p>
        <button mat-flat-button type="button" (click)="retry.emit()">Try again</button>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .load-status {
      min-height: 4px;
      margin-bottom: 8px;
    }
    .error-panel {
      padding: 16px 20px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      p {
        margin: 0 0 12px;
      }
    }
    .error-panel__title {
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class LoadStatus {
  readonly loading = input.required<boolean>();
  readonly error = input<string | null>(null);
  /** what is loading, for the progress bar's name: "your CE progress" */
  readonly what = input.required<string>();
  readonly errorTitle = input('This could not be loaded');

  readonly retry = output<void>();
}
