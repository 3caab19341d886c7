import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FailingAddress,
  IsoDate,
  Notice,
  NoticeLogEntry,
  NoticeLogQuery,
  ReminderKind,
  ReminderSettings,
  UserRole,
  Webhook,
  WebhookEventKind,
} from '@him/contracts';
import { DEFAULT_REMINDER_RULES } from '@him/domain';
import { DataSource, EntityManager } from 'typeorm';

/** An active account, with its staff record when it has one. */
export interface Account {
  id: string;
  email: string;
  role: UserRole;
  staffId: string | null;
  name: string | null;
  teamId: string | null;
}

export interface SubmittedActivity {
  id: string;
  staffId: string;
  teamId: string;
  /** the team the member was on when the activity was submitted (who may review it) */
  submittedTeamId: string | null;
  title: string;
  submittedOn: IsoDate;
}

export interface WebhookRow extends Webhook {
  secret: string;
}

interface SettingsRow {
  reminder_lead_days: number[];
  expiring_enabled: boolean | null;
  lapsed_enabled: boolean | null;
  state_ending_enabled: boolean | null;
  state_ending_lead_days: number[] | null;
  ce_behind_enabled: boolean | null;
  ce_behind_lead_days: number[] | null;
  ce_at_risk_enabled: boolean | null;
  ce_at_risk_lead_days: number[] | null;
  review_waiting_enabled: boolean | null;
  review_waiting_days: number | null;
  rejected_enabled: boolean | null;
  digest_enabled: boolean | null;
  digest_weekday: number | null;
  digest_hour: number | null;
  version: number | null;
}

const D = DEFAULT_REMINDER_RULES;

