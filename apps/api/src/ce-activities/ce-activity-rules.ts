import type { CeReviewStatus, IsoDate } from '@him/contracts';
import type { CeChangeRight } from '../auth/access-policy';
import { notInTheFuture, type FieldProblem } from '../common/field-problems';

/**
 * The rules of a CE activity beyond its DTO's, as pure functions: CeActivitiesService and the CE
 * import both call them, so a row is refused for the same reasons as a request.
 */

/** A CE activity is logged once it is done: completedOn is today or earlier. */
export function completedOnProblems(
  completedOn: IsoDate | null | undefined,
  today: IsoDate,
): FieldProblem[] {
  return notInTheFuture('completedOn', completedOn, today);
}

/** Why a change is refused: the caller has no right to it, or the activity was reviewed since. */
export interface CeChangeRefusal {
  reason: 'no-right' | 'reviewed';
  message: string;
}

/**
 * Whether the caller may `what` an activity in this status with their right
 * (Reviewer.changeRight): null when they may, otherwise why not.
 */
export function ceChangeRefusal(
  right: CeChangeRight,
  status: CeReviewStatus,
  what: 'change' | 'delete',
): CeChangeRefusal | null {
  if (right === null) {
    return {
      reason: 'no-right',
      message: `only the member, whoever logged it, or a reviewer of the member's team may ${what} this activity`,
    };
  }
  if (right === 'while-submitted' && status !== 'submitted') {
    return {
      reason: 'reviewed',
      message: `the activity is ${status}; only a reviewer of the member's team may ${what} it now`,
    };
  }
  return null;
}
