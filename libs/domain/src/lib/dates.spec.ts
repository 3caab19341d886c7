import {
  addDays,
  addMonthsClamped,
  compareDates,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isValidTimeZone,
  todayIn,
  toDayNumber,
} from './dates';

describe('dates', () => {
  it('dates isIsoDate accepts real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
    expect(isIsoDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2026-01-05')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate(20260105)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('dates day numbers agree with UTC epoch days', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    for (const date of ['2000-02-29', '2026-03-08', '2026-11-01', '2028-02-29', '2099-12-31']) {
      expect(toDayNumber(date)).toBe(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });

  it('dates addDays crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    // the day daylight saving starts in the US and in Europe is still one day long
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('dates addMonthsClamped clamps to the last day of the target month', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2028-02-29', -24)).toBe('2026-02-28');
    expect(addMonthsClamped('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsClamped('2026-08-31', -2)).toBe('2026-06-30');
    expect(addMonthsClamped('2026-03-15', -3)).toBe('2025-12-15');
    expect(addMonthsClamped('2026-12-31', 24)).toBe('2028-12-31');
    expect(addMonthsClamped('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('dates daysBetween is b minus a', () => {
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30);
    expect(daysBetween('2026-01-31', '2026-01-01')).toBe(-30);
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2025-01-01', '2026-12-31')).toBe(729);
    expect(daysBetween('2026-03-15', '2026-03-15')).toBe(0);
  });

  it('dates compareDates orders dates', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-03-01',
    ]);
  });

  it('dates helpers reject malformed dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-01-01', 'tomorrow')).toThrow(RangeError);
    expect(() => addMonthsClamped('2026-01-01', 1.5)).toThrow(RangeError);
  });

  it('dates isIsoDate rejects what a date field may hold but is no day', () => {
    expect(isIsoDate('2025-06-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-6-1')).toBe(false);
  });
});

describe('todayIn', () => {
  // 03:30 UTC on 24 Nov is still 23 Nov in Chicago (UTC-6) and already 24 Nov in Tokyo.
  const instant = new Date(Date.UTC(2026, 10, 24, 3, 30));

  it("todayIn gives the department's calendar day, not the UTC or the local one", () => {
    expect(todayIn('America/Chicago', instant)).toBe('2026-11-23');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-11-24');
    expect(todayIn('UTC', instant)).toBe('2026-11-24');
    // the first minute of a day, and the last, belong to that day
    expect(todayIn('America/Chicago', new Date(Date.UTC(2026, 0, 1, 6, 0)))).toBe('2026-01-01');
    expect(todayIn('America/Chicago', new Date(Date.UTC(2026, 0, 1, 5, 59)))).toBe('2025-12-31');
    // Kiritimati (UTC+14) is a day ahead of Honolulu (UTC-10) at the same instant
    expect(todayIn('Pacific/Kiritimati', instant)).toBe('2026-11-24');
    expect(todayIn('Pacific/Honolulu', instant)).toBe('2026-11-23');
  });

  it('todayIn falls back to the UTC day for a zone this runtime does not know', () => {
    expect(todayIn('Not/AZone', instant)).toBe('2026-11-24');
    expect(todayIn('', instant)).toBe('2026-11-24');
  });

  it('isValidTimeZone knows IANA names only', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Not/AZone')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