/** The SQL of reminders, notices, deliveries and webhooks. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The department's reminder settings: its saved row, else the defaults (version 0: never saved). */
  async settings(
    departmentId: string,
    em?: EntityManager,
    lock = false,
  ): Promise<ReminderSettings> {
    const q = em ?? this.dataSource.manager;
    const rows: SettingsRow[] = await q.query(
      `SELECT d.reminder_lead_days, s.*
         FROM department d LEFT JOIN reminder_settings s ON s.department_id = d.id
        WHERE d.id = $1${lock ? ' FOR UPDATE OF d' : ''}`,
      [departmentId],
    );
    const r = rows[0];
    const types: { credentialTypeId: string; leadDays: number[] }[] = await q.query(
      `SELECT l.credential_type_id AS "credentialTypeId", l.lead_days AS "leadDays"
         FROM reminder_type_lead_days l JOIN credential_type t ON t.id = l.credential_type_id
        WHERE l.department_id = $1 ORDER BY t.code`,
      [departmentId],
    );
    return {
      expiring: { enabled: r.expiring_enabled ?? true, leadDays: r.reminder_lead_days },
      lapsed: { enabled: r.lapsed_enabled ?? true },
      stateEnding: {
        enabled: r.state_ending_enabled ?? true,
        leadDays: r.state_ending_lead_days ?? D.stateEnding.leadDays,
      },
      ceBehind: {
        enabled: r.ce_behind_enabled ?? true,
        leadDays: r.ce_behind_lead_days ?? D.ceBehind.leadDays,
      },
      ceAtRisk: {
        enabled: r.ce_at_risk_enabled ?? true,
        leadDays: r.ce_at_risk_lead_days ?? D.ceAtRisk.leadDays,
      },
      reviewWaiting: {
        enabled: r.review_waiting_enabled ?? true,
        afterDays: r.review_waiting_days ?? D.reviewWaiting.afterDays,
      },
      rejected: { enabled: r.rejected_enabled ?? true },
      digest: {
        enabled: r.digest_enabled ?? true,
        weekday: r.digest_weekday ?? D.digest.weekday,
        hour: r.digest_hour ?? D.digest.hour,
      },
      credentialTypeLeadDays: types,
      version: r.version ?? 0,
    };
  }

  async saveSettings(em: EntityManager, departmentId: string, s: ReminderSettings): Promise<void> {
    await em.query(
      `UPDATE department SET reminder_lead_days = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND reminder_lead_days IS DISTINCT FROM $2::int[]`,
      [departmentId, s.expiring.leadDays],
    );
    await em.query(
      `INSERT INTO reminder_settings (department_id, expiring_enabled, lapsed_enabled,
              state_ending_enabled, state_ending_lead_days, ce_behind_enabled, ce_behind_lead_days,
              ce_at_risk_enabled, ce_at_risk_lead_days, review_waiting_enabled, review_waiting_days,
              rejected_enabled, digest_enabled, digest_weekday, digest_hour, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (department_id) DO UPDATE SET
              expiring_enabled = EXCLUDED.expiring_enabled, lapsed_enabled = EXCLUDED.lapsed_enabled,
              state_ending_enabled = EXCLUDED.state_ending_enabled,
              state_ending_lead_days = EXCLUDED.state_ending_lead_days,
              ce_behind_enabled = EXCLUDED.ce_behind_enabled, ce_behind_lead_days = EXCLUDED.ce_behind_lead_days,
              ce_at_risk_enabled = EXCLUDED.ce_at_risk_enabled, ce_at_risk_lead_days = EXCLUDED.ce_at_risk_lead_days,
              review_waiting_enabled = EXCLUDED.review_waiting_enabled,
              review_waiting_days = EXCLUDED.review_waiting_days,
              rejected_enabled = EXCLUDED.rejected_enabled, digest_enabled = EXCLUDED.digest_enabled,
              digest_weekday = EXCLUDED.digest_weekday, digest_hour = EXCLUDED.digest_hour,
              version = EXCLUDED.version, updated_at = now()`,
      [
        departmentId,
        s.expiring.enabled,
        s.lapsed.enabled,
        s.stateEnding.enabled,
        s.stateEnding.leadDays,
        s.ceBehind.enabled,
        s.ceBehind.leadDays,
        s.ceAtRisk.enabled,
        s.ceAtRisk.leadDays,
        s.reviewWaiting.enabled,
        s.reviewWaiting.afterDays,
        s.rejected.enabled,
        s.digest.enabled,
        s.digest.weekday,
        s.digest.hour,
        s.version,
      ],
    );
    await em.query(`DELETE FROM reminder_type_lead_days WHERE department_id = $1`, [departmentId]);
    for (const o of s.credentialTypeLeadDays) {
      await em.query(
        `INSERT INTO reminder_type_lead_days (credential_type_id, department_id, lead_days) VALUES ($1, $2, $3)`,
        [o.credentialTypeId, departmentId, o.leadDays],
      );
    }
  }

  /** The ids of the department's credential types among these. */
  async credentialTypeIds(
    em: EntityManager,
    departmentId: string,
    ids: string[],
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM credential_type WHERE department_id = $1 AND id = ANY($2::uuid[])`,
      [departmentId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Each credential type's name and issuing body, for the words of a notice. */
  async credentialTypeNames(
    departmentId: string,
  ): Promise<Map<string, { name: string; issuingBody: string }>> {
    const rows: { id: string; name: string; issuingBody: string }[] = await this.dataSource.query(
      `SELECT id, name, issuing_body AS "issuingBody" FROM credential_type WHERE department_id = $1`,
      [departmentId],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, issuingBody: r.issuingBody }]));
  }

  /** The last day before `day` that a run covered completely, or null when none did. */
  async coveredThrough(departmentId: string, day: IsoDate): Promise<IsoDate | null> {
    const rows: { day: IsoDate | null }[] = await this.dataSource.query(
      `SELECT max(day) AS day FROM reminder_day WHERE department_id = $1 AND day < $2 AND complete`,
      [departmentId, day],
    );
    return rows[0]?.day ?? null;
  }

  async markCovered(
    departmentId: string,
    day: IsoDate,
    complete: boolean,
    claimed: number,
    caughtUp: number,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO reminder_day (department_id, day, complete, claimed, caught_up)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department_id, day) DO UPDATE SET
              complete = reminder_day.complete OR EXCLUDED.complete, runs = reminder_day.runs + 1,
              claimed = reminder_day.claimed + EXCLUDED.claimed,
              caught_up = reminder_day.caught_up + EXCLUDED.caught_up, last_run_at = now()`,
      [departmentId, day, complete, claimed, caughtUp],
    );
  }

  async departmentIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM department ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }

  /** The department's active accounts with their staff records. */
  async accounts(departmentId: string, em?: EntityManager): Promise<Account[]> {
    return (em ?? this.dataSource.manager).query(
      `SELECT u.id, u.email, u.role, u.staff_id AS "staffId", s.name, s.team_id AS "teamId"
         FROM app_user u LEFT JOIN staff s ON s.id = u.staff_id
        WHERE u.department_id = $1 AND u.active
        ORDER BY u.id`,
      [departmentId],
    );
  }

  /** Which teams each staff member manages. */
  async teamManagers(departmentId: string): Promise<{ teamId: string; staffId: string }[]> {
    return this.dataSource.query(
      `SELECT tm.team_id AS "teamId", tm.staff_id AS "staffId"
         FROM team_manager tm JOIN team t ON t.id = tm.team_id WHERE t.department_id = $1`,
      [departmentId],
    );
  }

  /** CE activities submitted on or before `day` (in the department's zone) that still wait for review. */
  async submittedActivities(
    departmentId: string,
    timeZone: string,
    day: IsoDate,
  ): Promise<SubmittedActivity[]> {
    return this.dataSource.query(
      `SELECT a.id, a.staff_id AS "staffId", s.team_id AS "teamId",
              a.submitted_team_id AS "submittedTeamId", a.title,
              to_char((a.created_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS "submittedOn"
         FROM ce_activity a JOIN staff s ON s.id = a.staff_id
        WHERE a.department_id = $1 AND a.status = 'submitted'
          AND (a.created_at AT TIME ZONE $2)::date <= $3::date
        ORDER BY a.created_at, a.id`,
      [departmentId, timeZone, day],
    );
  }

  async emailOptOuts(departmentId: string, em?: EntityManager): Promise<Map<string, Set<string>>> {
    const rows: { user_id: string; email_opt_out: string[] }[] = await (
      em ?? this.dataSource.manager
    ).query(
      `SELECT p.user_id, p.email_opt_out FROM notification_preference p
         JOIN app_user u ON u.id = p.user_id WHERE u.department_id = $1`,
      [departmentId],
    );
    return new Map(rows.map((r) => [r.user_id, new Set(r.email_opt_out)]));
  }

  async activeWebhooks(departmentId: string, em?: EntityManager): Promise<WebhookRow[]> {
    return this.webhooks(departmentId, em, true);
  }

  async webhooks(
    departmentId: string,
    em?: EntityManager,
    activeOnly = false,
  ): Promise<WebhookRow[]> {
    const rows = await (em ?? this.dataSource.manager).query(
      `SELECT id, url, events, description, active, created_at AS "createdAt", version, secret
         FROM webhook_endpoint WHERE department_id = $1${activeOnly ? ' AND active' : ''}
        ORDER BY created_at, id`,
      [departmentId],
    );
    return rows.map((r: WebhookRow & { createdAt: Date }) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
    }));
  }

  /** Claims an event key; its id when this call claimed it, null when it was claimed before. */
  async claimEvent(
    em: EntityManager,
    e: {
      departmentId: string;
      key: string;
      kind: string;
      staffId: string | null;
      dueOn: IsoDate;
      runDay: IsoDate;
      caughtUp: boolean;
      payload: object;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO reminder_event (department_id, key, kind, staff_id, due_on, run_day, caught_up, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (department_id, key) DO NOTHING RETURNING id`,
      [
        e.departmentId,
        e.key,
        e.kind,
        e.staffId,
        e.dueOn,
        e.runDay,
        e.caughtUp,
        JSON.stringify(e.payload),
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Claims a notice key and records the notice in one statement; its id, or null when claimed before. */
  async claimNotice(
    em: EntityManager,
    n: {
      departmentId: string;
      userId: string;
      key: string;
      kind: ReminderKind;
      staffId: string | null;
      title: string;
      body: string;
      link: string;
      dueOn: IsoDate;
      runDay: IsoDate;
      caughtUp: boolean;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO notice (department_id, user_id, key, kind, staff_id, title, body, link, due_on, run_day, caught_up)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (department_id, key) DO NOTHING RETURNING id`,
      [
        n.departmentId,
        n.userId,
        n.key,
        n.kind,
        n.staffId,
        n.title,
        n.body,
        n.link,
        n.dueOn,
        n.runDay,
        n.caughtUp,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async addDelivery(
    em: EntityManager,
    d: {
      departmentId: string;
      noticeId?: string;
      eventId?: string;
      webhookId?: string;
      channel: 'email' | 'webhook';
      address: string;
      key: string;
      result: 'queued' | 'suppressed';
      lastError?: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO notice_delivery (department_id, notice_id, event_id, webhook_id, channel, address, key, result, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (department_id, key) DO NOTHING RETURNING id`,
      [
        d.departmentId,
        d.noticeId ?? null,
        d.eventId ?? null,
        d.webhookId ?? null,
        d.channel,
        d.address,
        d.key,
        d.result,
        d.lastError ?? null,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Addresses marked as failing permanently, lower-cased, of one channel. */
  async failingAddresses(
    departmentId: string,
    channel: 'email' | 'webhook',
    em?: EntityManager,
  ): Promise<Set<string>> {
    const rows: { address: string }[] = await (em ?? this.dataSource.manager).query(
      `SELECT lower(address) AS address FROM failing_address WHERE department_id = $1 AND channel = $2`,
      [departmentId, channel],
    );
    return new Set(rows.map((r) => r.address));
  }

  async markFailing(
    departmentId: string,
    channel: 'email' | 'webhook',
    address: string,
    reason: string,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO failing_address (department_id, channel, address, reason)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (department_id, channel, lower(address)) DO UPDATE SET
              reason = EXCLUDED.reason, failures = failing_address.failures + 1, last_failed_at = now()`,
      [departmentId, channel, address, reason.slice(0, 500)],
    );
  }

  async clearFailing(
    departmentId: string,
    channel: 'email' | 'webhook',
    address: string,
  ): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM failing_address WHERE department_id = $1 AND channel = $2 AND lower(address) = lower($3)`,
      [departmentId, channel, address],
    );
  }

  async listFailing(departmentId: string): Promise<FailingAddress[]> {
    const rows = await this.dataSource.query(
      `SELECT id, channel, address, reason, failures, first_failed_at AS "firstFailedAt", last_failed_at AS "lastFailedAt"
         FROM failing_address WHERE department_id = $1 ORDER BY last_failed_at DESC, id`,
      [departmentId],
    );
    return rows.map((r: FailingAddress & { firstFailedAt: Date; lastFailedAt: Date }) => ({
      ...r,
      firstFailedAt: new Date(r.firstFailedAt).toISOString(),
      lastFailedAt: new Date(r.lastFailedAt).toISOString(),
    }));
  }

  async deleteFailing(
    em: EntityManager,
    departmentId: string,
    id: string,
  ): Promise<FailingAddress | null> {
    const rows = await em.query(
      `DELETE FROM failing_address WHERE department_id = $1 AND id = $2
       RETURNING id, channel, address, reason, failures, first_failed_at AS "firstFailedAt", last_failed_at AS "lastFailedAt"`,
      [departmentId, id],
    );
    const row = (rows[0] ?? [])[0] ?? null;
    return row;
  }

  // ---------- a person's notices ----------

  async notices(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    offset: number,
  ): Promise<{ items: Notice[]; total: number; unread: number }> {
    const [items, counts] = await Promise.all([
      this.dataSource.query(
        `SELECT id, kind, title, body, link, to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
                created_at AS "createdAt", read_at AS "readAt"
           FROM notice WHERE user_id = $1${unreadOnly ? ' AND read_at IS NULL' : ''}
          ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
           FROM notice WHERE user_id = $1`,
        [userId],
      ),
    ]);
    return {
      items: items.map((r: Notice & { createdAt: Date; readAt: Date | null }) => ({
        ...r,
        createdAt: new Date(r.createdAt).toISOString(),
        readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
      })),
      total: unreadOnly ? counts[0].unread : counts[0].total,
      unread: counts[0].unread,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notice WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return rows[0].unread;
  }

  /** Marks one of the user's notices read; false when the user has no such notice. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `UPDATE notice SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    );
    return (rows[0] ?? []).length > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    const rows = await this.dataSource.query(
      `UPDATE notice SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
      [userId],
    );
    return (rows[0] ?? []).length;
  }

  async preferences(
    userId: string,
    em?: EntityManager,
    forUpdate = false,
  ): Promise<{ emailOptOut: ReminderKind[]; version: number }> {
    if (forUpdate) {
      // the account's row is the lock, also before the first save
      await (em ?? this.dataSource.manager).query(
        `SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`,
        [userId],
      );
    }
    const rows = await (em ?? this.dataSource.manager).query(
      `SELECT email_opt_out AS "emailOptOut", version FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? { emailOptOut: [], version: 0 };
  }

  async savePreferences(
    em: EntityManager,
    userId: string,
    emailOptOut: ReminderKind[],
  ): Promise<void> {
    await em.query(
      `INSERT INTO notification_preference (user_id, email_opt_out) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET email_opt_out = EXCLUDED.email_opt_out,
              version = notification_preference.version + 1, updated_at = now()`,
      [userId, emailOptOut],
    );
  }

  // ---------- the admins' log ----------

  /**
   * Every notice sent in the department, one row per channel: the in-app notice itself and
   * each of its deliveries, and webhook deliveries of events; newest first.
   */
  async log(
    departmentId: string,
    query: NoticeLogQuery & { limit: number; offset: number },
  ): Promise<{ items: NoticeLogEntry[]; total: number }> {
    const params: unknown[] = [departmentId];
    const where: string[] = [];
    if (query.userId) {
      params.push(query.userId);
      where.push(`user_id = $${params.length}`);
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`kind = $${params.length}`);
    }
    if (query.channel) {
      params.push(query.channel);
      where.push(`channel = $${params.length}`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = `
      SELECT n.id AS notice_id, NULL::uuid AS delivery_id, n.kind, n.key, n.user_id, u.email,
             coalesce(s.name, u.email) AS label, n.title, 'in-app' AS channel, 'sent' AS result,
             1 AS attempts, NULL AS last_error, n.created_at, n.created_at AS sent_at
        FROM notice n JOIN app_user u ON u.id = n.user_id LEFT JOIN staff s ON s.id = u.staff_id
       WHERE n.department_id = $1
      UNION ALL
      SELECT n.id, d.id, n.kind, d.key, n.user_id, d.address, coalesce(s.name, u.email), n.title,
             'email', d.result, d.attempts, d.last_error, d.created_at, d.sent_at
        FROM notice_delivery d JOIN notice n ON n.id = d.notice_id
        JOIN app_user u ON u.id = n.user_id LEFT JOIN staff s ON s.id = u.staff_id
       WHERE d.department_id = $1 AND d.channel = 'email'
      UNION ALL
      SELECT NULL, d.id, e.kind, d.key, NULL, NULL, d.address, e.payload->>'text',
             'webhook', d.result, d.attempts, d.last_error, d.created_at, d.sent_at
        FROM notice_delivery d JOIN reminder_event e ON e.id = d.event_id
       WHERE d.department_id = $1 AND d.channel = 'webhook'`;
    const [items, count] = await Promise.all([
      this.dataSource.query(
        `SELECT * FROM (${rows}) x ${filter} ORDER BY created_at DESC, key LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.offset],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM (${rows}) x ${filter}`, params),
    ]);
    return {
      items: items.map(
        (r: {
          notice_id: string | null;
          delivery_id: string | null;
          kind: ReminderKind;
          key: string;
          user_id: string | null;
          email: string | null;
          label: string;
          title: string;
          channel: NoticeLogEntry['channel'];
          result: NoticeLogEntry['result'];
          attempts: number;
          last_error: string | null;
          created_at: Date;
          sent_at: Date | null;
        }): NoticeLogEntry => ({
          noticeId: r.notice_id,
          deliveryId: r.delivery_id,
          kind: r.kind,
          key: r.key,
          recipient: { userId: r.user_id, email: r.email, label: r.label },
          title: r.title,
          channel: r.channel,
          result: r.result,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: new Date(r.created_at).toISOString(),
          sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
        }),
      ),
      total: count[0].total,
    };
  }

  async insertWebhook(
    em: EntityManager,
    w: {
      departmentId: string;
      url: string;
      events: WebhookEventKind[];
      description: string | null;
      secret: string;
      userId: string;
    },
  ): Promise<WebhookRow> {
    const rows = await em.query(
      `INSERT INTO webhook_endpoint (department_id, url, events, description, secret, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, url, events, description, active, created_at AS "createdAt", version, secret`,
      [w.departmentId, w.url, w.events, w.description, w.secret, w.userId],
    );
    return { ...rows[0], createdAt: new Date(rows[0].createdAt).toISOString() };
  }

  async webhook(
    em: EntityManager,
    departmentId: string,
    id: string,
    lock = false,
  ): Promise<WebhookRow | null> {
    const rows = await em.query(
      `SELECT id, url, events, description, active, created_at AS "createdAt", version, secret
         FROM webhook_endpoint WHERE department_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [departmentId, id],
    );
    return rows[0] ? { ...rows[0], createdAt: new Date(rows[0].createdAt).toISOString() } : null;
  }

  async updateWebhook(em: EntityManager, w: WebhookRow): Promise<void> {
    await em.query(
      `UPDATE webhook_endpoint SET url = $2, events = $3, description = $4, active = $5, version = version + 1
        WHERE id = $1`,
      [w.id, w.url, w.events, w.description, w.active],
    );
  }

  async deleteWebhook(em: EntityManager, id: string): Promise<void> {
    await em.query(`DELETE FROM webhook_endpoint WHERE id = $1`, [id]);
  }
}
