import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CeRulesModule } from '../ce-rules/ce-rules.module';
import { ENV, type Env } from '../config/env';
import { CredentialTypesModule } from '../credential-types/credential-types.module';
import { dataSourceOptions } from '../database/data-source';
import { DepartmentsModule } from '../departments/departments.module';
import { HealthController } from '../health/health.controller';
import { AnalysisModule } from '../readiness/analysis.module';
import { RolesModule } from '../roles/roles.module';
import { SkillsModule } from '../skills/skills.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { AssessmentsModule } from '../assessments/assessments.module';
import { CeActivitiesModule } from '../ce-activities/ce-activities.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { StaffModule } from '../staff/staff.module';
import { ReportsModule } from '../reports/reports.module';
import { CalendarModule } from '../calendar/calendar.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { ImportModule } from '../import/import.module';
import { JobsModule } from '../jobs/jobs.module';
import { MailModule } from '../mail/mail.module';
import { NotificationsModule } from '../notifications/notifications.module';

/** The feature modules; each owns its controller, service and DTOs. */
const FEATURES = [
  AnalysisModule,
  SkillsModule,
  StaffModule,
  AssessmentsModule,
  CredentialsModule,
  CeActivitiesModule,
  CredentialTypesModule,
  CeRulesModule,
  RolesModule,
  TeamsModule,
  DepartmentsModule,
  UsersModule,
  CalendarModule,
  EvidenceModule,
  ReportsModule,
  ImportModule,
  NotificationsModule,
];

@Module({})
export class AppModule {
  static register(env: Env, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, env.LOG_SQL),
          migrationsRun: false,
        }),
        AuditModule,
        AuthModule,
        JobsModule,
        MailModule,
        ...FEATURES,
      ],
      controllers: [HealthController],
      providers: [{ provide: ENV, useValue: env }],
      exports: [ENV],
    };
  }
}
