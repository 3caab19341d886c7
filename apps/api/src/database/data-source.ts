import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { CeActivityCredentialEntity, CeActivityEntity } from '../ce-activities/ce-activity.entity';
import { CalendarTokenEntity } from '../calendar/calendar-token.entity';
import { CeRuleEntity } from '../ce-rules/ce-rule.entity';
import {
  CredentialTypeEntity,
  CredentialTypeSkillEntity,
  CredentialTypeSupersessionEntity,
} from '../credential-types/credential-type.entity';
import { CredentialEntity } from '../credentials/credential.entity';
import { DepartmentEntity } from '../departments/department.entity';
import { EvidenceFileEntity } from '../evidence/evidence-file.entity';
import { RequirementCredentialTypeEntity, RequirementEntity } from '../roles/requirement.entity';
import { RoleEntity } from '../roles/role.entity';
import { SkillEntity } from '../skills/skill.entity';
import { StaffEntity } from '../staff/staff.entity';
import { TeamEntity, TeamManagerEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { CalendarTokensAndEvidenceFiles1795488000000 } from './migrations/1795488000000-calendar-tokens-and-evidence-files';
import { CeActivitySubmissionTeam1796200000000 } from './migrations/1796200000000-ce-activity-submission-team';
import { SessionsSignInLogAndRateLimits1796200100000 } from './migrations/1796200100000-sessions-sign-in-log-and-rate-limits';
import { RemindersAndNotices1796300000000 } from './migrations/1796300000000-reminders-and-notices';
import { LapsingAssessmentsSupersessionAfterLapse1797000000000 } from './migrations/1797000000000-lapsing-assessments-supersession-after-lapse';
import { CtrBecomesOds1797000100000 } from './migrations/1797000100000-ctr-becomes-ods';
import { CredentialVerificationReference1797100000000 } from './migrations/1797100000000-credential-verification-reference';
import { DepartmentDataVersion1797200000000 } from './migrations/1797200000000-department-data-version';
import { SingleSignOnAndPasswordReset1797300000000 } from './migrations/1797300000000-single-sign-on-and-password-reset';
import { SupersessionDataVersion1797500000000 } from './migrations/1797500000000-supersession-data-version';
import { DepartmentStaffMayAddCredentials1797800000000 } from './migrations/1797800000000-department-staff-may-add-credentials';
import { ReadinessSnapshots1798000000000 } from './migrations/1798000000000-readiness-snapshots';
import { SystemSettingEntity } from './system-setting.entity';

// Calendar dates stay `YYYY-MM-DD` strings end to end: no time zone can shift them.
types.setTypeParser(types.builtins.DATE, (value) => value);

/** Registered explicitly, never by file glob: globs break once the app is bundled. */
export const ENTITIES = [
  SystemSettingEntity,
  DepartmentEntity,
  SkillEntity,
  CredentialTypeEntity,
  CredentialTypeSkillEntity,
  CredentialTypeSupersessionEntity,
  CeRuleEntity,
  RoleEntity,
  TeamEntity,
  TeamManagerEntity,
  RequirementEntity,
  RequirementCredentialTypeEntity,
  StaffEntity,
  UserEntity,
  AssessmentEntity,
  CredentialEntity,
  CeActivityEntity,
  CeActivityCredentialEntity,
  AuditEventEntity,
  CalendarTokenEntity,
  EvidenceFileEntity,
];

export const MIGRATIONS = [
  InitialSchema1764000000000,
  CalendarTokensAndEvidenceFiles1795488000000,
  CeActivitySubmissionTeam1796200000000,
  SessionsSignInLogAndRateLimits1796200100000,
  RemindersAndNotices1796300000000,
  LapsingAssessmentsSupersessionAfterLapse1797000000000,
  CtrBecomesOds1797000100000,
  CredentialVerificationReference1797100000000,
  DepartmentDataVersion1797200000000,
  SingleSignOnAndPasswordReset1797300000000,
  SupersessionDataVersion1797500000000,
  DepartmentStaffMayAddCredentials1797800000000,
  ReadinessSnapshots1798000000000,
];

/** The one set of options shared by Nest, the migration CLI, the seed tools and the tests. */
export function dataSourceOptions(url: string, logging = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: logging ? 'all' : false,
    extra: { max: 10 },
  };
}

export function createDataSource(url: string, logging = false): DataSource {
  return new DataSource(dataSourceOptions(url, logging));
}

/** For the TypeORM CLI: `npx typeorm-ts-node-commonjs -d apps/api/src/database/data-source.ts migration:show`. */
export default createDataSource(
  process.env['DATABASE_URL'] ?? 'postgres://localhost/him_readiness',
);
