import type { IsoDate } from '@him/contracts';
import { notInTheFuture, type FieldProblem } from '../common/field-problems';

/** The dates of a credential as a request or an import row gives them (null or absent: not given). */
export interface CredentialDates {
  issuedOn?: IsoDate | null;
  expiresOn?: IsoDate | null;
  /** the verification's date, when a verification is recorded now */
  verifiedOn?: IsoDate | null;
}

/**
 * The date rules of a credential beyond its DTO's (each date well formed), as a pure function
 * that CredentialsService and the credential import both call: the expiry is on or after the
 * issue date, and a verification has happened. A verification may predate issuedOn (a board
 * confirms a pass before the certificate date). Only the dates given are checked. `nameOf` says
 * how another field is called where the problem is shown (an import names its column).
 */
export function credentialDatesProblems(
  dates: CredentialDates,
  today: IsoDate,
  nameOf: (field: 'issuedOn') => string = (field) => field,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { issuedOn, expiresOn, verifiedOn } = dates;
  if (issuedOn && expiresOn && expiresOn < issuedOn) {
    problems.push({
      field: 'expiresOn',
      message: `must be on or after ${nameOf('issuedOn')} (${issuedOn})`,
    });
  }
  problems.push(...notInTheFuture('verification.verifiedOn', verifiedOn, today));
  return problems;
}
