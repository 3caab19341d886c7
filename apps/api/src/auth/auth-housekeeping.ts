import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobEngine } from '../jobs/job-engine';

/** The job engine's queue of the sign-in housekeeping. */
export const AUTH_HOUSEKEEPING_QUEUE = 'auth-housekeeping';
/** Every ten minutes (UTC cron of the job engine). */
export const AUTH_HOUSEKEEPING_CRON = '*/10 * * * *';

/**
 * Keeps the sign-in tables small: throttle counters whose window and block have passed, sessions
 * a day past their end, failed sign-ins older than 90 days, spent sign-in handoffs and reset
 * tokens. A recurring job of the PostgreSQL job engine: one job per ten-minute slot however many
 * API processes run, and a singleton queue, so two processes never sweep at once.
 */
@Injectable()
export class AuthHousekeeping implements OnModuleInit {
  private readonly logger = new Logger(AuthHousekeeping.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobEngine,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: AUTH_HOUSEKEEPING_QUEUE,
      singleton: true,
      expireInSeconds: 5 * 60,
      handler: () => this.sweep(),
    });
    this.jobs.schedule(AUTH_HOUSEKEEPING_QUEUE, AUTH_HOUSEKEEPING_CRON);
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
