/**
 * Due reminders (issue 8): which reminders a day owes, each with the key that makes sending it
 * twice impossible. Everything comes from the rules of this library (R10 expiring credentials,
 * R11 to R15 CE status, R18 after-lapse states); this module only decides *when* each is due.
 *
 * Catch-up: a run on `day` knows the last day an earlier run covered (`coveredThrough`). The
 * occasions of the days in between (the server was down) are due now, if they are still due
 * and useful on `day`: of the lead times of one deadline only the latest that has come is
 * sent (a 90-day reminder is not sent once the 60-day one is due), a lapse notice is sent late
 * rather than never, and a CE group is reminded only if it is still behind or at risk today.
 * When every day is covered, each occasion is due on its own day and only then.
 */
import type { CeGroupStatus, IsoDate, ReminderSettings, WebhookEventKind } from '@him/contracts';
import { afterLapseStateOn, afterLapseStates } from './after-lapse';
import { computeCeStatus } from './ce';
import { groupBy, nonTerminatedById } from './collections';
import { isCredentialCurrentByDates } from './credentials';
import { addDays, daysBetween, isIsoDate, toDayNumber } from './dates';
import { expiringCredentials } from './expirations';
import type { CeFacts, CredentialFacts } from './model';

/** The department's reminder settings as the rules read them (no version). */
export type ReminderRules = Omit<ReminderSettings, 'version'>;

/** Defaults: R10's 90, 60, 30 and 7 days; CE behind at 180, at risk at 90, 30 and 7 (R15). */
export const DEFAULT_REMINDER_RULES: ReminderRules = {
  expiring: { enabled: true, leadDays: [90, 60, 30, 7] },
  lapsed: { enabled: true },
  stateEnding: { enabled: true, leadDays: [30, 7] },
  ceBehind: { enabled: true, leadDays: [180] },
  ceAtRisk: { enabled: true, leadDays: [90, 30, 7] },
  reviewWaiting: { enabled: true, afterDays: 7 },
  rejected: { enabled: true },
  digest: { enabled: true, weekday: 1, hour: 8 },
  credentialTypeLeadDays: [],
};

/** A digest lists what lapses within this many days. */
export const DIGEST_EXPIRING_DAYS = 30;
/** ... and what lapsed within the week before it. */
export const DIGEST_LAPSED_DAYS = 7;

/** Who a recipient is to the subject: its holder, a manager of the holder's team, a reviewer. */
export type RecipientRole = 'holder' | 'manager' | 'reviewer';

export interface ReminderRecipient {
  userId: string;
  /** the reminder's key for this recipient: a unique constraint makes a second send impossible */
  key: string;
  role: RecipientRole;
}

export type ReminderSubject =
  | {
      type: 'credential';
      credentialId: string;
      credentialTypeId: string;
      credentialTypeCode: string;
      number: string | null;
      expiresOn: IsoDate;
      /** days from the run day to the expiry: 0 on the day itself, negative once lapsed */
      daysLeft: number;
      /** the lead time this reminder is for; null for a lapse notice */
      leadDays: number | null;
      /** after a lapse (R18): the body's state and its last day, when it has one */
      afterLapse: { state: string; until: IsoDate | null; canBeReinstated: boolean } | null;
    }
  | {
      type: 'ce-group';
      issuingBody: string;
      cycleStart: IsoDate;
      cycleEnd: IsoDate;
      credentialIds: string[];
      credentialTypeCodes: string[];
      status: CeGroupStatus;
      required: number;
      earned: number;
      pending: number;
      remaining: number;
      daysLeft: number;
      leadDays: number;
    }
  | {
      type: 'ce-activity';
      activityId: string;
      title: string;
      submittedOn: IsoDate;
      /** days since it was submitted, on the run day */
      daysWaiting: number;
      /** the reviewer's reason, for a rejection */
      reason: string | null;
    };

