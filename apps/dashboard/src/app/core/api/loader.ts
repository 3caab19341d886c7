import { HttpErrorResponse } from '@angular/common/http';
import { type Signal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, map, Observable, of, Subject, switchMap, tap } from 'rxjs';
import { httpErrorMessage } from './http-error-message';

/** One thing a page loads from the API, as signals its template reads. */
export interface Loader<T> {
  /** the last loaded value; kept while a reload runs, cleared by a failed load */
  readonly value: Signal<T | null>;
  readonly loading: Signal<boolean>;
  /** a sentence for the page's error panel, or null */
  readonly error: Signal<string | null>;
  /** HTTP status of the failed load (0: no answer), or null */
  readonly errorStatus: Signal<number | null>;
  /** Loads (again). A newer load cancels one still running, so a page never shows stale data. */
  load(): void;
  /** Replaces the value after a change the page made itself (no reload needed). */
  replace(value: T): void;
}

type Outcome<T> = { value: T } | { error: unknown };

/**
 * A loader for `request()`, named `what` in error messages ("your credentials"). Must be
 * created in an injection context (a field initializer): it stops when the page is destroyed.
 */
export function createLoader<T>(request: () => Observable<T>, what: string): Loader<T> {
  const value = signal<T | null>(null);
  const loading = signal(false);
  const error = signal<string | null>(null);
  const errorStatus = signal<number | null>(null);
  const requests = new Subject<void>();

  requests
    .pipe(
      tap(() => {
        loading.set(true);
        error.set(null);
        errorStatus.set(null);
      }),
      switchMap(() =>
        request().pipe(
          map((loaded): Outcome<T> => ({ value: loaded })),
          catchError((failure: unknown) => of<Outcome<T>>({ error: failure })),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((outcome) => {
      loading.set(false);
      if ('value' in outcome) {
        value.set(outcome.value);
      } else {
        value.set(null);
        error.set(httpErrorMessage(outcome.error, what));
        errorStatus.set(outcome.error instanceof HttpErrorResponse ? outcome.error.status : null);
      }
    });

  return {
    value: value.asReadonly(),
    loading: loading.asReadonly(),
    error: error.asReadonly(),
    errorStatus: errorStatus.asReadonly(),
    load: () => requests.next(),
    replace: (next: T) => value.set(next),
  };
}
