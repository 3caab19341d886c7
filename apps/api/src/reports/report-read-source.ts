import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { ENV, type Env } from '../config/env';
import { FactsRepository } from '../readiness/facts.repository';
import { ReportFactsRepository } from './report-facts.repository';

/** The repositories a report reads its members' records through, over one database. */
export interface ReportRepositories {
  facts: FactsRepository;
  reportFacts: ReportFactsRepository;
  /** which database they read: the replica (DATABASE_READ_URL) or the primary */
  source: 'replica' | 'primary';
}

/** Connections to the replica per API process: a report reads a batch's kinds of records at once. */
const REPLICA_CONNECTIONS = 4;

/**
 * Where a report reads from. With DATABASE_READ_URL, the replica once it has caught up with the
 * department's data version on the primary (so a report never shows less than the primary had
 * when it was asked for), otherwise, or when the replica does not answer, the primary; as the
 * rules worker decides for the analysis endpoints. The repositories need only `query` for
 * SELECTs, so the replica is a plain pg pool, opened when the first report needs it.
 */
@Injectable()
export class ReportReadSource implements OnModuleDestroy {
  private readonly readUrl: string | undefined;
  private replicaPool: Pool | undefined;
  private replicaRepositories: ReportRepositories | undefined;
  private readonly primary: ReportRepositories;

  constructor(
    @Inject(ENV) env: Env,
    @InjectDataSource() private readonly dataSource: DataSource,
    facts: FactsRepository,
    reportFacts: ReportFactsRepository,
  ) {
    this.readUrl = env.DATABASE_READ_URL;
    this.primary = { facts, reportFacts, source: 'primary' };
  }

  /** The replica's repositories when it has caught up with the department, else the primary's. */
  async forDepartment(departmentId: string): Promise<ReportRepositories> {
    if (!this.readUrl) return this.primary;
    const replica = this.replica();
    try {
      const versionIn = async (query: (sql: string, params: unknown[]) => Promise<unknown[]>) => {
        const rows = (await query(
          `SELECT version FROM department_data_version WHERE department_id = $1`,
          [departmentId],
        )) as { version: string | number }[];
        return Number(rows[0]?.version ?? 0);
      };
      const [onPrimary, onReplica] = await Promise.all([
        versionIn((sql, params) => this.dataSource.query(sql, params)),
        versionIn(async (sql, params) => (await replica.pool.query(sql, params)).rows),
      ]);
      return onReplica >= onPrimary ? replica.repositories : this.primary;
    } catch {
      return this.primary;
    }
  }

  private replica(): { pool: Pool; repositories: ReportRepositories } {
    if (!this.replicaPool || !this.replicaRepositories) {
      const pool = new Pool({ connectionString: this.readUrl, max: REPLICA_CONNECTIONS });
      // a replica that goes away answers errors to its queries, never crashes the process
      pool.on('error', () => undefined);
      const dataSource = {
        query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
      } as unknown as DataSource;
      this.replicaPool = pool;
      this.replicaRepositories = {
        facts: new FactsRepository(dataSource),
        reportFacts: new ReportFactsRepository(dataSource),
        source: 'replica',
      };
    }
    return { pool: this.replicaPool, repositories: this.replicaRepositories };
  }

  async onModuleDestroy(): Promise<void> {
    await this.replicaPool?.end();
  }
}
