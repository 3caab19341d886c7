import type { IsoDate } from '@him/contracts';
import { addDays } from '@him/domain';

/**
 * Writing iCalendar (RFC 5545) text: escaping, line folding, dates, and a VCALENDAR of
 * all-day VEVENTs with display alarms. Pure functions, no I/O.
 */

const CRLF = '\r\n';
/** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

/** RFC 5545 3.3.11 TEXT: backslash, semicolon, comma escaped; any line break becomes `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 3.1: a content line longer than 75 octets is split into lines of at most 75
 * octets, each continuation starting with one space (which counts towards its 75). Splits
 * fall between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** `2026-06-30` → `20260630` (a DATE value). */
export function icalDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

/** An instant as a UTC DATE-TIME: `20261124T024148Z`. */
export function icalUtcTimestamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export interface CalendarAlarm {
  /** days before the event's date */
  daysBefore: number;
  description: string;
}

/** One all-day event. */
export interface CalendarEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
  categories: string[];
  alarms: CalendarAlarm[];
}

export interface CalendarDocument {
  name: string;
  /** the department's IANA time zone (X-WR-TIMEZONE) */
  timeZone: string;
  /** how often clients should fetch again (X-PUBLISHED-TTL, REFRESH-INTERVAL) */
  refreshInterval: string;
  events: CalendarEvent[];
  /** DTSTAMP of every event: when this feed was written */
  generatedAt: Date;
}

export const PRODUCT_ID = '-//HIM Readiness//Credential and CE deadlines//EN';

/** The whole VCALENDAR, folded, with CRLF line endings (the last line ends with CRLF too). */
export function renderCalendar(doc: CalendarDocument): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODUCT_ID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(doc.name)}`,
    `X-WR-TIMEZONE:${escapeText(doc.timeZone)}`,
    `X-PUBLISHED-TTL:${doc.refreshInterval}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${doc.refreshInterval}`,
  ];
  const stamp = icalUtcTimestamp(doc.generatedAt);
  for (const event of doc.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icalDate(event.date)}`,
      `DTEND;VALUE=DATE:${icalDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
    );
    if (event.categories.length > 0) {
      lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
    }
    // A deadline, not a meeting: it does not make anyone look busy.
    lines.push('TRANSP:TRANSPARENT');
    for (const alarm of event.alarms) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:-P${alarm.daysBefore}D`,
        `DESCRIPTION:${escapeText(alarm.description)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
