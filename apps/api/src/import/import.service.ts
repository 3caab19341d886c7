import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import {
  ASSESSMENT_SOURCES,
  PROFICIENCY_LABELS,
  STAFF_STATUSES,
  VERIFICATION_METHODS,
  type ImportFileFormat,
  type ImportKind,
  type ImportMode,
  type ImportRejection,
  type ImportResult,
} from '@him/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import { hasPermission, PERMISSIONS, type Permission } from '../auth/permissions';
import type { RequestUser } from '../auth/request-user';
import { departmentToday } from '../common/department-today';
import { AuditBatch } from './batch-sql';
import { mapColumns } from './columns';
import type { UploadedImportFile } from './import.dto';
import type { ImportContext, ImportHandler, ImportPlan } from './import-kind';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { ImportRow } from './import-row';
import { importTemplate, type TemplateFile } from './import-template';
import { AssessmentImport } from './kinds/assessment-import';
import { CeActivityImport } from './kinds/ce-activity-import';
import { CredentialImport } from './kinds/credential-import';
import { RoleRequirementImport } from './kinds/role-requirement-import';
import { StaffImport } from './kinds/staff-import';
import { badFile, readSpreadsheet } from './spreadsheet';

/** The permission that writing each kind one record at a time needs (the route needs staff:write too). */
const KIND_PERMISSION: Record<ImportKind, Permission> = {
  staff: PERMISSIONS.staffWrite,
  credentials: PERMISSIONS.credentialsWrite,
  'ce-activities': PERMISSIONS.ceWrite,
  assessments: PERMISSIONS.assessmentsWrite,
  // a role's requirements are the catalog's: only an admin edits a role
  'role-requirements': PERMISSIONS.catalogWrite,
};

export interface ImportOutcome {
  result: ImportResult;
  /** a commit refused because of a problem in a row: 400, nothing written */
  rejected: boolean;
}

/**
 * Bulk import of staff, credentials, CE activities, assessments and role requirements from a CSV or XLSX file
 * (docs/import.md). A dry run checks every row against the same DTOs and rules as the API and
 * says what each row would do; a commit checks again inside one transaction and applies every
 * row or none, audited as one import plus one event per record written.
 */
