import { escapeText, foldLine, icalDate, icalUtcTimestamp, renderCalendar } from './ical';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('iCalendar text (RFC 5545)', () => {
  it('escapes backslash, semicolon and comma, and turns line breaks into \\n', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf\rg')).toBe('a\\\\b\\; c\\, d\\ne\\nf\\ng');
  });

  it('leaves a line of 75 octets alone and folds one of 76 into 75 + " " and the rest', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    const long = foldLine('y'.repeat(300)).split('\r\n');
    expect(long.map(octets)).toEqual([75, 75, 75, 75, 4]);
    expect(long.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(long.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe('y'.repeat(300));
  });

  it('never cuts a UTF-8 sequence in two (2, 3 and 4 octet characters)', () => {
    for (const character of ['ü', '—', '🩺']) {
      for (let prefix = 0; prefix < 5; prefix++) {
        const line = `${'a'.repeat(prefix)}DESCRIPTION:${character.repeat(60)}`;
        const folded = foldLine(line).split('\r\n');
        expect(Math.max(...folded.map(octets))).toBeLessThanOrEqual(75);
        expect(folded.join('\n')).not.toContain('\uFFFD');
        expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
      }
    }
  });

  it('writes DATE and UTC DATE-TIME values', () => {
    expect(icalDate('2026-06-30')).toBe('20260630');
    expect(icalUtcTimestamp(new Date('2026-11-24T02:41:48.123Z'))).toBe('20261124T024148Z');
  });

  it('writes an all-day event ending the next day, with its alarms, in CRLF lines', () => {
    const text = renderCalendar({
      name: 'Feed, mine',
      timeZone: 'America/Chicago',
      refreshInterval: 'PT4H',
      generatedAt: new Date('2026-11-24T00:00:00Z'),
      events: [
        {
          uid: 'credential-1@him-readiness',
          date: '2026-12-31',
          summary: 'RHIA expires',
          description: 'line one\nline two',
          categories: ['Credential expiry'],
          alarms: [{ daysBefore: 30, description: 'RHIA expires in 30 days' }],
        },
      ],
    });
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//HIM Readiness//Credential and CE deadlines//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Feed\\, mine',
      'X-WR-TIMEZONE:America/Chicago',
      'X-PUBLISHED-TTL:PT4H',
      'REFRESH-INTERVAL;VALUE=DURATION:PT4H',
      'BEGIN:VEVENT',
      'UID:credential-1@him-readiness',
      'DTSTAMP:20261124T000000Z',
      'DTSTART;VALUE=DATE:20261231',
      'DTEND;VALUE=DATE:20270101',
      'SUMMARY:RHIA expires',
      'DESCRIPTION:line one\\nline two',
      'CATEGORIES:Credential expiry',
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-P30D',
      'DESCRIPTION:RHIA expires in 30 days',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });
});
