import { pastedDate } from './date-paste';

describe('pastedDate', () => {
  it('reads a full date in the forms people paste', () => {
    expect(pastedDate('2027-03-15')).toBe('2027-03-15');
    expect(pastedDate(' 2027-3-5 ')).toBe('2027-03-05');
    expect(pastedDate('3/15/2027')).toBe('2027-03-15');
    expect(pastedDate('March 15, 2027')).toBe('2027-03-15');
    expect(pastedDate('Mar 15 2027')).toBe('2027-03-15');
    expect(pastedDate('15 March 2027')).toBe('2027-03-15');
  });

  it('refuses what is not one real date', () => {
    expect(pastedDate('2027-02-30')).toBeNull();
    expect(pastedDate('13/01/2027')).toBeNull();
    expect(pastedDate('next Tuesday')).toBeNull();
    expect(pastedDate('Ma 15 2027')).toBeNull();
    expect(pastedDate('')).toBeNull();
  });
});
