import { InjectionToken } from '@angular/core';

/** "Now", injectable so tests pass a fixed day instead of depending on the wall clock. */
export const CLOCK = new InjectionToken<() => Date>('CLOCK', {
  providedIn: 'root',
  factory: () => () => new Date(),
});
