import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IsoDate } from '@him/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { notFound } from '../common/errors';
import { FactsRepository } from '../readiness/facts.repository';
import type { ComplianceReport } from './compliance-report';
import { ComplianceReportService } from './compliance-report.service';
import { ReportFactsRepository } from './report-facts.repository';
import type { MemberFile, MemberFileExtras } from './render-member-file';
import { slug } from './report-text';

/** The member files of a scope: the compliance report's entries with what only a file shows. */
export interface MemberFiles {
  report: ComplianceReport;
  files: Iterable<MemberFile>;
  count: number;
}

/**
 * Member files (DOMAIN.md, Reports: "show me this person's file"). The facts and figures are the
 * compliance report's for the same scope and day (one build, so a file and the report agree);
 * the extras (hire date, evidence files, CE activities, audit trail) are one query per kind for
 * the whole scope, never one per member. Who may see whom is AccessPolicy.memberScope's answer,
 * as for the staff profile: staff only ever get their own file.
 */
@Injectable()
export class MemberFileService {
  constructor(
    private readonly reports: ComplianceReportService,
    private readonly reportFacts: ReportFactsRepository,
    private readonly facts: FactsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** One member's file; 404 for a member the caller may not see or who no longer works here. */
  async one(user: RequestUser, staffId: string, asOf: IsoDate | undefined): Promise<MemberFile> {
    // the profile's rule: staff only themselves, 404 for anyone else (before any work)
    await this.access.visibleStaff(user, staffId);
    const { files, count } = await this.load(user, { staffId, asOf });
    if (count === 0) throw notFound('staff member');
    return [...files][0];
  }

  /** The files of a team or the department (staff: their own). */
  async many(
    user: RequestUser,
    request: { teamId?: string; asOf?: IsoDate },
  ): Promise<MemberFiles> {
    return this.load(user, request);
  }

  private async load(
    user: RequestUser,
    request: { teamId?: string; staffId?: string; asOf?: IsoDate },
  ): Promise<MemberFiles> {
    const report = await this.reports.build(user, {
      asOf: request.asOf,
      teamId: request.teamId,
      staffId: request.staffId,
    });
    const scope = await this.access.memberScope(user, {
      teamId: request.teamId,
      staffId: request.staffId,
    });
    const [hireDates, evidence, activities, audit, skills, credentialTypes] = await Promise.all([
      this.reportFacts.hireDates(scope),
      this.reportFacts.evidenceFiles(scope),
      this.reportFacts.ceActivities(scope, report.header.asOf),
      this.reportFacts.auditTrail(scope),
      this.facts.skills(user.departmentId),
      this.reportFacts.credentialTypeNames(user.departmentId),
    ]);
    const names = {
      skillNames: new Map(skills.map((skill) => [skill.id, skill.name])),
      credentialTypeCodes: new Map([...credentialTypes].map(([id, type]) => [id, type.code])),
    };
    const group = <T extends { staffId: string }>(rows: readonly T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) {
        const list = map.get(row.staffId);
        if (list) list.push(row);
        else map.set(row.staffId, [row]);
      }
      return map;
    };
    const evidenceBy = group(evidence);
    const activitiesBy = group(activities);
    const auditBy = group(audit);
    const files = function* (): Iterable<MemberFile> {
      for (const member of report.members) {
        const extras: MemberFileExtras = {
          hireDate: hireDates.get(member.staffId) ?? null,
          evidence: evidenceBy.get(member.staffId) ?? [],
          activities: activitiesBy.get(member.staffId) ?? [],
          audit: auditBy.get(member.staffId) ?? [],
        };
        yield { header: report.header, member, extras, names };
      }
    };
    return { report, files: files(), count: report.members.length };
  }

  /** Each download is an export in the audit trail, as the compliance report's. */
  async recordExport(
    user: RequestUser,
    report: ComplianceReport,
    format: 'pdf' | 'zip',
    members: number,
  ): Promise<void> {
    await this.audit.record(this.dataSource.manager, user, user.departmentId, {
      action: 'export',
      entity: 'report',
      entityId: report.header.departmentId,
      after: {
        format,
        kind: 'member-file',
        scope: report.header.scope,
        asOf: report.header.asOf,
        members,
      },
    });
  }
}

/** `member-file-<name>-<employee id>-<asOf>.pdf`: unique within a zip, ASCII. */
export function memberFileName(file: MemberFile): string {
  const id = file.member.employeeId
    ? slug(file.member.employeeId, 20)
    : file.member.staffId.slice(0, 8);
  return `member-file-${slug(file.member.name)}-${id}-${file.header.asOf}.pdf`;
}

/** `member-files-<department>-<scope>-<asOf>.zip` */
export function memberFilesZipName(report: ComplianceReport): string {
  const { scope, scopeName, departmentName, asOf } = report.header;
  const scopePart = scopeName === null ? scope.kind : `${scope.kind}-${slug(scopeName)}`;
  return `member-files-${slug(departmentName)}-${scopePart}-${asOf}.zip`;
}
