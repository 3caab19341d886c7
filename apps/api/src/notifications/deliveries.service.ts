import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookPayload } from '@him/contracts';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ENV, type Env } from '../config/env';
import { JobEngine, type JobInfo } from '../jobs/job-engine';
import { MailError, Mailer } from '../mail/mailer';
import { noticeEmail } from './notice-text';
import { EMAIL_QUEUE, messageIdFor, WEBHOOK_QUEUE } from './notice-writer';
import { NotificationsRepository } from './notifications.repository';

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body with the endpoint's secret>`. */
export const SIGNATURE_HEADER = 'X-HIM-Signature';
const WEBHOOK_TIMEOUT_MS = 10_000;

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

interface DeliveryRow {
  id: string;
  department_id: string;
  channel: 'email' | 'webhook';
  address: string;
  key: string;
  result: string;
  attempts: number;
  notice_id: string | null;
  event_id: string | null;
  webhook_id: string | null;
}

class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | null,
  ) {
    super(message);
  }
}

/**
 * Works the e-mail and webhook queues. Each job is one delivery row; the row says what happened
 * (attempts, last error, result), the job engine retries a transient failure with backoff and a
 * delivery whose process died. A permanent failure (a mailbox the server refuses, a webhook that
 * answers 410 Gone) is not retried: the address is marked failing and shown to admins, and later
 * deliveries to it are suppressed until an admin clears the mark. A delivery already sent is
 * never sent again, whoever picks its job up.
 */
@Injectable()
export class DeliveriesService implements OnModuleInit {
  private readonly logger = new Logger('Deliveries');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobEngine,
    private readonly mailer: Mailer,
    private readonly repo: NotificationsRepository,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onModuleInit(): void {
    const retry = {
      limit: this.env.DELIVERY_RETRY_LIMIT,
      delaySeconds: this.env.DELIVERY_RETRY_DELAY_SECONDS,
    };
    const expireInSeconds = this.env.DELIVERY_TIMEOUT_SECONDS;
    this.jobs.define<{ deliveryId: string }>({
      name: EMAIL_QUEUE,
      retry,
      expireInSeconds,
      handler: (job) => this.deliver(job, (row) => this.sendEmail(row)),
    });
    this.jobs.define<{ deliveryId: string }>({
      name: WEBHOOK_QUEUE,
      retry,
      expireInSeconds,
      handler: (job) => this.deliver(job, (row) => this.postWebhook(row)),
    });
  }

  private async deliver(
    job: JobInfo<{ deliveryId: string }>,
    attempt: (row: DeliveryRow) => Promise<number | null>,
  ): Promise<void> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT id, department_id, channel, address, key, result, attempts, notice_id, event_id, webhook_id
         FROM notice_delivery WHERE id = $1`,
      [job.data.deliveryId],
    );
    const row = rows[0];
    if (!row || row.result === 'sent' || row.result === 'failed' || row.result === 'suppressed')
      return;
    try {
      const code = await attempt(row);
      await this.dataSource.query(
        `UPDATE notice_delivery SET result = 'sent', attempts = attempts + 1, response_code = $2,
                last_attempt_at = now(), sent_at = now(), last_error = NULL WHERE id = $1`,
        [row.id, code],
      );
      if (row.channel === 'webhook')
        await this.repo.clearFailing(row.department_id, 'webhook', row.address);
    } catch (error) {
      const failure =
        error instanceof DeliveryFailure
          ? error
          : error instanceof MailError
            ? new DeliveryFailure(error.message, error.permanent, error.responseCode)
            : new DeliveryFailure(
                error instanceof Error ? error.message : String(error),
                false,
                null,
              );
      const final = failure.permanent || job.retryCount >= job.retryLimit;
      await this.dataSource.query(
        `UPDATE notice_delivery SET result = $2, attempts = attempts + 1, last_error = $3, response_code = $4,
                last_attempt_at = now() WHERE id = $1`,
        [
          row.id,
          final ? 'failed' : 'retrying',
          failure.message.slice(0, 1000),
          failure.responseCode,
        ],
      );
      if (final) {
        // An address a mail server refuses for good is marked; a mail server down for hours marks
        // nobody's address. A webhook endpoint that never answered is marked either way.
        if (failure.permanent || row.channel === 'webhook')
          await this.repo.markFailing(row.department_id, row.channel, row.address, failure.message);
        this.logger.warn(`${row.channel} to ${row.address} failed for good: ${failure.message}`);
        return;
      }
      // the job engine retries it with backoff
      throw failure;
    }
  }

  private async sendEmail(row: DeliveryRow): Promise<number | null> {
    const rows = await this.dataSource.query(
      `SELECT n.title, n.body, n.link, n.kind, coalesce(s.name, u.email) AS name, d.name AS department
         FROM notice n JOIN app_user u ON u.id = n.user_id LEFT JOIN staff s ON s.id = u.staff_id
         JOIN department d ON d.id = n.department_id
        WHERE n.id = $1`,
      [row.notice_id],
    );
    const notice = rows[0];
    if (!notice) throw new DeliveryFailure('the notice no longer exists', true, null);
    const mail = noticeEmail(notice, notice.name, notice.department, this.env.PUBLIC_URL);
    const sent = await this.mailer.send({
      to: row.address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: messageIdFor(row.key),
      headers: { 'X-HIM-Reminder': row.key },
    });
    const code = /^(\d{3})/.exec(sent.response)?.[1];
    return code ? Number(code) : null;
  }

  private async postWebhook(row: DeliveryRow): Promise<number> {
    const rows = await this.dataSource.query(
      `SELECT e.payload, w.secret, w.active FROM reminder_event e
         JOIN webhook_endpoint w ON w.id = $2 WHERE e.id = $1`,
      [row.event_id, row.webhook_id],
    );
    const event = rows[0];
    if (!event || !event.active)
      throw new DeliveryFailure('the endpoint was removed or turned off', true, null);
    const payload: WebhookPayload = {
      id: row.id,
      ...event.payload,
      sentAt: new Date().toISOString(),
    };
    const body = JSON.stringify(payload);
    let response: Response;
    try {
      response = await fetch(row.address, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'HIM-Readiness-Webhook/1',
          'x-him-event': payload.event,
          'x-him-delivery': row.id,
          [SIGNATURE_HEADER.toLowerCase()]: signBody(event.secret, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      throw new DeliveryFailure(
        `no answer: ${error instanceof Error ? error.message : error}`,
        false,
        null,
      );
    }
    if (response.status >= 200 && response.status < 300) return response.status;
    throw new DeliveryFailure(
      `answered ${response.status}`,
      response.status === 410,
      response.status,
    );
  }
}
