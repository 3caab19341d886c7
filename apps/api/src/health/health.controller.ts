import { Controller, Get, OnModuleDestroy } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@him/contracts';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Public } from '../auth/has-permission.decorator';

export const APP_VERSION = process.env['npm_package_version'] ?? '0.1.0';

/** How long the health check waits for the database before it says `down`. */
const HEALTH_DB_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller()
export class HealthController implements OnModuleDestroy {
  /**
   * The health check's own connection: a load balancer's probe never queues behind the requests
   * it is probing for (the main pool may be busy with a department's facts).
   */
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = new Pool({
      connectionString: (dataSource.options as { url: string }).url,
      max: 1,
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: HEALTH_DB_TIMEOUT_MS,
      query_timeout: HEALTH_DB_TIMEOUT_MS,
    });
    // an idle connection the server dropped is replaced on the next check
    this.pool.on('error', () => undefined);
  }

  /** Answers at /api/v1/health and, outside the version prefix, /api/health. */
  @Get(['health', '/api/health'])
  @Public()
  async health(): Promise<HealthResponse> {
    let database: HealthResponse['database'] = 'up';
    try {
      await this.pool.query('SELECT 1');
    } catch {
      database = 'down';
    }
    return { status: 'ok', database, version: APP_VERSION };
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
