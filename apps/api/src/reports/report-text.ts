/**
 * What only the report files need: file names, instants with the department's offset,
 * spreadsheet dates and text the PDF fonts and spreadsheet programs take safely. How
 * requirements, statuses, hours and percentages read is `@him/domain`'s wording, shared with
 * the dashboard and the calendar feed.
 */
import type { IsoDate, IsoTimestamp } from '@him/contracts';
import { zonedParts } from '@him/domain';

/** The PDF's names for two of the shared words (defined once, in `@him/domain`). */
export { formatHours as hoursInWords, percentInWords } from '@him/domain';

/** A file-name part: ASCII letters, digits and dashes ("Miguel Álvarez" -> "miguel-alvarez"). */
export function slug(text: string, maxLength = 40): string {
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = base.slice(0, maxLength).replace(/-+$/g, '');
  return cut || 'x';
}

/**
 * An instant as ISO 8601 with the department's UTC offset, to the second:
 * `2026-05-01T09:03:22-05:00` (UTC itself is written `+00:00`).
 */
export function isoTimestampIn(timeZone: string, at: Date): IsoTimestamp {
  try {
    const part = zonedParts(timeZone, at, {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    const offset = part('timeZoneName').replace(/^GMT/, '') || '+00:00';
    return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
  } catch {
    return at.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  }
}

/** A calendar date as a `Date` at midnight UTC, which spreadsheet cells store as that day. */
export function isoDateToUtcDate(date: IsoDate): Date {
  return new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))),
  );
}

/**
 * Characters the standard PDF fonts can show (WinAnsiEncoding): printable ASCII, Latin-1 and
 * the cp1252 extras (curly quotes, dashes, euro, bullet ...).
 */
const WIN_ANSI_EXTRAS = new Set(
  '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178',
);

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)
  );
}

/**
 * Text the PDF's standard Helvetica can draw: "Álvarez" stays, "Łukasz" becomes "Lukasz" where
 * a base letter exists, anything else (emoji, CJK) becomes "?". Line feeds stay (cells use them);
 * carriage returns and tabs become spaces.
 */
export function pdfSafeText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    if (char === '\n') {
      out += char;
      continue;
    }
    if (char === '\r' || char === '\t') {
      out += ' ';
      continue;
    }
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (base && [...base].every(isWinAnsi)) out += base;
    else out += STROKED_LETTERS[char] ?? '?';
  }
  return out;
}

/** Letters with a stroke have no decomposition; their plain letter reads fine in a name. */
const STROKED_LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
};
