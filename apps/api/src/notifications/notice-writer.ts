import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ClaimedReminder,
  IsoDate,
  NoticeChannel,
  ReminderKind,
  WebhookEventKind,
  WebhookPayload,
} from '@him/contracts';
import type { DueReminder, RecipientRole } from '@him/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ENV, type Env } from '../config/env';
import { JobEngine } from '../jobs/job-engine';
import { Mailer } from '../mail/mailer';
import type { NoticeText } from './notice-text';
import { NotificationsRepository, type WebhookRow } from './notifications.repository';

export const EMAIL_QUEUE = 'notice-email';
export const WEBHOOK_QUEUE = 'notice-webhook';

/** One recipient of a claim, with the words of their notice. */
export interface ClaimRecipient {
  userId: string;
  key: string;
  role: RecipientRole | 'digest';
  email: string | null;
  text: NoticeText;
}

/** What to claim: an event (webhooks; none for a digest) and its recipients' notices. */
export interface Claim {
  departmentId: string;
  departmentName: string;
  kind: ReminderKind;
  /** the event key; null: no event (a digest is for people, not systems) */
  eventKey: string | null;
  staffId: string | null;
  dueOn: IsoDate;
  runDay: IsoDate;
  caughtUp: boolean;
  subject: Record<string, unknown>;
  /** the event's words for webhooks */
  eventText: NoticeText;
  recipients: ClaimRecipient[];
}

