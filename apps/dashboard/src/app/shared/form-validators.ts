import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { IsoDate } from '@him/contracts';
import { isIsoDate } from '@him/domain';

/** A real `YYYY-MM-DD` date (an empty value is left to `Validators.required`). */
export const calendarDate: ValidatorFn = (
  control: AbstractControl<string | null>,
): ValidationErrors | null => {
  const value = control.value;
  return !value || isIsoDate(value) ? null : { calendarDate: true };
};

/** A real day from 1900 to 2999, the range the API answers figures and reports for. */
export const answerableDate: ValidatorFn = (
  control: AbstractControl<string | null>,
): ValidationErrors | null => {
  const value = control.value;
  if (!value) {
    return null;
  }
  const year = Number(value.slice(0, 4));
  return isIsoDate(value) && year >= 1900 && year <= 2999 ? null : { calendarDate: true };
};

/** Not after `latest()` (today in the department's time zone for "not in the future"). */
export function notAfterDate(latest: () => IsoDate): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = control.value;
    if (!value || !isIsoDate(value)) {
      return value ? { calendarDate: true } : null;
    }
    const max = latest();
    return value > max ? { notAfter: { max } } : null;
  };
}

/** Hours of CE: a number above 0, at most `max`, with at most two decimals. */
export function ceHours(max: number): ValidatorFn {
  return (control: AbstractControl<number | null>): ValidationErrors | null => {
    const value = control.value;
    if (value === null || value === undefined || (value as unknown) === '') {
      return null;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { hours: 'Enter the hours as a number, for example 1.5.' };
    }
    if (value <= 0) {
      return { hours: 'Hours must be more than 0.' };
    }
    if (value > max) {
      return { hours: `Hours must be at most ${max}.` };
    }
    if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
      return { hours: 'Use at most two decimals, for example 1.25.' };
    }
    return null;
  };
}
