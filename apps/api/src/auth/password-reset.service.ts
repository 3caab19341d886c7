import {
  BadRequestException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { InjectThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserRole } from '@him/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ENV, type Env } from '../config/env';
import { Mailer } from '../mail/mailer';
import type { Clock } from '../notifications/clock';
import { sha256 } from './oidc/sso.service';
import { hashPassword } from './passwords';
import { passwordProblem } from './password-policy';
import { keepsUserManagement } from './permissions';
import { PostgresThrottlerStorage } from './rate-limit.storage';
import { SessionStore, type ClientInfo } from './sessions';

/** The clock of password-reset links, injectable so that a test can let 30 minutes pass. */
export const AUTH_CLOCK = Symbol('AUTH_CLOCK');

/** How long a link works. */
export const RESET_LINK_MINUTES = 30;
/** Links sent to one address within an hour; more asks are answered alike and send nothing. */
const LINKS_PER_ACCOUNT_PER_HOUR = 3;
/** Asks from one client address within 15 minutes before it gets 429. */
const ASKS_PER_ADDRESS = 10;
const HOUR_MS = 3600_000;
const QUARTER_MS = 15 * 60_000;

const INVALID_TOKEN =
  'token is not valid: the link was already used, has expired or was replaced; ask for a new one';

interface ResettableAccount {
  id: string;
  email: string;
  role: UserRole;
  department_id: string;
  staff_id: string | null;
}

/**
 * "Forgot password?": a one-time link by e-mail through the Mailer. The token is 256 random bits;
 * only its SHA-256 is kept, with an expiry 30 minutes on and a used mark. The answer to an ask is
 * the same whether or not the address has an account (and the e-mail goes out after the answer),
 * so it tells nothing; asks are throttled per client address (429) and per account (silently).
 * Setting the password follows the password policy, uses the link up with every other link of
 * the account, and ends every session of the account.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENV) private readonly env: Env,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @InjectThrottlerStorage() private readonly limits: PostgresThrottlerStorage,
    private readonly mailer: Mailer,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
  ) {}

  get enabled(): boolean {
    return this.mailer.enabled;
  }

  /** Sends a link when the address has an account that signs in with a password; answers alike either way. */
  async request(email: string, client: ClientInfo): Promise<void> {
    if (!this.enabled) {
      throw new NotFoundException(
        'Password reset by e-mail is not configured here; ask an admin to set a new password',
      );
    }
    const address = client.address ?? 'unknown';
    const byAddress = await this.limits.increment(
      address,
      QUARTER_MS,
      ASKS_PER_ADDRESS,
      QUARTER_MS,
      'reset-address',
    );
    if (byAddress.isBlocked) {
      throw new HttpException(
        {
          error: 'Too Many Requests',
          message: ['Too many password reset requests. Try again in 15 minutes.'],
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const normalized = email.trim().toLowerCase();
    const byAccount = await this.limits.increment(
      normalized,
      HOUR_MS,
      LINKS_PER_ACCOUNT_PER_HOUR,
      HOUR_MS,
      'reset-account',
    );
    if (byAccount.isBlocked) return;
    const [account]: ResettableAccount[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.role, u.department_id, u.staff_id, d.password_sign_in,
              d.break_glass_user_id
         FROM app_user u JOIN department d ON d.id = u.department_id
        WHERE lower(u.email) = $1 AND u.active`,
      [normalized],
    );
    if (!account || !this.usesPassword(account)) return;
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO password_reset_token (user_id, token_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4)`,
      [account.id, sha256(token), now, new Date(now.getTime() + RESET_LINK_MINUTES * 60_000)],
    );
    // Not awaited: the answer must not take longer for an address that has an account.
    void this.send(account.email, token);
  }

  private usesPassword(account: ResettableAccount): boolean {
    const row = account as ResettableAccount & {
      password_sign_in: boolean;
      break_glass_user_id: string | null;
    };
    if (!this.env.OIDC || row.password_sign_in) return true;
    return row.break_glass_user_id === row.id && keepsUserManagement(row.role);
  }

  private async send(to: string, token: string): Promise<void> {
    const link = `${this.env.PUBLIC_URL}/reset-password?token=${token}`;
    try {
      await this.mailer.send({
        to,
        subject: 'Reset your HIM Readiness password',
        text: [
          'Someone asked to reset the password of your HIM Readiness account.',
          '',
          `To choose a new password, open this link within ${RESET_LINK_MINUTES} minutes. It works once:`,
          link,
          '',
          'If you did not ask for this, ignore this e-mail: your password stays as it is.',
        ].join('\n'),
      });
    } catch (error) {
      this.logger.error(`the password reset e-mail to ${to} could not be sent: ${String(error)}`);
    }
  }

  /** Sets the password of the link's account and uses the link up; every session of the account ends. */
  async complete(token: string, password: string, client: ClientInfo): Promise<void> {
    const hash = sha256(token);
    const [found]: { email: string }[] = await this.dataSource.query(
      `SELECT u.email FROM password_reset_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND u.active`,
      [hash, this.clock.now()],
    );
    if (!found) throw new BadRequestException([INVALID_TOKEN]);
    const problem = passwordProblem(password, [found.email]);
    if (problem) throw new BadRequestException([`password ${problem}`]);
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const [row]: ResettableAccount[] = await em.query(
        `SELECT u.id, u.email, u.role, u.department_id, u.staff_id
           FROM password_reset_token t JOIN app_user u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND u.active
          FOR UPDATE OF t, u`,
        [hash, now],
      );
      if (!row) throw new BadRequestException([INVALID_TOKEN]);
      await em.query(
        `UPDATE app_user SET password_hash = $2, version = version + 1 WHERE id = $1`,
        [row.id, passwordHash],
      );
      await em.query(
        `UPDATE password_reset_token SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`,
        [row.id, now],
      );
      const ended = await this.sessions.revokeAllOf(em, row.id, 'password-changed');
      await this.audit.record(
        em,
        {
          id: row.id,
          email: row.email,
          role: row.role,
          staffId: row.staff_id,
          departmentId: row.department_id,
        },
        row.department_id,
        {
          action: 'password-reset',
          entity: 'user',
          entityId: row.id,
          after: { passwordChanged: true, sessionsEnded: ended, from: client.address },
          note: 'password set through an e-mailed reset link',
        },
      );
    });
  }
}
