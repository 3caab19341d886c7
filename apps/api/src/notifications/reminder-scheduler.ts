import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ENV, type Env } from '../config/env';
import { JobEngine } from '../jobs/job-engine';
import { RemindersService } from './reminders.service';

export const TICK_QUEUE = 'reminders-tick';

/**
 * The scheduler: a recurring job of the job engine (one per slot however many API processes
 * run, and one at a time), plus one when the server starts so that a restart catches up at
 * once. Each tick runs today for every department in its own zone (RemindersService.run), so a
 * tick that comes twice or late sends nothing twice and misses nothing.
 */
@Injectable()
export class ReminderScheduler implements OnModuleInit {
  constructor(
    private readonly jobs: JobEngine,
    private readonly reminders: RemindersService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onModuleInit(): void {
    if (!this.env.REMINDERS_SCHEDULER) return;
    this.jobs.define({
      name: TICK_QUEUE,
      singleton: true,
      expireInSeconds: 15 * 60,
      atStartup: true,
      handler: () => this.reminders.runScheduled(),
    });
    this.jobs.schedule(TICK_QUEUE, `*/${this.env.REMINDERS_INTERVAL_MINUTES} * * * *`);
  }
}
