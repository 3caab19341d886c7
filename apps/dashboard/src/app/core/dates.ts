import type { IsoDate } from '@him/contracts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in the browser's local time zone as `YYYY-MM-DD` (not `toISOString()`, which is UTC). */
export function todayIsoDate(now: Date = new Date()): IsoDate {
  const year = String(now.getFullYear()).padStart(4, '0');
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** A real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Today in `timeZone` (an IANA name such as `America/Chicago`) as `YYYY-MM-DD`: the
 * department's calendar day, which is what the API checks "not in the future" against.
 * Falls back to the browser's local day when the zone is unknown to this browser.
 */
export function todayInTimeZone(
  timeZone: string | null | undefined,
  now: Date = new Date(),
): IsoDate {
  if (!timeZone) {
    return todayIsoDate(now);
  }
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      parts.find((candidate) => candidate.type === type)?.value ?? '';
    const date = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
    return isIsoDate(date) ? date : todayIsoDate(now);
  } catch {
    return todayIsoDate(now);
  }
}