@Injectable()
export class ImportService {
  private readonly handlers: Record<ImportKind, ImportHandler>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
    access: AccessPolicy,
  ) {
    this.handlers = {
      staff: new StaffImport(),
      credentials: new CredentialImport(access),
      'ce-activities': new CeActivityImport(access),
      assessments: new AssessmentImport(access),
      'role-requirements': new RoleRequirementImport(),
    } as Record<ImportKind, ImportHandler>;
  }

  async template(
    user: RequestUser,
    kind: ImportKind,
    format: ImportFileFormat,
  ): Promise<TemplateFile> {
    this.assertMayImport(user, kind);
    return importTemplate(
      kind,
      format,
      this.handlers[kind].example,
      await this.acceptedValues(user, kind),
    );
  }

  async run(
    user: RequestUser,
    kind: ImportKind,
    mode: ImportMode,
    file: UploadedImportFile | undefined,
  ): Promise<ImportOutcome> {
    this.assertMayImport(user, kind);
    if (!file) {
      throw new BadRequestException([
        'file: attach the CSV or XLSX file as the multipart form field "file"',
      ]);
    }
    const fileName = cleanFileName(file.originalname);
    const sheet = await readSpreadsheet(file.buffer, this.limits);
    const columns = mapColumns(kind, sheet);
    // readSpreadsheet stopped at the row cap already (more rows never reach memory).
    if (sheet.rows.length === 0) throw badFile('file: the file has no data rows below the header');
    const handler = this.handlers[kind];
    const rows = () => sheet.rows.map((row) => new ImportRow(row, columns));
    const context = async (em: EntityManager): Promise<ImportContext> => ({
      em,
      user,
      today: await departmentToday(em, user.departmentId),
      fileName,
    });

    if (mode === 'dry-run') {
      const plan = await handler.plan(await context(this.dataSource.manager), rows());
      return {
        result: this.result(kind, mode, fileName, sheet.rows.length, plan, null),
        rejected: false,
      };
    }

    return this.dataSource.transaction(async (em) => {
      // One import at a time per department, so two commits never plan over the same rows.
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `him-import:${user.departmentId}`,
      ]);
      const ctx = await context(em);
      const plan = await handler.plan(ctx, rows());
      if (plan.errors.length > 0) {
        return {
          result: this.result(kind, mode, fileName, sheet.rows.length, plan, null),
          rejected: true,
        };
      }
      const importId = randomUUID();
      const result = this.result(kind, mode, fileName, sheet.rows.length, plan, importId);
      const audit = new AuditBatch(user, user.departmentId);
      // The import itself is a user action, recorded even when every row is unchanged.
      audit.add({
        action: 'create',
        entity: 'import',
        entityId: importId,
        after: {
          kind,
          fileName,
          format: sheet.format,
          rows: result.rows,
          create: result.create,
          update: result.update,
          unchanged: result.unchanged,
        },
        note: `import of ${fileName}`,
      });
      await handler.apply(
        { ...ctx, importId, audit },
        plan.changes.filter((c) => c.action !== 'unchanged'),
      );
      await audit.flush(em);
      return { result, rejected: false };
    });
  }

  /** The 400 body of a refused commit: the API's error shape, with the import's answer beside it. */
  rejection(result: ImportResult): ImportRejection {
    const shown = result.errors.slice(0, 100);
    const message = shown.map((e) => `line ${e.line}, ${e.field}: ${e.message}`);
    if (result.errorCount > shown.length) {
      message.push(`... and ${result.errorCount - shown.length} more problems`);
    }
    return { statusCode: 400, error: 'Bad Request', message, ...result };
  }

  private result(
    kind: ImportKind,
    mode: ImportMode,
    fileName: string,
    rows: number,
    plan: ImportPlan<unknown>,
    importId: string | null,
  ): ImportResult {
    const counts = { create: 0, update: 0, unchanged: 0 };
    for (const c of plan.changes) counts[c.action]++;
    return {
      kind,
      mode,
      fileName,
      rows,
      errors: plan.errors.slice(0, this.limits.maxErrorsListed),
      errorCount: plan.errors.length,
      ...counts,
      preview: plan.changes
        .filter((c) => c.action !== 'unchanged')
        .slice(0, this.limits.previewSize)
        .map(({ line, action, key, values, changes }) => ({
          line,
          action: action as 'create' | 'update',
          key,
          values,
          changes,
        })),
      importId,
    };
  }

  private assertMayImport(user: RequestUser, kind: ImportKind): void {
    if (!hasPermission(user.role, KIND_PERMISSION[kind])) {
      throw new ForbiddenException(`The ${user.role} role may not import ${kind}`);
    }
  }

  /** For the XLSX template's "Columns" sheet: what the department accepts in each lookup column. */
  private async acceptedValues(
    user: RequestUser,
    kind: ImportKind,
  ): Promise<Record<string, string[]>> {
    const names = async (sql: string): Promise<string[]> =>
      ((await this.dataSource.query(sql, [user.departmentId])) as { name: string }[]).map(
        (r) => r.name,
      );
    switch (kind) {
      case 'staff':
        return {
          team: await names(`SELECT name FROM team WHERE department_id = $1 ORDER BY lower(name)`),
          role: await names(
            `SELECT name FROM job_role WHERE department_id = $1 ORDER BY lower(name)`,
          ),
          status: [...STAFF_STATUSES],
        };
      case 'credentials':
        return {
          credentialType: await names(
            `SELECT code AS name FROM credential_type WHERE department_id = $1 ORDER BY upper(code)`,
          ),
          verificationMethod: [...VERIFICATION_METHODS],
        };
      case 'ce-activities':
        return { status: ['submitted', 'approved'] };
      case 'assessments':
        return {
          skill: await names(
            `SELECT name FROM skill WHERE department_id = $1 ORDER BY lower(name)`,
          ),
          level: PROFICIENCY_LABELS.map((label, level) => `${level} (${label})`),
          source: [...ASSESSMENT_SOURCES],
        };
      case 'role-requirements':
        return {
          role: await names(
            `SELECT name FROM job_role WHERE department_id = $1 ORDER BY lower(name)`,
          ),
          skill: await names(
            `SELECT name FROM skill WHERE department_id = $1 ORDER BY lower(name)`,
          ),
          level: PROFICIENCY_LABELS.map((label, level) => `${level} (${label})`),
          credentialTypes: await names(
            `SELECT code AS name FROM credential_type WHERE department_id = $1 ORDER BY upper(code)`,
          ),
          verifiedOnly: ['yes', 'no'],
        };
    }
  }
}

/** The uploaded file's own name, without a path or control characters, for answers and the audit trail. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()
    ?.split('')
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('')
    .trim();
  return (base || 'upload').slice(0, 200);
}
