import type { CeGroup, IsoDate } from '@him/contracts';
import { addDays, ceCategoriesInWords, ceStatusInWords, daysText, formatHours } from '@him/domain';
import type { CalendarAlarm, CalendarEvent } from './ical';

/**
 * The events of a calendar feed (R10 reminders, R11 to R15 cycle ends) from plain rows:
 * no I/O, so the wording, the UIDs and the alarms are tested without a server.
 */

/** A credential's expiry as the feed shows it. */
export interface CredentialDeadline {
  credentialId: string;
  staffId: string;
  staffName: string;
  typeCode: string;
  typeName: string;
  issuingBody: string;
  number: string | null;
  expiresOn: IsoDate;
  verified: boolean;
}

export interface FeedContext {
  /** today in the department's time zone */
  today: IsoDate;
  /** R10 reminder lead times in days (department setting) */
  leadDays: readonly number[];
  /** a team feed names the member in every summary; a personal feed does not need to */
  nameMembers: boolean;
}

/** One display alarm per lead time, longest first; those whose day has passed are left out. */
export function reminderAlarms(
  date: IsoDate,
  context: FeedContext,
  what: (daysBefore: number) => string,
): CalendarAlarm[] {
  const leadDays = [...new Set(context.leadDays)]
    .filter((days) => Number.isInteger(days) && days > 0)
    .sort((a, b) => b - a);
  return leadDays
    .filter((days) => addDays(date, -days) >= context.today)
    .map((days) => ({ daysBefore: days, description: what(days) }));
}

function prefixed(context: FeedContext, staffName: string, text: string): string {
  return context.nameMembers ? `${staffName}: ${text}` : text;
}

/** A UID part from free text (an issuing body): letters, digits and dashes only. */
function uidPart(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'body';
}

export function credentialExpiryEvent(
  deadline: CredentialDeadline,
  context: FeedContext,
): CalendarEvent {
  const credential = deadline.typeCode;
  const lines = [
    `${deadline.staffName}'s ${credential} (${deadline.typeName}, ${deadline.issuingBody}) expires on ${deadline.expiresOn}.`,
  ];
  if (deadline.number) lines.push(`Number: ${deadline.number}.`);
  lines.push(deadline.verified ? 'Verified.' : 'Not verified yet.');
  lines.push(
    `Renew it with ${deadline.issuingBody} before it lapses, then record the new expiry date in HIM Readiness.`,
  );
  return {
    uid: `credential-${deadline.credentialId}@him-readiness`,
    date: deadline.expiresOn,
    summary: prefixed(context, deadline.staffName, `${credential} expires`),
    description: lines.join('\n'),
    categories: ['Credential expiry'],
    alarms: reminderAlarms(deadline.expiresOn, context, (days) =>
      prefixed(
        context,
        deadline.staffName,
        `${credential} expires in ${daysText(days)} (${deadline.expiresOn})`,
      ),
    ),
  };
}

/** R15 as of today: "AHIMA CE cycle ends — 16 of 40 h". */
export function ceCycleEndEvent(
  group: CeGroup,
  staffName: string,
  context: FeedContext,
): CalendarEvent {
  const hours = `${formatHours(group.earned)} of ${formatHours(group.required)} h`;
  const lines = [
    `${staffName}'s ${group.issuingBody} continuing education cycle ${group.cycleStart} to ${group.cycleEnd} (${group.credentialTypeCodes.join(', ')}).`,
    `Earned ${hours} (${formatHours(group.remaining)} h remaining), ${formatHours(group.pending)} h pending review. Status: ${ceStatusInWords(group.status)}.`,
    ...group.minimums.map(
      (minimum) =>
        `Minimum from ${ceCategoriesInWords(minimum.categories)}: ${formatHours(minimum.earnedHours)} of ${formatHours(minimum.requiredHours)} h${minimum.met ? ' (met)' : ''}.`,
    ),
  ];
  return {
    uid: `ce-${group.staffId}-${uidPart(group.issuingBody)}-${group.cycleEnd}@him-readiness`,
    date: group.cycleEnd,
    summary: prefixed(context, staffName, `${group.issuingBody} CE cycle ends — ${hours}`),
    description: lines.join('\n'),
    categories: ['CE cycle end'],
    alarms: reminderAlarms(group.cycleEnd, context, (days) =>
      prefixed(
        context,
        staffName,
        `${group.issuingBody} CE cycle ends in ${daysText(days)}: ${formatHours(group.remaining)} h still to earn`,
      ),
    ),
  };
}

/** Every event of a feed, soonest first (then by UID, so the order is stable). */
export function feedEvents(
  credentials: readonly CredentialDeadline[],
  ceGroups: readonly CeGroup[],
  staffNames: ReadonlyMap<string, string>,
  context: FeedContext,
): CalendarEvent[] {
  const events = [
    ...credentials.map((deadline) => credentialExpiryEvent(deadline, context)),
    ...ceGroups.map((group) =>
      ceCycleEndEvent(group, staffNames.get(group.staffId) ?? 'Staff member', context),
    ),
  ];
  return events.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0,
  );
}
