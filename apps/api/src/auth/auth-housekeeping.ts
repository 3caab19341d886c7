import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const EVERY_MS = 10 * 60 * 1000;

/**
 * Keeps the sign-in tables small: throttle counters whose window and block have passed, sessions
 * a day past their end, failed sign-ins older than 90 days. Every API process runs it; the
 * deletes are idempotent, so several at once do no harm.
 */
@Injectable()
export class AuthHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuthHousekeeping.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      await this.dataSource.query(`
        DELETE FROM rate_limit
         WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`);
      await this.dataSource.query(
        `DELETE FROM auth_session WHERE expires_at < now() - interval '1 day'`,
      );
      await this.dataSource.query(
        `DELETE FROM sign_in_failure WHERE at < now() - interval '90 days'`,
      );
      await this.dataSource.query(`DELETE FROM oidc_sign_in WHERE expires_at < now()`);
      await this.dataSource.query(`DELETE FROM auth_handoff WHERE expires_at < now()`);
      await this.dataSource.query(
        `DELETE FROM password_reset_token WHERE expires_at < now() - interval '1 day'`,
      );
    } catch (error) {
      this.logger.warn(`sign-in housekeeping failed: ${(error as Error).message}`);
    }
  }
}