/** What the claiming run needs to know about the department once, not per reminder. */
export interface DeliveryContext {
  webhooks: WebhookRow[];
  failingEmails: ReadonlySet<string>;
  emailOptOuts: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface ClaimResult {
  claimed: ClaimedReminder[];
  alreadyClaimed: number;
  email: number;
  webhook: number;
}

/** A Message-ID that stays the same when a delivery is retried. */
export function messageIdFor(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@him-readiness>`;
}

/**
 * Claims reminder keys and records what they send, each reminder in one transaction: the event
 * row (unique key) with a delivery and a job per subscribed webhook, and per recipient the
 * notice (unique key) with its e-mail delivery and job. A key another run or process claimed
 * first is skipped: nothing of it is written twice. The e-mail and webhook jobs are rows of the
 * same transaction, so a committed notice always has its deliveries queued, and a failed
 * delivery never loses the in-app notice.
 */
@Injectable()
export class NoticeWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: NotificationsRepository,
    private readonly jobs: JobEngine,
    private readonly mailer: Mailer,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** In a transaction (`em`) the queries run one after the other: one connection, one query at a time. */
  async context(departmentId: string, em?: EntityManager): Promise<DeliveryContext> {
    if (em) {
      const webhooks = await this.repo.activeWebhooks(departmentId, em);
      const failingEmails = await this.repo.failingAddresses(departmentId, 'email', em);
      const emailOptOuts = await this.repo.emailOptOuts(departmentId, em);
      return { webhooks, failingEmails, emailOptOuts };
    }
    const [webhooks, failingEmails, emailOptOuts] = await Promise.all([
      this.repo.activeWebhooks(departmentId),
      this.repo.failingAddresses(departmentId, 'email'),
      this.repo.emailOptOuts(departmentId),
    ]);
    return { webhooks, failingEmails, emailOptOuts };
  }

  /** Claims one reminder in its own transaction. */
  claim(claim: Claim, context: DeliveryContext): Promise<ClaimResult> {
    return this.dataSource.transaction((em) => this.claimIn(em, claim, context));
  }

  /** Claims one reminder inside the caller's transaction (a rejection claims in the review's). */
  async claimIn(em: EntityManager, claim: Claim, context: DeliveryContext): Promise<ClaimResult> {
    const result: ClaimResult = { claimed: [], alreadyClaimed: 0, email: 0, webhook: 0 };
    if (claim.eventKey !== null) {
      const eventId = await this.repo.claimEvent(em, {
        departmentId: claim.departmentId,
        key: claim.eventKey,
        kind: claim.kind,
        staffId: claim.staffId,
        dueOn: claim.dueOn,
        runDay: claim.runDay,
        caughtUp: claim.caughtUp,
        payload: this.payload(claim),
      });
      if (eventId === null) result.alreadyClaimed += 1;
      else {
        const channels: NoticeChannel[] = [];
        for (const webhook of context.webhooks) {
          if (!webhook.events.includes(claim.kind as WebhookEventKind)) continue;
          const deliveryId = await this.repo.addDelivery(em, {
            departmentId: claim.departmentId,
            eventId,
            webhookId: webhook.id,
            channel: 'webhook',
            address: webhook.url,
            key: `webhook:${webhook.id}:${claim.eventKey}`,
            result: 'queued',
          });
          if (deliveryId) {
            await this.jobs.send(WEBHOOK_QUEUE, { deliveryId }, em);
            result.webhook += 1;
            channels.push('webhook');
          }
        }
        result.claimed.push({
          key: claim.eventKey,
          kind: claim.kind,
          recipientUserId: null,
          dueOn: claim.dueOn,
          caughtUp: claim.caughtUp,
          channels: [...new Set(channels)],
        });
      }
    }
    const recipients = [...claim.recipients].sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const recipient of recipients) {
      const noticeId = await this.repo.claimNotice(em, {
        departmentId: claim.departmentId,
        userId: recipient.userId,
        key: recipient.key,
        kind: claim.kind,
        staffId: claim.staffId,
        title: recipient.text.title,
        body: recipient.text.body,
        link: recipient.text.link,
        dueOn: claim.dueOn,
        runDay: claim.runDay,
        caughtUp: claim.caughtUp,
      });
      if (noticeId === null) {
        result.alreadyClaimed += 1;
        continue;
      }
      const channels: NoticeChannel[] = ['in-app'];
      const optedOut = context.emailOptOuts.get(recipient.userId)?.has(claim.kind) ?? false;
      if (this.mailer.enabled && recipient.email && !optedOut) {
        const failing = context.failingEmails.has(recipient.email.toLowerCase());
        const deliveryId = await this.repo.addDelivery(em, {
          departmentId: claim.departmentId,
          noticeId,
          channel: 'email',
          address: recipient.email,
          key: `email:${recipient.key}`,
          result: failing ? 'suppressed' : 'queued',
          lastError: failing ? 'not sent: the address is marked as failing' : undefined,
        });
        if (deliveryId && !failing) {
          await this.jobs.send(EMAIL_QUEUE, { deliveryId }, em);
          result.email += 1;
          channels.push('email');
        }
      }
      result.claimed.push({
        key: recipient.key,
        kind: claim.kind,
        recipientUserId: recipient.userId,
        dueOn: claim.dueOn,
        caughtUp: claim.caughtUp,
        channels,
      });
    }
    return result;
  }

  private payload(claim: Claim): Omit<WebhookPayload, 'id' | 'sentAt'> {
    return {
      event: claim.kind as WebhookEventKind,
      key: claim.eventKey as string,
      dueOn: claim.dueOn,
      department: { id: claim.departmentId, name: claim.departmentName },
      subject: claim.subject,
      text: `${claim.eventText.title}. ${claim.eventText.body}`,
      link: `${this.env.PUBLIC_URL}${claim.eventText.link}`,
    };
  }
}

/** The notice of a due reminder for its recipients, as a Claim (the event keeps the domain's key). */
export function claimOf(
  reminder: DueReminder,
  base: Pick<Claim, 'departmentId' | 'departmentName' | 'runDay'>,
  eventText: NoticeText,
  recipients: ClaimRecipient[],
): Claim {
  return {
    ...base,
    kind: reminder.kind,
    eventKey: reminder.key,
    staffId: reminder.staffId,
    dueOn: reminder.dueOn,
    caughtUp: reminder.caughtUp,
    subject: { ...reminder.subject, staffId: reminder.staffId },
    eventText,
    recipients,
  };
}
