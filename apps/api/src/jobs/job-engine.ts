import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { ENV, type Env } from '../config/env';

/** The schema of the job engine's tables (installed and upgraded by pg-boss itself). */
export const JOBS_SCHEMA = 'pgboss';

export interface JobInfo<T> {
  id: string;
  data: T;
  /** retries so far (0 on the first attempt) and how many there may be */
  retryCount: number;
  retryLimit: number;
}

export interface QueueDefinition<T> {
  name: string;
  /** retried with exponential backoff after a thrown error, or when the process running it died */
  retry?: { limit: number; delaySeconds: number };
  /** only one job of the queue runs at a time, cluster-wide */
  singleton?: boolean;
  /** an active job older than this is taken for dead and retried */
  expireInSeconds: number;
  /** send one job when the engine starts (one for all the processes starting within a minute) */
  atStartup?: boolean;
  /** no handler: this process sends to the queue but does not work it */
  handler?: (job: JobInfo<T>) => Promise<void>;
}

/**
 * Background work on PostgreSQL (pg-boss): jobs are rows in the application's own database,
 * written in the caller's transaction when it passes its EntityManager, so a job exists exactly
 * when the change that asked for it was committed. Several API processes share the queues; each
 * job is worked by one of them at a time, and a job whose process died is retried.
 */
@Injectable()
export class JobEngine implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly queues = new Map<string, QueueDefinition<never>>();
  private readonly schedules: { name: string; cron: string }[] = [];
  private readonly boss: PgBoss;
  private started = false;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(ENV) env: Env) {
    this.boss = new PgBoss({
      connectionString: (dataSource.options as PostgresConnectionOptions).url,
      schema: JOBS_SCHEMA,
      max: 4,
      application_name: 'him-readiness-jobs',
      maintenanceIntervalSeconds: env.JOBS_MAINTENANCE_SECONDS,
      // the job engine's own schedules (cron) are checked this often
      cronMonitorIntervalSeconds: 30,
    });
    this.boss.on('error', (error) => this.logger.warn(`job engine: ${error.message}`));
  }

  /** Features declare their queues while the application is built (onModuleInit). */
  define<T>(queue: QueueDefinition<T>): void {
    this.queues.set(queue.name, queue as QueueDefinition<never>);
  }

  /** A recurring job (cron, in UTC), sent once per slot however many processes run. */
  schedule(name: string, cron: string): void {
    this.schedules.push({ name, cron });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    for (const queue of this.queues.values()) {
      const options: PgBoss.Queue = {
        name: queue.name,
        policy: queue.singleton ? 'singleton' : 'standard',
        retryLimit: queue.retry?.limit ?? 0,
        retryDelay: queue.retry?.delaySeconds ?? 0,
        retryBackoff: queue.retry !== undefined,
        expireInSeconds: queue.expireInSeconds,
      };
      // Several processes start at once: creating is idempotent (ON CONFLICT DO NOTHING) and
      // the update keeps the options current after a change of configuration.
      await this.boss.createQueue(queue.name, options);
      await this.boss.updateQueue(queue.name, options);
      const handler = queue.handler;
      if (handler) {
        await this.boss.work<never>(
          queue.name,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 },
          async ([job]) =>
            handler({
              id: job.id,
              data: job.data,
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
            }),
        );
      }
    }
    for (const { name, cron } of this.schedules) await this.boss.schedule(name, cron);
    this.started = true;
    for (const queue of this.queues.values()) {
      if (queue.atStartup)
        await this.boss.send(queue.name, {}, { singletonKey: 'startup', singletonSeconds: 60 });
    }
  }

  /**
   * Queues a job. With `em` (a transaction's EntityManager) the job is inserted in that
   * transaction: committed with the change, or not at all.
   */
  async send<T extends object>(
    queue: string,
    data: T,
    em?: EntityManager,
    options: { singletonKey?: string; singletonSeconds?: number } = {},
  ): Promise<string | null> {
    const db = em ? transactionDb(em) : undefined;
    return this.boss.send(queue, data, { ...options, ...(db ? { db } : {}) });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000, close: true });
  }
}

/** pg-boss's database adapter over a TypeORM transaction. */
function transactionDb(em: EntityManager): PgBoss.Db {
  const runner = em.queryRunner;
  if (!runner) throw new Error('a job can only be sent in a transaction');
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const result = await runner.query(text, values, true);
      return { rows: (result.records ?? []) as unknown[] };
    },
  };
}
