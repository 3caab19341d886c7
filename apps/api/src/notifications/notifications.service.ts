import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreatedWebhook,
  FailingAddress,
  NoticeLogEntry,
  NoticePage,
  NotificationPreferences,
  Page,
  ReminderSettings,
  Webhook,
} from '@him/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import { AuditService } from '../audit/audit.service';
import { ENV, type Env } from '../config/env';
import { assertVersion, notFound } from '../common/errors';
import type {
  CreateWebhookDto,
  NoticeLogQueryDto,
  NoticesQuery,
  UpdatePreferencesDto,
  UpdateReminderSettingsDto,
  UpdateWebhookDto,
} from './notifications.dto';
import { NotificationsRepository, type WebhookRow } from './notifications.repository';

function publicWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    active: row.active,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/**
 * A webhook URL must be HTTPS; http://127.0.0.1 and http://localhost only when the operator
 * allows it (WEBHOOK_ALLOW_HTTP_LOOPBACK: tests, a relay on the same machine).
 */
export function webhookUrlProblem(url: string, allowHttpLoopback: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url must be an absolute https:// address';
  }
  if (parsed.username || parsed.password) return 'url must not contain a user name or password';
  if (parsed.protocol === 'https:') return null;
  const loopback = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
  if (parsed.protocol === 'http:' && loopback && allowHttpLoopback) return null;
  return 'url must be an https:// address';
}

