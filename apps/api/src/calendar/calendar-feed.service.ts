import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarTokenScope, CeGroup, IsoDate, UserRole } from '@him/contracts';
import { addDays, computeCeStatus } from '@him/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { todayIn } from '@him/domain';
import {
  FactsRepository,
  type DepartmentInfo,
  type FactsScope,
} from '../readiness/facts.repository';
import { feedEvents, type CredentialDeadline, type FeedContext } from './calendar-events';
import { hashFeedSecret, looksLikeFeedSecret } from './calendar-secret';
import { mayUseTeamsScope } from './calendar-tokens.service';
import { renderCalendar, type CalendarEvent } from './ical';

/** Credentials that expired up to this many days ago stay in the feed (a lapse is still news). */
export const EXPIRED_SHOWN_DAYS = 30;
/** Deadlines change rarely; clients need not ask more often than this. */
const REFRESH_INTERVAL = 'PT4H';

interface TokenOwner {
  id: string;
  scope: CalendarTokenScope;
  label: string | null;
  departmentId: string;
  userId: string;
  role: UserRole;
  staffId: string | null;
}

interface Member {
  id: string;
  name: string;
  teamId: string;
}

export interface CalendarFeed {
  body: string;
  /** a weak validator over the events (DTSTAMP, the time of writing, left out) */
  etag: string;
}

/**
 * The iCalendar feed behind a token: the credential expiries (R10) and CE cycle ends (R11 to
 * R15, computed by libs/domain as of today in the department's zone) of the token owner, or of
 * the members of the teams they manage. Who is in scope is decided now, from the owner's
 * current account: a deactivated account or a manager who is no longer one gets no feed.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: FactsRepository,
  ) {}

  /** The feed for a secret, or null when no usable token has it (the caller answers 404). */
  async feed(secret: string, now: Date = new Date()): Promise<CalendarFeed | null> {
    if (!looksLikeFeedSecret(secret)) return null;
    const owner = await this.owner(secret);
    if (!owner || (owner.scope === 'teams' && !mayUseTeamsScope(owner.role))) return null;

    const department = await this.facts.department(owner.departmentId);
    const today = todayIn(department.timeZone, now);
    const members = await this.members(owner);
    const memberIds = members.map((m) => m.id);
    const [credentials, ceGroups] = await Promise.all([
      this.credentialDeadlines(owner.departmentId, memberIds, today),
      this.ceGroups(department, owner, members, today),
    ]);
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
    const name = this.calendarName(owner, department);
    const body = renderCalendar({
      name,
      timeZone: department.timeZone,
      refreshInterval: REFRESH_INTERVAL,
      events,
      generatedAt: now,
    });
    await this.dataSource.query(
      // At most one write a minute per token, however often a client polls.
      `UPDATE calendar_token SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [owner.id, now],
    );
    return { body, etag: etagOf(name, department.timeZone, events) };
  }

  private async owner(secret: string): Promise<TokenOwner | null> {
    const rows: TokenOwner[] = await this.dataSource.query(
      `SELECT t.id, t.scope, t.label, t.department_id AS "departmentId",
              u.id AS "userId", u.role, u.staff_id AS "staffId"
         FROM calendar_token t
         JOIN app_user u ON u.id = t.user_id AND u.active AND u.department_id = t.department_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [hashFeedSecret(secret)],
    );
    return rows[0] ?? null;
  }

  /** Non-terminated members in the token's scope (R1: reports list every non-terminated member). */
  private members(owner: TokenOwner): Promise<Member[]> {
    const select = `SELECT s.id, s.name, s.team_id AS "teamId" FROM staff s
                     WHERE s.department_id = $1 AND s.status <> 'terminated'`;
    if (owner.scope === 'self') {
      if (!owner.staffId) return Promise.resolve([]);
      return this.dataSource.query(`${select} AND s.id = $2`, [owner.departmentId, owner.staffId]);
    }
    if (owner.role === 'admin') {
      return this.dataSource.query(`${select} ORDER BY s.name, s.id`, [owner.departmentId]);
    }
    return this.dataSource.query(
      `${select} AND s.team_id IN (SELECT tm.team_id FROM team_manager tm WHERE tm.staff_id = $2)
        ORDER BY s.name, s.id`,
      [owner.departmentId, owner.staffId],
    );
  }

  /** Unrevoked credentials of the members expiring on or after today minus 30 days. */
  private async credentialDeadlines(
    departmentId: string,
    memberIds: string[],
    today: IsoDate,
  ): Promise<CredentialDeadline[]> {
    if (memberIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT c.id AS "credentialId", c.staff_id AS "staffId", s.name AS "staffName",
              t.code AS "typeCode", t.name AS "typeName", t.issuing_body AS "issuingBody",
              c.number, c.expires_on AS "expiresOn", (c.verification_method IS NOT NULL) AS verified
         FROM credential c
         JOIN staff s ON s.id = c.staff_id
         JOIN credential_type t ON t.id = c.credential_type_id
        WHERE c.department_id = $1 AND c.staff_id = ANY($2::uuid[])
          AND c.revoked_on IS NULL AND c.expires_on IS NOT NULL AND c.expires_on >= $3::date
        ORDER BY c.expires_on, s.name, t.code, c.id`,
      [departmentId, memberIds, addDays(today, -EXPIRED_SHOWN_DAYS)],
    );
  }

  /** R11 to R15 as of today, by the same rule code the CE status endpoint uses. */
  private async ceGroups(
    department: DepartmentInfo,
    owner: TokenOwner,
    members: Member[],
    today: IsoDate,
  ): Promise<CeGroup[]> {
    if (members.length === 0) return [];
    const teamIds = new Set(members.map((m) => m.teamId));
    const scope: FactsScope = { departmentId: department.id };
    if (owner.scope === 'self') scope.staffId = members[0].id;
    else if (teamIds.size === 1) scope.teamId = [...teamIds][0];
    const ceRules = await this.facts.ceRules(department.id);
    const longestCycle = Math.max(0, ...ceRules.map((r) => r.cycleMonths));
    const [staff, credentialTypes, credentials, activities] = await Promise.all([
      this.facts.staff(scope),
      this.facts.credentialTypes(department.id),
      this.facts.credentials(scope),
      this.facts.ceActivities(scope, today, longestCycle),
    ]);
    const inScope = new Set(members.map((m) => m.id));
    return computeCeStatus(
      {
        settings: department.settings,
        staff: staff.filter((member) => inScope.has(member.id)),
        credentialTypes,
        credentials,
        ceRules,
        activities,
      },
      today,
    );
  }

  private calendarName(owner: TokenOwner, department: DepartmentInfo): string {
    if (owner.label) return `HIM Readiness: ${owner.label}`;
    return owner.scope === 'self'
      ? 'HIM Readiness: my credentials and CE'
      : `HIM Readiness: ${owner.role === 'admin' ? department.name : 'my teams'}, credentials and CE`;
  }
}

function etagOf(name: string, timeZone: string, events: CalendarEvent[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify({ name, timeZone, events }))
    .digest('base64url')
    .slice(0, 27);
  return `W/"${digest}"`;
}
