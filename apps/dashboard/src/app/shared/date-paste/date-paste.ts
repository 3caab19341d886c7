import { Directive, ElementRef, inject } from '@angular/core';
import { NgControl } from '@angular/forms';
import type { IsoDate } from '@him/contracts';
import { isIsoDate } from '@him/domain';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * A full date as people paste it: `2027-03-15`, `3/15/2027` (month first, as the field shows
 * it), `March 15, 2027` or `15 March 2027`; null when it is not one real calendar date.
 */
export function pastedDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  const pad = (value: number) => String(value).padStart(2, '0');
  const iso = (year: number, month: number, day: number) => {
    const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
    return isIsoDate(date) ? date : null;
  };
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (match) return iso(+match[1], +match[2], +match[3]);
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (match) return iso(+match[3], +match[1], +match[2]);
  match = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(trimmed);
  if (match) return monthNamed(match[1], +match[2], +match[3]);
  match = /^(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})$/.exec(trimmed);
  if (match) return monthNamed(match[2], +match[1], +match[3]);
  return null;

  function monthNamed(name: string, day: number, year: number): IsoDate | null {
    const lower = name.toLowerCase();
    const month = MONTHS.findIndex((full) => lower.length >= 3 && full.startsWith(lower));
    return month < 0 ? null : iso(year, month + 1, day);
  }
}

/**
 * Pasting a full date into a date field sets the whole date, wherever the cursor is (the
 * browser's own date field takes a paste only into one part of it). The field then reports a
 * change, as if the date had been picked.
 */
@Directive({
  selector: 'input[type="date"][himDatePaste]',
  host: { '(paste)': 'pasteDate($event)' },
})
export class DatePaste {
  private readonly control = inject(NgControl, { optional: true });
  private readonly element = inject<ElementRef<HTMLInputElement>>(ElementRef);

  protected pasteDate(event: ClipboardEvent): void {
    const date = pastedDate(event.clipboardData?.getData('text') ?? '');
    if (date === null) {
      return;
    }
    event.preventDefault();
    const input = this.element.nativeElement;
    input.value = date;
    this.control?.control?.setValue(date);
    this.control?.control?.markAsDirty();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
