import { Injectable } from '@nestjs/common';
import type { CeGroup } from '@him/contracts';
import { addDays, computeCeStatus } from '@him/domain';
import { createHash } from 'node:crypto';
import { AccessPolicy, type Caller, type MemberScope } from '../auth/access-policy';
import { todayIn } from '@him/domain';
import { FactsRepository, type DepartmentInfo } from '../readiness/facts.repository';
import { feedEvents, type FeedContext } from './calendar-events';
import { CalendarFeedRepository, type FeedTokenOwner } from './calendar-feed.repository';
import { hashFeedSecret, looksLikeFeedSecret } from './calendar-secret';
import { renderCalendar, type CalendarEvent } from './ical';

/** Credentials that expired up to this many days ago stay in the feed (a lapse is still news). */
export const EXPIRED_SHOWN_DAYS = 30;
/** Deadlines change rarely; clients need not ask more often than this. */
const REFRESH_INTERVAL = 'PT4H';

export interface CalendarFeed {
  body: string;
  /** a weak validator over the events (DTSTAMP, the time of writing, left out) */
  etag: string;
}

/**
 * The iCalendar feed behind a token: the credential expiries (R10) and CE cycle ends (R11 to
 * R15, computed by libs/domain as of today in the department's zone) of the token owner, or of
 * the members of the teams they manage. Who is in scope is decided now, by AccessPolicy from the
 * owner's current account: a deactivated account or a manager who is no longer one gets no feed.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly facts: FactsRepository,
    private readonly access: AccessPolicy,
  ) {}

  /** The feed for a secret, or null when no usable token has it (the caller answers 404). */
  async feed(secret: string, now: Date = new Date()): Promise<CalendarFeed | null> {
    if (!looksLikeFeedSecret(secret)) return null;
    const owner = await this.feeds.tokenOwner(hashFeedSecret(secret));
    if (!owner) return null;
    const caller: Caller = {
      id: owner.userId,
      role: owner.role,
      staffId: owner.staffId,
      departmentId: owner.departmentId,
    };
    if (owner.scope === 'teams' && !this.access.canFollowTeams(caller)) return null;

    const department = await this.facts.department(owner.departmentId);
    const today = todayIn(department.timeZone, now);
    const scope = await this.access.memberScope(
      caller,
      owner.scope === 'self' ? 'own' : 'managed-teams',
    );
    const [ceFacts, credentials] = await Promise.all([
      this.facts.ceFacts(scope, today),
      this.feeds.credentialDeadlines(scope, addDays(today, -EXPIRED_SHOWN_DAYS)),
    ]);
    // R11 to R15 as of today, by the same rule code the CE status endpoint uses.
    const ceGroups: CeGroup[] = computeCeStatus(ceFacts, today);
    // R1: a feed, as the reports, lists every non-terminated member.
    const members = ceFacts.staff.filter((member) => member.status !== 'terminated');
    const context: FeedContext = {
      today,
      leadDays: department.reminderLeadDays,
      nameMembers: owner.scope === 'teams',
    };
    const events = feedEvents(
      credentials,
      ceGroups,
      new Map(members.map((m) => [m.id, m.name])),
      context,
    );
    const name = calendarName(owner, scope, department);
    const body = renderCalendar({
      name,
      timeZone: department.timeZone,
      refreshInterval: REFRESH_INTERVAL,
      events,
      generatedAt: now,
    });
    await this.feeds.markUsed(owner.id, now);
    return { body, etag: etagOf(name, department.timeZone, events) };
  }
}

function calendarName(
  owner: FeedTokenOwner,
  scope: MemberScope,
  department: DepartmentInfo,
): string {
  if (owner.label) return `HIM Readiness: ${owner.label}`;
  return owner.scope === 'self'
    ? 'HIM Readiness: my credentials and CE'
    : `HIM Readiness: ${scope.kind === 'department' ? department.name : 'my teams'}, credentials and CE`;
}

function etagOf(name: string, timeZone: string, events: CalendarEvent[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify({ name, timeZone, events }))
    .digest('base64url')
    .slice(0, 27);
  return `W/"${digest}"`;
}
