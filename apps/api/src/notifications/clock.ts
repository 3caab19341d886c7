/** The scheduler's clock, injectable so that tests move time instead of waiting for it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };
