/**
 * Words for the compliance report: how requirements, statuses, scopes and file names read.
 * Presentation only; every figure these words describe comes from `@him/domain`.
 */
import {
  PROFICIENCY_LABELS,
  type CeGroupStatus,
  type CredentialStatus,
  type IsoDate,
  type IsoTimestamp,
  type Requirement,
  type StaffStatus,
} from '@him/contracts';

/** Names for the ids inside a requirement. */
export interface RequirementNames {
  skillNames: ReadonlyMap<string, string>;
  credentialTypeCodes: ReadonlyMap<string, string>;
}

/** "ICD-10-CM diagnosis coding at Proficient (3)", "CCS or CPC". */
export function requirementInWords(requirement: Requirement, names: RequirementNames): string {
  if (requirement.kind === 'skill') {
    const skill = names.skillNames.get(requirement.skillId) ?? 'unknown skill';
    const level = PROFICIENCY_LABELS[requirement.minLevel] ?? `level ${requirement.minLevel}`;
    return `${skill} at ${level} (${requirement.minLevel})`;
  }
  if (requirement.anyOf.length === 0) return 'no credential type (cannot be met)';
  return requirement.anyOf
    .map((typeId) => names.credentialTypeCodes.get(typeId) ?? 'unknown credential type')
    .join(' or ');
}

/** A credential's status on D in words: "current", "expiring in 12 days", "not yet valid". */
export function credentialStatusInWords(
  status: CredentialStatus,
  daysToExpiry: number | null,
): string {
  switch (status) {
    case 'expiring':
      if (daysToExpiry === 0) return 'expiring today';
      return daysToExpiry === 1 ? 'expiring in 1 day' : `expiring in ${daysToExpiry} days`;
    case 'not-yet-valid':
      return 'not yet valid';
    default:
      return status;
  }
}

export function staffStatusInWords(status: StaffStatus): string {
  return status === 'leave' ? 'on leave' : status;
}

export function ceStatusInWords(status: CeGroupStatus): string {
  return status === 'at-risk' ? 'at risk' : status === 'on-track' ? 'on track' : status;
}

export function verificationMethodInWords(method: string): string {
  return method === 'primary-source'
    ? 'primary source'
    : method === 'certificate-copy'
      ? 'copy of certificate'
      : method;
}

/** `0.625` as "62.5%", null as "n/a" (R8: a figure whose denominator is 0). */
export function percentInWords(fraction: number | null): string {
  if (fraction === null) return 'n/a';
  const percent = Math.round(fraction * 1000) / 10;
  return `${percent}%`;
}

/** CE hours as people write them: 12, 12.5, 0.25. */
export function hoursInWords(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

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
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    }).formatToParts(at);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      parts.find((p) => p.type === type)?.value ?? '';
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
