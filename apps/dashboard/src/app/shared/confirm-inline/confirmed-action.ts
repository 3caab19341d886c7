import { signal, type WritableSignal } from '@angular/core';
import type { Observable } from 'rxjs';

/** What went wrong with one row's action, shown under that row. */
export interface RowError {
  id: string;
  message: string;
}

/**
 * The state behind a `him-confirm-inline` of a list: which row asks for confirmation, whether
 * the confirmed request runs, and the error of the row it failed on. Asking clears the last
 * error; the request's end, either way, closes the question.
 */
export class ConfirmedAction {
  /** the id of the row whose question is open, or null */
  readonly confirming = signal<string | null>(null);
  readonly busy = signal(false);

  /** `error`: where the row's failure is shown (a list may share it with its other actions) */
  constructor(readonly error: WritableSignal<RowError | null> = signal<RowError | null>(null)) {}

  ask(id: string): void {
    this.error.set(null);
    this.confirming.set(id);
  }

  cancel(): void {
    this.confirming.set(null);
  }

  /** Runs the confirmed request for row `id`: `done` with its answer, or the row's error. */
  run<T>(
    id: string,
    request: Observable<T>,
    done: (answer: T) => void,
    failure: (error: unknown) => string,
    failed?: () => void,
  ): void {
    this.busy.set(true);
    request.subscribe({
      next: (answer) => {
        this.finish();
        done(answer);
      },
      error: (error: unknown) => {
        this.finish();
        this.error.set({ id, message: failure(error) });
        failed?.();
      },
    });
  }

  private finish(): void {
    this.busy.set(false);
    this.confirming.set(null);
  }
}
