import type { CeActivityQueueItem, CeGroup, Expiration, IsoDate } from '@him/contracts';
import { daysBetween, daysText, todayIn } from '@him/domain';

/** A holder whose credential lapses within this many days makes their activity urgent. */
export const URGENT_LAPSE_DAYS = 30;

/**
 * Why an activity in the queue is urgent, by staff id: a credential of its holder lapses within
 * 30 days (R10), or one of their CE groups is at risk (R15). Holders with neither are absent.
 */
export function urgentHolders(
  expirations: readonly Expiration[],
  ceGroups: readonly CeGroup[],
): Map<string, string> {
  const reasons = new Map<string, string[]>();
  const add = (staffId: string, reason: string) =>
    reasons.set(staffId, [...(reasons.get(staffId) ?? []), reason]);
  for (const expiration of [...expirations].sort((a, b) => a.daysLeft - b.daysLeft)) {
    if (expiration.daysLeft <= URGENT_LAPSE_DAYS) {
      add(
        expiration.staffId,
        expiration.daysLeft === 0
          ? `${expiration.credentialTypeCode} lapses today`
          : `${expiration.credentialTypeCode} lapses in ${daysText(expiration.daysLeft)}`,
      );
    }
  }
  for (const group of ceGroups) {
    if (group.status === 'at-risk') add(group.staffId, `${group.issuingBody} CE at risk`);
  }
  return new Map([...reasons].map(([staffId, list]) => [staffId, list.join('; ')]));
}

/** "Submitted 2026-05-01 09:00, waiting 12 days", in the department's time zone. */
export function submittedText(item: CeActivityQueueItem, timeZone: string, today: IsoDate): string {
  const at = new Date(item.submittedAt);
  if (Number.isNaN(at.getTime())) {
    return 'Not known';
  }
  const day = todayIn(timeZone, at);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  const waited = daysBetween(day, today);
  return `${day} ${time}, ${waited <= 0 ? 'today' : `waiting ${daysText(waited)}`}`;
}
