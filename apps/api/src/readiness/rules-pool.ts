import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { DataSource } from 'typeorm';
import { BusyException } from '../common/busy';
import { ENV, type Env } from '../config/env';
import { FactsRepository } from './facts.repository';
import { runRulesTask, type RulesResult, type RulesTask } from './rules-task';
import type { RulesWorkerData } from './rules.worker';

/** Seconds a client refused for a full queue is told to wait (Retry-After). */
const RETRY_AFTER_SECONDS = 2;

/** The built worker beside main.js, or the sources' (tests and ts-node). */
function workerFile(): string {
  const built = join(__dirname, 'rules-worker.js');
  return existsSync(built) ? built : join(__dirname, 'rules-worker.dev.js');
}

/**
 * Where the rules run: RULES_WORKERS worker threads (piscina), each computing one department at
 * a time, with at most RULES_QUEUE computations waiting; beyond that 503 with Retry-After. The
 * event loop stays free for /api/health and small requests. An aborted signal (the client went
 * away) takes a waiting task off the queue and stops a running one. RULES_WORKERS=0 runs the
 * rules in the event loop, one at a time per request, as before.
 */
@Injectable()
export class RulesPool implements OnModuleDestroy {
  private readonly pool: Piscina | undefined;

  constructor(
    @Inject(ENV) env: Env,
    @InjectDataSource() dataSource: DataSource,
    private readonly facts: FactsRepository,
  ) {
    if (env.RULES_WORKERS === 0) return;
    const workerData: RulesWorkerData = {
      databaseUrl: (dataSource.options as { url: string }).url,
      readUrl: env.DATABASE_READ_URL,
      connections: env.RULES_WORKER_CONNECTIONS,
    };
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: env.RULES_WORKERS,
      maxQueue: env.RULES_QUEUE,
      idleTimeout: 5 * 60_000,
      workerData,
    });
  }

  async run(task: RulesTask, signal: AbortSignal): Promise<RulesResult> {
    if (!this.pool) return runRulesTask(this.facts, task);
    try {
      return (await this.pool.run(task, { signal })) as RulesResult;
    } catch (error) {
      if (error instanceof Error && error.message === 'Task queue is at limit') {
        throw new BusyException(RETRY_AFTER_SECONDS);
      }
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