/** One due reminder: the event (what webhooks receive, key without recipient) and its recipients. */
export interface DueReminder {
  kind: WebhookEventKind;
  /** the event's key: kind, subject, occasion (`expiry:<credentialId>:30`) */
  key: string;
  /** the day it was due; before the run day when it was caught up */
  dueOn: IsoDate;
  caughtUp: boolean;
  staffId: string;
  subject: ReminderSubject;
  recipients: ReminderRecipient[];
}

/** A CE activity waiting for review, with the accounts that may review it (AccessPolicy decides). */
export interface WaitingActivity {
  id: string;
  staffId: string;
  title: string;
  /** the day it was submitted, in the department's zone */
  submittedOn: IsoDate;
  reviewerUserIds: readonly string[];
}

/** Everything the due-reminder rules need. */
export interface ReminderFacts extends CeFacts {
  rules: ReminderRules;
  /** the accounts of the members themselves (a member's own reminders) */
  holders: readonly { staffId: string; userId: string }[];
  /** the accounts that follow a team: its managers, where they may see its members */
  teamManagers: readonly { teamId: string; userId: string }[];
  waitingActivities: readonly WaitingActivity[];
}

/** The day a run is for and the last day an earlier run covered (before `day`). */
export interface ReminderWindow {
  day: IsoDate;
  coveredThrough: IsoDate;
}

function assertWindow(window: ReminderWindow): void {
  if (!isIsoDate(window.day) || !isIsoDate(window.coveredThrough)) {
    throw new RangeError('day and coveredThrough must be calendar dates (YYYY-MM-DD)');
  }
}

/** A key part from free text (an issuing body): `:` cannot split it. */
function keyPart(text: string): string {
  return encodeURIComponent(text);
}

/** Whole days from 1 to 730, each once, as a set. */
function validLeadDays(leadDays: readonly number[]): number[] {
  return [...new Set(leadDays)]
    .filter((days) => Number.isInteger(days) && days >= 1)
    .sort((a, b) => a - b);
}

/**
 * The occasion of a deadline that is due on the window's day: of the lead times whose day has
 * come (deadline - lead <= day), the latest (the shortest lead); due when its day falls after
 * the covered days, and not before `earliest`. Null when the first lead time has not come,
 * the deadline has passed, or the occasion was covered by an earlier run.
 */
export function dueLeadTime(
  deadline: IsoDate,
  leadDays: readonly number[],
  window: ReminderWindow,
  earliest?: IsoDate,
): { leadDays: number; on: IsoDate } | null {
  const daysLeft = daysBetween(window.day, deadline);
  if (daysLeft < 0) return null;
  const lead = validLeadDays(leadDays).find((days) => days >= daysLeft);
  if (lead === undefined) return null;
  const on = addDays(deadline, -lead);
  if (on <= window.coveredThrough) return null;
  if (earliest !== undefined && on < earliest) return null;
  return { leadDays: lead, on };
}