/** A person's notices and e-mail choices; the admins' settings, log, failing addresses and webhooks. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: NotificationsRepository,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  notices(user: RequestUser, query: NoticesQuery): Promise<NoticePage> {
    return this.repo.notices(user.id, query.unread === true, query.limit, query.offset);
  }

  async unread(user: RequestUser): Promise<{ unread: number }> {
    return { unread: await this.repo.unreadCount(user.id) };
  }

  /** Reading one's own notice is not a change to audit; another person's answers 404. */
  async markRead(user: RequestUser, id: string): Promise<{ unread: number }> {
    if (!(await this.repo.markRead(user.id, id))) throw notFound('notice');
    return this.unread(user);
  }

  async markAllRead(user: RequestUser): Promise<{ marked: number }> {
    return { marked: await this.repo.markAllRead(user.id) };
  }

  async preferences(user: RequestUser): Promise<NotificationPreferences> {
    return this.repo.preferences(user.id);
  }

  savePreferences(user: RequestUser, dto: UpdatePreferencesDto): Promise<NotificationPreferences> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.repo.preferences(user.id, em, true);
      assertVersion('e-mail choices', before.version, dto.version);
      const emailOptOut = [...new Set(dto.emailOptOut)].sort();
      await this.repo.savePreferences(em, user.id, emailOptOut);
      await this.audit.updated(em, user, 'notification_preference', user.id, {
        before: { emailOptOut: before.emailOptOut },
        after: { emailOptOut },
      });
      return { emailOptOut, version: before.version + 1 };
    });
  }

  settings(user: RequestUser): Promise<ReminderSettings> {
    return this.repo.settings(user.departmentId);
  }

  updateSettings(user: RequestUser, dto: UpdateReminderSettingsDto): Promise<ReminderSettings> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.repo.settings(user.departmentId, em, true);
      assertVersion('reminder settings', before.version, dto.version);
      const { version: _version, note: _note, ...sections } = dto;
      if (Object.values(sections).every((section) => section === undefined))
        throw new BadRequestException([
          'give at least one setting to change (expiring, lapsed, stateEnding, ceBehind, ceAtRisk, reviewWaiting, rejected, digest or credentialTypeLeadDays)',
        ]);
      const overrides = dto.credentialTypeLeadDays ?? before.credentialTypeLeadDays;
      const typeIds = overrides.map((o) => o.credentialTypeId);
      if (new Set(typeIds).size !== typeIds.length)
        throw new BadRequestException([
          'credentialTypeLeadDays must name each credential type once',
        ]);
      const known = await this.repo.credentialTypeIds(em, user.departmentId, typeIds);
      const unknown = overrides.findIndex((o) => !known.has(o.credentialTypeId));
      if (unknown >= 0)
        throw new BadRequestException([
          `credentialTypeLeadDays.${unknown}.credentialTypeId is not a credential type of this department`,
        ]);
      const sorted = (days: number[]) => [...days].sort((a, b) => b - a);
      const after: ReminderSettings = {
        expiring: dto.expiring
          ? { enabled: dto.expiring.enabled, leadDays: sorted(dto.expiring.leadDays) }
          : before.expiring,
        lapsed: dto.lapsed ? { enabled: dto.lapsed.enabled } : before.lapsed,
        stateEnding: dto.stateEnding
          ? { enabled: dto.stateEnding.enabled, leadDays: sorted(dto.stateEnding.leadDays) }
          : before.stateEnding,
        ceBehind: dto.ceBehind
          ? { enabled: dto.ceBehind.enabled, leadDays: sorted(dto.ceBehind.leadDays) }
          : before.ceBehind,
        ceAtRisk: dto.ceAtRisk
          ? { enabled: dto.ceAtRisk.enabled, leadDays: sorted(dto.ceAtRisk.leadDays) }
          : before.ceAtRisk,
        reviewWaiting: dto.reviewWaiting
          ? { enabled: dto.reviewWaiting.enabled, afterDays: dto.reviewWaiting.afterDays }
          : before.reviewWaiting,
        rejected: dto.rejected ? { enabled: dto.rejected.enabled } : before.rejected,
        digest: dto.digest
          ? { enabled: dto.digest.enabled, weekday: dto.digest.weekday, hour: dto.digest.hour }
          : before.digest,
        credentialTypeLeadDays: overrides.map((o) => ({
          credentialTypeId: o.credentialTypeId,
          leadDays: sorted(o.leadDays),
        })),
        version: before.version + 1,
      };
      await this.repo.saveSettings(em, user.departmentId, after);
      await this.audit.updated(em, user, 'reminder_settings', user.departmentId, {
        before,
        after,
        note: dto.note,
      });
      return this.repo.settings(user.departmentId, em);
    });
  }

  async log(user: RequestUser, query: NoticeLogQueryDto): Promise<Page<NoticeLogEntry>> {
    return this.repo.log(user.departmentId, query);
  }

  failing(user: RequestUser): Promise<FailingAddress[]> {
    return this.repo.listFailing(user.departmentId);
  }

  /** An admin clears a failing mark once the address is fixed: deliveries to it go again. */
  clearFailing(user: RequestUser, id: string): Promise<FailingAddress> {
    return this.dataSource.transaction(async (em) => {
      const removed = await this.repo.deleteFailing(em, user.departmentId, id);
      if (!removed) throw notFound('failing address');
      await this.audit.deleted(em, user, 'failing_address', id, { before: removed });
      return {
        ...removed,
        firstFailedAt: new Date(removed.firstFailedAt).toISOString(),
        lastFailedAt: new Date(removed.lastFailedAt).toISOString(),
      };
    });
  }

  async webhooks(user: RequestUser): Promise<Webhook[]> {
    return (await this.repo.webhooks(user.departmentId)).map(publicWebhook);
  }

  createWebhook(user: RequestUser, dto: CreateWebhookDto): Promise<CreatedWebhook> {
    const problem = webhookUrlProblem(dto.url.trim(), this.env.WEBHOOK_ALLOW_HTTP_LOOPBACK);
    if (problem) throw new BadRequestException([problem]);
    return this.dataSource.transaction(async (em) => {
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      const row = await this.repo.insertWebhook(em, {
        departmentId: user.departmentId,
        url: dto.url.trim(),
        events: [...new Set(dto.events)].sort(),
        description: dto.description?.trim() || null,
        secret,
        userId: user.id,
      });
      // the secret never goes into the audit trail
      await this.audit.record(em, user, user.departmentId, {
        action: 'create',
        entity: 'webhook_endpoint',
        entityId: row.id,
        after: publicWebhook(row),
      });
      return { ...publicWebhook(row), secret };
    });
  }

  updateWebhook(user: RequestUser, id: string, dto: UpdateWebhookDto): Promise<Webhook> {
    if (dto.url !== undefined) {
      const problem = webhookUrlProblem(dto.url.trim(), this.env.WEBHOOK_ALLOW_HTTP_LOOPBACK);
      if (problem) throw new BadRequestException([problem]);
    }
    return this.dataSource.transaction(async (em) => {
      const row = await this.repo.webhook(em, user.departmentId, id, true);
      if (!row) throw notFound('webhook');
      assertVersion('webhook', row.version, dto.version);
      const next: WebhookRow = {
        ...row,
        url: dto.url?.trim() ?? row.url,
        events: dto.events ? [...new Set(dto.events)].sort() : row.events,
        description:
          dto.description === undefined ? row.description : dto.description?.trim() || null,
        active: dto.active ?? row.active,
      };
      await this.repo.updateWebhook(em, next);
      const after = { ...publicWebhook(next), version: row.version + 1 };
      return this.audit.updated(em, user, 'webhook_endpoint', id, {
        before: publicWebhook(row),
        after,
      });
    });
  }

  deleteWebhook(user: RequestUser, id: string): Promise<Webhook> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.repo.webhook(em, user.departmentId, id, true);
      if (!row) throw notFound('webhook');
      await this.repo.deleteWebhook(em, id);
      await this.audit.deleted(em, user, 'webhook_endpoint', id, { before: publicWebhook(row) });
      return publicWebhook(row);
    });
  }
}
