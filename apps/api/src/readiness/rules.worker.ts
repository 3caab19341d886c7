/**
 * The worker thread of RulesPool (piscina): loads the facts over its own small pool of
 * connections and runs the rules, so the API's event loop only routes requests and sends bytes.
 * With DATABASE_READ_URL it reads from the replica once the replica has caught up with the data
 * version the request saw on the primary; otherwise from the primary.
 */
import { Pool, types } from 'pg';
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
}

const data = workerData as RulesWorkerData;

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

export default async function run(task: RulesTask): Promise<RulesResult> {
  const facts = replicaFacts && (await replicaCaughtUp(task)) ? replicaFacts : primaryFacts;
  return runRulesTask(facts, task);
}