/** A one-off occasion (`on`) is due when it fell after the covered days, through the run day. */
function dueOnce(on: IsoDate, window: ReminderWindow): boolean {
  return on > window.coveredThrough && on <= window.day;
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: IsoDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The weekly digest's day due in the window: the latest day on or before `day` that is the
 * digest weekday, when it falls after the covered days; on the digest day itself only once
 * its hour has come (`hourReached`). Null when none is due or the digest is off.
 */
export function dueDigestDay(
  digest: ReminderRules['digest'],
  window: ReminderWindow,
  hourReached: boolean,
): IsoDate | null {
  assertWindow(window);
  if (!digest.enabled) return null;
  const back = (isoWeekday(window.day) - digest.weekday + 7) % 7;
  const on = addDays(window.day, -back);
  if (on <= window.coveredThrough) return null;
  if (on === window.day && !hourReached) return null;
  return on;
}

/** The key of a digest for one account and one digest day. */
export function digestKey(userId: string, on: IsoDate): string {
  return `digest:${userId}:${on}`;
}

class Recipients {
  private readonly holders: Map<string, string[]>;
  private readonly managers: Map<string, string[]>;

  constructor(facts: ReminderFacts) {
    this.holders = mapOfLists(facts.holders.map((h) => [h.staffId, h.userId]));
    this.managers = mapOfLists(facts.teamManagers.map((m) => [m.teamId, m.userId]));
  }

  /** The holder's accounts, then (withManagers) the managers of the holder's team, each once. */
  of(
    member: { id: string; teamId: string },
    withManagers: boolean,
    keyFor: (userId: string) => string,
  ): ReminderRecipient[] {
    const seen = new Set<string>();
    const out: ReminderRecipient[] = [];
    const add = (userId: string, role: RecipientRole) => {
      if (seen.has(userId)) return;
      seen.add(userId);
      out.push({ userId, key: keyFor(userId), role });
    };
    for (const userId of this.holders.get(member.id) ?? []) add(userId, 'holder');
    if (withManagers) {
      for (const userId of this.managers.get(member.teamId) ?? []) add(userId, 'manager');
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

function mapOfLists(pairs: [string, string][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  }
  return map;
}

/**
 * Renewed on `day`: the member holds another credential of the same type, current on `day`,
 * expiring later than this one (or never). A renewal recorded as a new credential ends the
 * reminders of the old record (as it clears its after-lapse state, R18).
 */
function renewedOn(
  credential: CredentialFacts,
  sameType: readonly CredentialFacts[],
  day: IsoDate,
): boolean {
  return sameType.some(
    (other) =>
      other.id !== credential.id &&
      isCredentialCurrentByDates(other, day) &&
      (other.expiresOn === null ||
        (credential.expiresOn !== null && other.expiresOn > credential.expiresOn)),
  );
}

/**
 * Every reminder due on `window.day`, sorted by key: credential expiries (R10) at their lead
 * times, lapses the day after, the end of an after-lapse state (R18), CE groups behind or at
 * risk (R15) and CE activities waiting for review. Terminated members get none (R1).
 */
export function dueReminders(facts: ReminderFacts, window: ReminderWindow): DueReminder[] {
  assertWindow(window);
  const { day } = window;
  const { rules } = facts;
  const recipients = new Recipients(facts);
  const members = nonTerminatedById(facts.staff);
  const codes = new Map(facts.credentialTypes.map((t) => [t.id, t.code]));
  const bodies = new Map(facts.credentialTypes.map((t) => [t.id, t.issuingBody]));
  const afterLapseRules = new Map(facts.ceRules.map((r) => [r.issuingBody, r.afterLapse]));
  const byMemberAndType = groupBy(
    facts.credentials,
    (c) => `${c.staffId}\u0000${c.credentialTypeId}`,
  );
  const sameType = (c: CredentialFacts) =>
    byMemberAndType.get(`${c.staffId}\u0000${c.credentialTypeId}`) ?? [];
  const typeLeadDays = new Map(
    rules.credentialTypeLeadDays.map((o) => [o.credentialTypeId, o.leadDays]),
  );
  const due: DueReminder[] = [];
  // An event is due even with nobody to tell in the product: webhooks still receive it.
  const push = (reminder: DueReminder) => due.push(reminder);
  const credentialsById = new Map(facts.credentials.map((c) => [c.id, c]));
  const caughtUp = (on: IsoDate) => on < day;

  // R10: expiring credentials at their lead times (the type's own, else the department's).
  if (rules.expiring.enabled) {
    const allLeads = [rules.expiring.leadDays, ...typeLeadDays.values()].flat();
    const longest = Math.max(0, ...validLeadDays(allLeads));
    for (const expiration of expiringCredentials(facts, day, longest)) {
      const credential = credentialsById.get(expiration.credentialId);
      const member = members.get(expiration.staffId);
      if (credential === undefined || member === undefined) continue;
      if (renewedOn(credential, sameType(credential), day)) continue;
      const leads = typeLeadDays.get(expiration.credentialTypeId) ?? rules.expiring.leadDays;
      const occasion = dueLeadTime(expiration.expiresOn, leads, window);
      if (occasion === null) continue;
      const event = `expiry:${credential.id}`;
      push({
        kind: 'credential.expiring',
        key: `${event}:${occasion.leadDays}`,
        dueOn: occasion.on,
        caughtUp: caughtUp(occasion.on),
        staffId: member.id,
        subject: {
          type: 'credential',
          credentialId: credential.id,
          credentialTypeId: credential.credentialTypeId,
          credentialTypeCode: expiration.credentialTypeCode,
          number: credential.number,
          expiresOn: expiration.expiresOn,
          daysLeft: expiration.daysLeft,
          leadDays: occasion.leadDays,
          afterLapse: null,
        },
        recipients: recipients.of(member, true, (u) => `${event}:${u}:${occasion.leadDays}`),
      });
    }
  }

  // The day after a lapse (late rather than never); then before the last day of an R18 state.
  const states = afterLapseStates(facts, day);
  for (const credential of facts.credentials) {
    const member = members.get(credential.staffId);
    if (member === undefined || credential.expiresOn === null) continue;
    const lapsedOn = addDays(credential.expiresOn, 1);
    // A credential revoked before it ran out did not lapse: it was revoked.
    if (credential.revokedOn !== null && credential.revokedOn <= credential.expiresOn) continue;
    if (day < lapsedOn || renewedOn(credential, sameType(credential), day)) continue;
    const body = bodies.get(credential.credentialTypeId);
    const code = codes.get(credential.credentialTypeId) ?? credential.credentialTypeId;
    const subject = (leadDays: number | null) => {
      const state = afterLapseStateOn(
        credential,
        body === undefined ? undefined : afterLapseRules.get(body),
        day,
      );
      return {
        type: 'credential' as const,
        credentialId: credential.id,
        credentialTypeId: credential.credentialTypeId,
        credentialTypeCode: code,
        number: credential.number,
        expiresOn: credential.expiresOn as IsoDate,
        daysLeft: daysBetween(day, credential.expiresOn as IsoDate),
        leadDays,
        afterLapse:
          state === null
            ? null
            : { state: state.state, until: state.until, canBeReinstated: state.canBeReinstated },
      };
    };
    if (rules.lapsed.enabled && dueOnce(lapsedOn, window)) {
      const event = `lapse:${credential.id}`;
      push({
        kind: 'credential.lapsed',
        key: event,
        dueOn: lapsedOn,
        caughtUp: caughtUp(lapsedOn),
        staffId: member.id,
        subject: subject(null),
        recipients: recipients.of(member, true, (u) => `${event}:${u}`),
      });
    }
    const state = states.get(credential.id);
    if (rules.stateEnding.enabled && state !== undefined && state.until !== null) {
      // lead times reaching back before the state began are covered by the lapse notice
      const occasion = dueLeadTime(state.until, rules.stateEnding.leadDays, window, state.since);
      if (occasion !== null) {
        const event = `state-ending:${credential.id}:${state.since}`;
        push({
          kind: 'credential.state-ending',
          key: `${event}:${occasion.leadDays}`,
          dueOn: occasion.on,
          caughtUp: caughtUp(occasion.on),
          staffId: member.id,
          subject: subject(occasion.leadDays),
          recipients: recipients.of(member, true, (u) => `${event}:${u}:${occasion.leadDays}`),
        });
      }
    }
  }

  // R15: CE groups behind at their lead times (the holder), at risk at theirs (and managers).
  if (rules.ceBehind.enabled || rules.ceAtRisk.enabled) {
    for (const group of computeCeStatus(facts, day)) {
      const member = members.get(group.staffId);
      if (member === undefined) continue;
      const setting =
        group.status === 'behind'
          ? rules.ceBehind
          : group.status === 'at-risk'
            ? rules.ceAtRisk
            : null;
      if (setting === null || !setting.enabled) continue;
      const occasion = dueLeadTime(group.cycleEnd, setting.leadDays, window);
      if (occasion === null) continue;
      const kind = group.status === 'behind' ? 'ce.behind' : 'ce.at-risk';
      const event = `${kind === 'ce.behind' ? 'ce-behind' : 'ce-at-risk'}:${member.id}:${keyPart(group.issuingBody)}:${group.cycleEnd}`;
      push({
        kind,
        key: `${event}:${occasion.leadDays}`,
        dueOn: occasion.on,
        caughtUp: caughtUp(occasion.on),
        staffId: member.id,
        subject: {
          type: 'ce-group',
          issuingBody: group.issuingBody,
          cycleStart: group.cycleStart,
          cycleEnd: group.cycleEnd,
          credentialIds: group.credentialIds,
          credentialTypeCodes: group.credentialTypeCodes,
          status: group.status,
          required: group.required,
          earned: group.earned,
          pending: group.pending,
          remaining: group.remaining,
          daysLeft: daysBetween(day, group.cycleEnd),
          leadDays: occasion.leadDays,
        },
        recipients: recipients.of(
          member,
          kind === 'ce.at-risk',
          (u) => `${event}:${u}:${occasion.leadDays}`,
        ),
      });
    }
  }

  // CE activities waiting for review for more than `afterDays` days, to those who may review them.
  if (rules.reviewWaiting.enabled) {
    for (const activity of facts.waitingActivities) {
      const member = members.get(activity.staffId);
      if (member === undefined) continue;
      const on = addDays(activity.submittedOn, rules.reviewWaiting.afterDays + 1);
      if (!dueOnce(on, window)) continue;
      const event = `review-waiting:${activity.id}`;
      push({
        kind: 'ce.review-waiting',
        key: event,
        dueOn: on,
        caughtUp: caughtUp(on),
        staffId: member.id,
        subject: {
          type: 'ce-activity',
          activityId: activity.id,
          title: activity.title,
          submittedOn: activity.submittedOn,
          daysWaiting: daysBetween(activity.submittedOn, day),
          reason: null,
        },
        recipients: [...new Set(activity.reviewerUserIds)]
          .sort()
          .map((userId) => ({ userId, key: `${event}:${userId}`, role: 'reviewer' as const })),
      });
    }
  }

  return due.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * A rejected CE activity, to its holder with the reviewer's reason: due at once. Each rejection
 * (the activity's version after it) has its own key, so a rejection is told once and a second
 * rejection after an edit is told too.
 */
export function rejectionReminder(
  activity: { id: string; staffId: string; title: string; submittedOn: IsoDate; version: number },
  holderUserIds: readonly string[],
  reason: string,
  day: IsoDate,
): DueReminder {
  const event = `rejected:${activity.id}:${activity.version}`;
  return {
    kind: 'ce.rejected',
    key: event,
    dueOn: day,
    caughtUp: false,
    staffId: activity.staffId,
    subject: {
      type: 'ce-activity',
      activityId: activity.id,
      title: activity.title,
      submittedOn: activity.submittedOn,
      daysWaiting: daysBetween(activity.submittedOn, day),
      reason,
    },
    recipients: [...new Set(holderUserIds)].sort().map((userId) => ({
      userId,
      key: `rejected:${activity.id}:${userId}:${activity.version}`,
      role: 'holder' as const,
    })),
  };
}

/** What a weekly digest says, for the members a manager follows or the whole department. */
export interface DigestContent {
  /** R10: credentials that lapse within DIGEST_EXPIRING_DAYS */
  expiring: {
    staffId: string;
    staffName: string;
    credentialTypeCode: string;
    expiresOn: IsoDate;
    daysLeft: number;
  }[];
  /** credentials that lapsed in the week before the digest and were not renewed */
  lapsed: { staffId: string; staffName: string; credentialTypeCode: string; expiresOn: IsoDate }[];
  /** R15: CE groups behind or at risk */
  behind: {
    staffId: string;
    staffName: string;
    issuingBody: string;
    status: CeGroupStatus;
    cycleEnd: IsoDate;
    remaining: number;
  }[];
  /** CE activities waiting for the recipient's review */
  waiting: {
    activityId: string;
    staffId: string;
    staffName: string;
    title: string;
    submittedOn: IsoDate;
  }[];
}

/** A digest with nothing to say is not sent. */
export function digestIsEmpty(content: DigestContent): boolean {
  return (
    content.expiring.length === 0 &&
    content.lapsed.length === 0 &&
    content.behind.length === 0 &&
    content.waiting.length === 0
  );
}

/**
 * The weekly digest on `day` for the members in `facts` (already narrowed to the recipient's
 * scope) and the waiting activities the recipient may review.
 */
export function weeklyDigest(
  facts: CeFacts,
  day: IsoDate,
  waiting: readonly WaitingActivity[],
): DigestContent {
  if (!isIsoDate(day)) throw new RangeError(`day is not a calendar date (YYYY-MM-DD): ${day}`);
  const members = nonTerminatedById(facts.staff);
  const codes = new Map(facts.credentialTypes.map((t) => [t.id, t.code]));
  const byMemberAndType = groupBy(
    facts.credentials,
    (c) => `${c.staffId}\u0000${c.credentialTypeId}`,
  );
  const name = (staffId: string) => members.get(staffId)?.name ?? '';
  const expiring = expiringCredentials(facts, day, DIGEST_EXPIRING_DAYS).map((e) => ({
    staffId: e.staffId,
    staffName: e.staffName,
    credentialTypeCode: e.credentialTypeCode,
    expiresOn: e.expiresOn,
    daysLeft: e.daysLeft,
  }));
  const weekAgo = addDays(day, -DIGEST_LAPSED_DAYS);
  const lapsed = facts.credentials
    .filter(
      (c) =>
        members.has(c.staffId) &&
        c.expiresOn !== null &&
        c.expiresOn >= weekAgo &&
        c.expiresOn < day &&
        (c.revokedOn === null || c.revokedOn > c.expiresOn) &&
        !renewedOn(c, byMemberAndType.get(`${c.staffId}\u0000${c.credentialTypeId}`) ?? [], day),
    )
    .map((c) => ({
      staffId: c.staffId,
      staffName: name(c.staffId),
      credentialTypeCode: codes.get(c.credentialTypeId) ?? c.credentialTypeId,
      expiresOn: c.expiresOn as IsoDate,
    }))
    .sort((a, b) =>
      a.expiresOn < b.expiresOn
        ? -1
        : a.expiresOn > b.expiresOn
          ? 1
          : a.staffName.localeCompare(b.staffName, 'en'),
    );
  const behind = computeCeStatus(facts, day)
    .filter((g) => g.status === 'behind' || g.status === 'at-risk')
    .map((g) => ({
      staffId: g.staffId,
      staffName: name(g.staffId),
      issuingBody: g.issuingBody,
      status: g.status,
      cycleEnd: g.cycleEnd,
      remaining: g.remaining,
    }));
  const waitingList = waiting
    .filter((a) => members.has(a.staffId) && a.submittedOn <= day)
    .map((a) => ({
      activityId: a.id,
      staffId: a.staffId,
      staffName: name(a.staffId),
      title: a.title,
      submittedOn: a.submittedOn,
    }))
    .sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0));
  return { expiring, lapsed, behind, waiting: waitingList };
}

/** Days of waiting after which a CE activity's review is overdue (the reminder's default). */
export const REVIEW_WAITING_DAYS = DEFAULT_REMINDER_RULES.reviewWaiting.afterDays;

/**
 * A CE activity submitted on `submittedOn` has waited too long for review on `day`: more than
 * `afterDays` days, the same day the review-waiting reminder falls due.
 */
export function reviewWaitsTooLong(
  submittedOn: IsoDate,
  day: IsoDate,
  afterDays: number = REVIEW_WAITING_DAYS,
): boolean {
  return daysBetween(submittedOn, day) > afterDays;
}
