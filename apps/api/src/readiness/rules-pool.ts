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
  private inFlight = 0;
  private completed = 0;
  private aborted = 0;
  private readonly workers: number;
  private readonly queue: number;

  constructor(
    @Inject(ENV) env: Env,
    @InjectDataSource() dataSource: DataSource,
    private readonly facts: FactsRepository,
  ) {
    this.workers = env.RULES_WORKERS;
    this.queue = env.RULES_QUEUE;
    if (env.RULES_WORKERS === 0) return;
    const workerData: RulesWorkerData = {
      databaseUrl: (dataSource.options as { url: string }).url,
      readUrl: env.DATABASE_READ_URL,
      connections: env.RULES_WORKER_CONNECTIONS,
      nice: env.RULES_WORKER_NICE,
    };
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: env.RULES_WORKERS,
      maxThreads: env.RULES_WORKERS,
      // the bound is kept here (run), counting running and waiting tasks alike
      maxQueue: Infinity,
      idleTimeout: 5 * 60_000,
      workerData,
    });
  }

  /** Computations running and waiting now, and finished or aborted since the start. */
  counts(): { running: number; waiting: number; completed: number; aborted: number } {
    return {
      running: Math.min(this.inFlight, this.workers),
      waiting: Math.max(0, this.inFlight - this.workers),
      completed: this.completed,
      aborted: this.aborted,
    };
  }

  async run(task: RulesTask, signal: AbortSignal): Promise<RulesResult> {
    if (!this.pool) return runRulesTask(this.facts, task);
    if (this.inFlight >= this.workers + this.queue) throw new BusyException(RETRY_AFTER_SECONDS);
    this.inFlight++;
    try {
      const result = (await this.pool.run(task, { signal })) as RulesResult;
      this.completed++;
      return result;
    } catch (error) {
      if (signal.aborted) this.aborted++;
      throw error;
    } finally {
      this.inFlight--;
    }
  }

  /** A small task run in the process, as RULES_WORKERS=0 runs them all. */
  runHere(task: RulesTask): Promise<RulesResult> {
    return runRulesTask(this.facts, task);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
