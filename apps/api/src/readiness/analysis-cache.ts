import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MemberScope } from '../auth/access-policy';
import { notFound } from '../common/errors';
import { ENV, type Env } from '../config/env';
import type { RulesResult, RulesTask } from './rules-task';
import { RulesPool } from './rules-pool';

/** The department's time zone and data version, read together: the one query of a cached answer. */
export interface DepartmentState {
  timeZone: string;
  version: number;
}

interface Entry {
  version: number;
  result: Promise<RulesResult>;
  /** requests still waiting for a computation that has not finished */
  waiting: number;
  settled: boolean;
  abort: AbortController;
}

/** Who a scope covers, as a cache key: the department, these teams or these members. */
function scopeKey(scope: MemberScope): string {
  switch (scope.kind) {
    case 'department':
    case 'none':
      return scope.kind;
    case 'teams':
      return `teams:${[...scope.teamIds].sort().join(',')}`;
    case 'staff':
      return `staff:${[...scope.staffIds].sort().join(',')}`;
  }
}

/** The cache key of a task: everything it depends on but the data version. */
export function taskKey(task: RulesTask): string {
  const extra =
    task.kind === 'readiness'
      ? task.extraDates.join(',')
      : task.kind === 'survey-window'
        ? `${task.from},${task.to}`
        : task.kind === 'reassessments-due' || task.kind === 'expirations'
          ? String(task.withinDays ?? '')
          : task.kind === 'member-readiness'
            ? task.staffId
            : '';
  return [
    task.scope.departmentId,
    scopeKey(task.scope),
    task.kind,
    task.asOf,
    task.teamId ?? '',
    extra,
  ].join('|');
}

/**
 * Compute once, serve many: every analysis (readiness, survey window, skills matrix, CE status,
 * deadlines, expirations, reassessments due, one member's readiness) for one department, scope
 * and day is the same for every caller until the department's data changes, and every write
 * bumps the department data version in its own transaction (migration 1797200000000). Each
 * request reads that version (one primary-key lookup, with the time zone it needs anyway) and is
 * served the answer computed at that version or later; an older one is never served, so any
 * number of processes over one database stay correct without talking to each other.
 *
 * The version is read before the facts are loaded, so an answer stored under version v holds
 * everything committed up to v (and perhaps a little after, which is never wrong to show).
 * Concurrent requests for the same answer share one computation; when every request waiting for
 * it has gone away (the clients disconnected) the computation is aborted.
 */
@Injectable()
export class AnalysisCache {
  /** department-wide and team answers, least recently used first */
  private readonly wide = new Map<string, Entry>();
  /**
   * one-member answers (a staff member's own figures, one member's readiness), kept apart so
   * that many members looking at their own never push a department's answer out
   */
  private readonly members = new Map<string, Entry>();
  private readonly capacity: number;
  private served = 0;
  private computed = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pool: RulesPool,
    @Inject(ENV) env: Env,
  ) {
    this.capacity = env.ANALYSIS_CACHE_ENTRIES;
  }

  async departmentState(departmentId: string): Promise<DepartmentState> {
    const rows: { time_zone: string; version: string | null }[] = await this.dataSource.query(
      `SELECT d.time_zone, v.version
         FROM department d LEFT JOIN department_data_version v ON v.department_id = d.id
        WHERE d.id = $1`,
      [departmentId],
    );
    if (rows.length === 0) throw notFound('department');
    return { timeZone: rows[0].time_zone, version: Number(rows[0].version ?? 0) };
  }

  /**
   * Answers served since the start, and how many of them were computed (the others came from
   * the cache or shared a computation already running).
   */
  counts(): { served: number; computed: number } {
    return { served: this.served, computed: this.computed };
  }

  /** The task's answer at `task.version` or later, computed at most once per version. */
  async answer(task: RulesTask, signal: AbortSignal): Promise<RulesResult> {
    const key = taskKey(task);
    const entries = task.scope.kind === 'staff' ? this.members : this.wide;
    this.served++;
    let entry = entries.get(key);
    if (entry && entry.version >= task.version) {
      // least recently used last
      entries.delete(key);
      entries.set(key, entry);
    } else {
      // an older computation still running goes on for those waiting for it (their answer as of
      // the version they read); it is stopped only when all of them have gone
      entry = this.start(entries, key, task);
    }
    if (entry.settled) return entry.result;
    return this.wait(entries, key, entry, signal);
  }

  private start(entries: Map<string, Entry>, key: string, task: RulesTask): Entry {
    const abort = new AbortController();
    this.computed++;
    const entry: Entry = {
      version: task.version,
      // one member's readiness is a few small queries: here, not behind a department's queue
      result:
        task.kind === 'member-readiness'
          ? this.pool.runHere(task)
          : this.pool.run(task, abort.signal),
      waiting: 0,
      settled: false,
      abort,
    };
    entry.result.then(
      () => {
        entry.settled = true;
      },
      () => {
        entry.settled = true;
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    entries.set(key, entry);
    while (entries.size > this.capacity) {
      const oldest = entries.keys().next().value as string;
      if (oldest === key) break;
      entries.delete(oldest);
    }
    if (this.capacity === 0) entries.delete(key);
    return entry;
  }

  private async wait(
    entries: Map<string, Entry>,
    key: string,
    entry: Entry,
    signal: AbortSignal,
  ): Promise<RulesResult> {
    entry.waiting++;
    const gone = () => {
      entry.waiting--;
      if (entry.waiting === 0 && !entry.settled) {
        entry.abort.abort();
        if (entries.get(key) === entry) entries.delete(key);
      }
    };
    if (signal.aborted) gone();
    else signal.addEventListener('abort', gone, { once: true });
    try {
      return await entry.result;
    } finally {
      signal.removeEventListener('abort', gone);
      if (!signal.aborted) entry.waiting--;
    }
  }
}
