import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import type { Env } from '../config/env';
import { ENV } from '../config/env.provider';
import { dataSourceOptions } from '../database/data-source';
import { HealthController } from '../health/health.controller';
import { AnalysisModule } from '../readiness/analysis.module';
import { SkillsModule } from '../skills/skills.module';

/** The feature modules; each owns its controller, service and DTOs. */
const FEATURES = [AnalysisModule, SkillsModule];

@Module({})
export class AppModule {
  static register(env: Env, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, env.LOG_SQL), migrationsRun: false }),
        AuditModule,
        AuthModule,
        ...FEATURES,
      ],
      controllers: [HealthController],
      providers: [{ provide: ENV, useValue: env }],
      exports: [ENV],
    };
  }
}
