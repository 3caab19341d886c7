import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@him/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../auth/has-permission.decorator';

export const APP_VERSION = process.env['npm_package_version'] ?? '0.1.0';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Answers at /api/v1/health and, outside the version prefix, /api/health. */
  @Get(['health', '/api/health'])
  @Public()
  async health(): Promise<HealthResponse> {
    let database: HealthResponse['database'] = 'up';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      database = 'down';
    }
    return { status: 'ok', database, version: APP_VERSION };
  }
}
