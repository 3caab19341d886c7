import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { sentenceCase } from '@him/domain';
import type { Loader } from '../../core/api/loader';

/**
 * The loading and error states of one part of a page: an indeterminate bar while it loads,
 * and a panel that says what failed, with a retry button. The loaded content is the
 * page's own. Give it the page's loader (`[of]="credentials"`), or, for a part that waits on
 * several, `[loading]`, `[error]` and `(retry)`.
 */
@Component({
  selector: 'him-load-status',
  imports: [MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="load-status" [attr.aria-busy]="isLoading()">
      @if (isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + what()" />
      }
    </div>
    @if (errorMessage(); as message) {
      <div class="error-panel" role="alert">
        <p class="error-panel__title">{{ title() }}</p>
        <p>{{ message }}</p>
        <button mat-flat-button type="button" (click)="tryAgain()">Try again</button>
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
  /** the loader of this part of the page: its loading and error states, and Try again */
  readonly of = input<Loader<unknown> | null>(null);
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  /** what is loading, for the progress bar's name: "your CE progress" */
  readonly what = input.required<string>();
  /** default: "Your CE progress could not be loaded" */
  readonly errorTitle = input<string | null>(null);

  readonly retry = output<void>();

  protected readonly isLoading = computed(() => this.of()?.loading() ?? this.loading());
  protected readonly errorMessage = computed(() => this.of()?.error() ?? this.error());
  protected readonly title = computed(
    () => this.errorTitle() ?? `${sentenceCase(this.what())} could not be loaded`,
  );

  protected tryAgain(): void {
    this.of()?.load();
    this.retry.emit();
  }
}
