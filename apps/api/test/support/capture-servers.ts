import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the capture SMTP server accepted. */
export interface CapturedMail {
  to: string[];
  messageId: string;
  reminderKey: string;
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it accepts; it can be stopped and
 * started again on the same port (a mail server going away in the middle of a run), and it
 * refuses the recipients in `refuse` with 550 (a mailbox that does not exist).
 */
export class CaptureSmtp {
  readonly mails: CapturedMail[] = [];
  readonly refuse = new Set<string>();
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refuse.has(address.address.toLowerCase())) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
        } else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '',
            reminderKey: /^X-HIM-Reminder:\s*(\S+)/im.exec(raw)?.[1] ?? '',
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A webhook receiver that checks each delivery's signature and counts deliveries by key. */
export class WebhookReceiver {
  secret = '';
  readonly received = new Map<string, number>();
  badSignatures = 0;
  failedOnPurpose = 0;
  /** answer 503 to the first delivery of every n-th key, so that retries happen */
  failFirstOfEvery = 0;
  private attempts = new Map<string, number>();
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    let sequence = 0;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const expected = Buffer.from(
          `sha256=${createHmac('sha256', this.secret).update(body).digest('hex')}`,
        );
        const sent = Buffer.from(String(req.headers['x-him-signature'] ?? ''));
        if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
          this.badSignatures += 1;
          res.writeHead(401).end();
          return;
        }
        const payload = JSON.parse(body.toString('utf8')) as { key: string };
        const tries = (this.attempts.get(payload.key) ?? 0) + 1;
        this.attempts.set(payload.key, tries);
        if (tries === 1 && this.failFirstOfEvery > 0 && ++sequence % this.failFirstOfEvery === 0) {
          this.failedOnPurpose += 1;
          res.writeHead(503).end();
          return;
        }
        this.received.set(payload.key, (this.received.get(payload.key) ?? 0) + 1);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
