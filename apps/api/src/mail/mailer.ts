import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { ENV, type Env } from '../config/env';

/** One message: the mailer knows nothing of reminders (a password-reset link goes the same way). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** a stable Message-ID (`<key@host>`): a retried message keeps its id, so clients can tell */
  messageId?: string;
  headers?: Record<string, string>;
}

/**
 * Why a message did not go. `permanent`: the server refused it for good (a 5xx reply such as
 * "mailbox unavailable"), so retrying cannot help and the address is marked; otherwise the
 * failure is transient (no connection, a 4xx reply, a timeout) and the delivery is retried.
 */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | null,
  ) {
    super(message);
  }
}

/** An SMTP failure as nodemailer reports it. */
export function classifyMailFailure(error: unknown): MailError {
  const e = error as { message?: string; responseCode?: number; code?: string; response?: string };
  const code = typeof e?.responseCode === 'number' ? e.responseCode : null;
  const permanent = code !== null && code >= 500 && code < 600;
  const text = (e?.response ?? e?.message ?? String(error)).toString().slice(0, 500);
  return new MailError(text, permanent, code);
}

/** smtp://user:password@host:port (STARTTLS when offered) or smtps://... (TLS from the start). */
export function smtpOptions(url: string): {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
} {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const user = decodeURIComponent(parsed.username);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass: decodeURIComponent(parsed.password) } } : {}),
  };
}

/**
 * Sends e-mail through the SMTP server of `SMTP_URL` (nodemailer), from `MAIL_FROM`. Without
 * SMTP_URL e-mail is off (`enabled` is false). One connection per message, no pool: a stopped
 * server is noticed by the next message, and nothing is kept open between deliveries.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | null;

  constructor(@Inject(ENV) private readonly env: Env) {
    this.transport = env.SMTP_URL
      ? nodemailer.createTransport({
          ...smtpOptions(env.SMTP_URL),
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one message; throws a MailError saying whether a retry can help. */
  async send(message: MailMessage): Promise<{ messageId: string; response: string }> {
    if (!this.transport) throw new MailError('e-mail is not configured (SMTP_URL)', true, null);
    try {
      const info = await this.transport.sendMail({
        from: this.env.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: message.headers,
      });
      const rejected = info.rejected ?? [];
      if (rejected.length > 0) {
        throw new MailError(`the server refused ${rejected.join(', ')}`, true, 550);
      }
      return { messageId: info.messageId, response: info.response ?? '' };
    } catch (error) {
      if (error instanceof MailError) throw error;
      throw classifyMailFailure(error);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
