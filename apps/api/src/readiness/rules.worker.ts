/**
 * The worker thread of RulesPool (piscina): loads the facts over its own small pool of
 * connections and runs the rules, so the API's event loop only routes requests and sends bytes.
 * With DATABASE_READ_URL it reads from the replica once the replica has caught up with the data
 * version the request saw on the primary; otherwise from the primary.
 */
import { setPriority } from 'node:os';
import { Pool, types } from 'pg';
import { Piscina } from 'piscina';
import type { DataSource } from 'typeorm';
import { workerData } from 'node:worker_threads';
import { FactsRepository } from './facts.repository';
import { runRulesTask, type RulesResult, type RulesTask } from './rules-task';

// Calendar dates stay `YYYY-MM-DD` strings, as in data-source.ts.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export interface RulesWorkerData {
  databaseUrl: string;
  readUrl?: string;
  connections: number;
  /** this thread's nice value (RULES_WORKER_NICE) */
  nice: number;
}

const data = workerData as RulesWorkerData;

// On Linux the nice value is the calling thread's: this worker yields the CPU to the event loop
// (and so to /api/health and small requests) when both have work on a busy machine.
try {
  if (data.nice > 0) setPriority(data.nice);
} catch {
  // not allowed here: run at the process's priority
}

function factsOver(pool: Pool): FactsRepository {
  // FactsRepository needs only DataSource.query: rows for a SELECT.
  const dataSource = {
    query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
  } as unknown as DataSource;
  return new FactsRepository(dataSource);
}

const primary = new Pool({ connectionString: data.databaseUrl, max: data.connections });
const replica = data.readUrl
  ? new Pool({ connectionString: data.readUrl, max: data.connections })
  : undefined;
const primaryFacts = factsOver(primary);
const replicaFacts = replica ? factsOver(replica) : undefined;

async function replicaCaughtUp(task: RulesTask): Promise<boolean> {
  if (!replica) return false;
  try {
    const rows = (
      await replica.query(`SELECT version FROM department_data_version WHERE department_id = $1`, [
        task.scope.departmentId,
      ])
    ).rows;
    return Number(rows[0]?.version ?? 0) >= task.version;
  } catch {
    return false;
  }
}

/** A view over an ArrayBuffer of its own (copied here when it shares one), to transfer. */
function own<T extends Uint8Array | Uint32Array>(view: T): T {
  if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) return view;
  return view.slice() as T;
}

/**
 * The result with its byte arrays moved to the event loop's thread rather than copied there
 * (a department's 5 MB of JSON would otherwise be cloned on the event loop).
 */
function moved(result: RulesResult): RulesResult {
  const out: RulesResult =
    result.kind === 'readiness'
      ? {
          ...result,
          json: own(result.json),
          summaryBytes: own(result.summaryBytes),
          memberSpans: own(result.memberSpans),
          memberReady: own(result.memberReady),
        }
      : {
          ...result,
          json: own(result.json),
          ...(result.gzip ? { gzip: own(result.gzip) } : {}),
        };
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(out)) {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
  }
  const movable = {
    [Piscina.transferableSymbol]: [...buffers],
    [Piscina.valueSymbol]: out,
  } as unknown as Parameters<typeof Piscina.move>[0];
  return Piscina.move(movable) as unknown as RulesResult;
}

export default async function run(task: RulesTask): Promise<RulesResult> {
  const facts = replicaFacts && (await replicaCaughtUp(task)) ? replicaFacts : primaryFacts;
  return moved(await runRulesTask(facts, task));
}
