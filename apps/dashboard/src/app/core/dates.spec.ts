import { isIsoDate, todayIsoDate } from './dates';

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
