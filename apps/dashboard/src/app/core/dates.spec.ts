import { isIsoDate, todayInTimeZone, todayIsoDate } from './dates';

describe('todayIsoDate', () => {
  it('formats the local calendar date, not the UTC one', () => {
    // 23:30 local time on 31 Dec is still 31 Dec, whatever the UTC date is.
    expect(todayIsoDate(new Date(2024, 11, 31, 23, 30))).toBe('2024-12-31');
    expect(todayIsoDate(new Date(2025, 0, 5, 0, 15))).toBe('2025-01-05');
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2025-06-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-6-1', false],
    ['', false],
  ])('%p is a calendar date: %p', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });
});

describe('todayInTimeZone', () => {
  // 03:30 UTC on 24 Nov is still 23 Nov in Chicago (UTC-6) and already 24 Nov in Tokyo.
  const instant = new Date(Date.UTC(2026, 10, 24, 3, 30));

  it('gives the calendar day in the named time zone', () => {
    expect(todayInTimeZone('America/Chicago', instant)).toBe('2026-11-23');
    expect(todayInTimeZone('Asia/Tokyo', instant)).toBe('2026-11-24');
  });

  it('falls back to the local day without a usable zone', () => {
    expect(todayInTimeZone(null, instant)).toBe(todayIsoDate(instant));
    expect(todayInTimeZone('Not/AZone', instant)).toBe(todayIsoDate(instant));
  });
});
