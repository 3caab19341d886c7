import type { IsoDate } from '@him/contracts';

/**
 * A rule a request breaks, said of one field. The API answers `<field> <message>`; an import
 * puts the message under the column the field came from. Written once, checked the same both ways.
 */
export interface FieldProblem {
  /** the request's field path: `completedOn`, `verification.verifiedOn` */
  field: string;
  /** what is wrong, without the field's name: `must not be in the future (today is 2026-05-31)` */
  message: string;
}

/** The API's 400 lines: `<field> <message>`. */
export function problemMessages(problems: readonly FieldProblem[]): string[] {
  return problems.map((problem) => `${problem.field} ${problem.message}`);
}

/** A date that must have happened by today (the department's today); none given, nothing to check. */
export function notInTheFuture(
  field: string,
  date: IsoDate | null | undefined,
  today: IsoDate,
): FieldProblem[] {
  return date && date > today
    ? [{ field, message: `must not be in the future (today is ${today})` }]
    : [];
}
