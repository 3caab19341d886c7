import { problemMessages } from '../common/field-problems';
import { credentialDatesProblems } from './credential-dates';

const today = '2026-05-31';

describe('credentialDatesProblems', () => {
  it('accepts an expiry on or after the issue date and a verification up to today', () => {
    expect(
      credentialDatesProblems(
        { issuedOn: '2024-07-01', expiresOn: '2024-07-01', verifiedOn: today },
        today,
      ),
    ).toEqual([]);
    expect(credentialDatesProblems({ issuedOn: '2024-07-01', expiresOn: null }, today)).toEqual([]);
  });

  it('refuses an expiry before the issue date, naming the issue date as the caller calls it', () => {
    const dates = { issuedOn: '2024-07-01', expiresOn: '2024-06-30' };
    expect(problemMessages(credentialDatesProblems(dates, today))).toEqual([
      'expiresOn must be on or after issuedOn (2024-07-01)',
    ]);
    expect(credentialDatesProblems(dates, today, () => 'Issued on')).toEqual([
      { field: 'expiresOn', message: 'must be on or after Issued on (2024-07-01)' },
    ]);
  });

  it('refuses a verification in the future, but not one before the issue date', () => {
    expect(
      problemMessages(
        credentialDatesProblems({ issuedOn: '2024-07-01', verifiedOn: '2026-06-01' }, today),
      ),
    ).toEqual(['verification.verifiedOn must not be in the future (today is 2026-05-31)']);
    expect(
      credentialDatesProblems({ issuedOn: '2024-07-01', verifiedOn: '2024-06-15' }, today),
    ).toEqual([]);
  });

  it('reports both problems at once, and checks only the dates given', () => {
    expect(
      credentialDatesProblems(
        { issuedOn: '2025-01-01', expiresOn: '2024-01-01', verifiedOn: '2027-01-01' },
        today,
      ).map((p) => p.field),
    ).toEqual(['expiresOn', 'verification.verifiedOn']);
    // an issue date that could not be read (left out) leaves the expiry unchecked
    expect(credentialDatesProblems({ expiresOn: '2024-01-01' }, today)).toEqual([]);
  });
});
