import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssessmentSource, CeReviewStatus, IsoDate, VerificationMethod } from '@him/contracts';
import { personInWords } from '@him/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors';
import type { MemberScope } from '../auth/access-policy';
import { memberFilter } from '../readiness/facts.repository';
import type { ReportAssessmentFacts } from './compliance-report';

export interface CredentialVerificationRow {
  id: string;
  method: VerificationMethod;
  verifiedOn: IsoDate | null;
  /** who verified, by name and title */
  verifiedBy: string;
  reference: string | null;
}

/** SQL naming an account as a person: its staff record's name and job role (personInWords). */
const PERSON_COLUMNS = (user: string, as: string) => `
  ${as}_s.name AS "${as}Name", ${as}_r.name AS "${as}Title", ${user}.role AS "${as}Role"`;
const PERSON_JOINS = (user: string, as: string) => `
  LEFT JOIN staff ${as}_s ON ${as}_s.id = ${user}.staff_id
  LEFT JOIN job_role ${as}_r ON ${as}_r.id = ${as}_s.role_id`;

type PersonRow<K extends string> = Record<`${K}Name` | `${K}Title` | `${K}Role`, string | null>;

function personOf<K extends string>(row: PersonRow<K>, key: K, hasUser: boolean): string {
  if (!hasUser) return personInWords(null);
  return personInWords({
    name: row[`${key}Name`],
    title: row[`${key}Title`],
    accountRole: row[`${key}Role`],
  });
}

/**
 * What a report shows beyond the facts the rules need (FactsRepository loads those): names,
 * employee ids and who verified each credential. One query per kind of record, never one per
 * member, filtered to the report's members the way FactsRepository filters.
 */
@Injectable()
export class ReportFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The role, or 404 when the department has no such role. */
  async role(departmentId: string, roleId: string): Promise<{ id: string; name: string }> {
    const rows = await this.dataSource.query(
      `SELECT id, name FROM job_role WHERE id = $1 AND department_id = $2`,
      [roleId, departmentId],
    );
    if (rows.length === 0) throw notFound('role');
    return rows[0];
  }

  async roleNames(departmentId: string): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM job_role WHERE department_id = $1`,
      [departmentId],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async credentialTypeNames(
    departmentId: string,
  ): Promise<Map<string, { code: string; name: string; issuingBody: string }>> {
    const rows: { id: string; code: string; name: string; issuing_body: string }[] =
      await this.dataSource.query(
        `SELECT id, code, name, issuing_body FROM credential_type WHERE department_id = $1`,
        [departmentId],
      );
    return new Map(
      rows.map((r) => [r.id, { code: r.code, name: r.name, issuingBody: r.issuing_body }]),
    );
  }

  /** Employee ids of the members in scope. */
  async employeeIds(scope: MemberScope): Promise<Map<string, string | null>> {
    const params: unknown[] = [scope.departmentId];
    const filter = memberFilter(scope, 's.id', params);
    if (filter === null) return new Map();
    const rows: { id: string; employee_id: string | null }[] = await this.dataSource.query(
      `SELECT s.id, s.employee_id FROM staff s WHERE s.department_id = $1${filter}`,
      params,
    );
    return new Map(rows.map((r) => [r.id, r.employee_id]));
  }

  /** An account as a report names it: by name and title ("Denise Carter, HIM Manager"). */
  async person(userId: string): Promise<string> {
    const rows: (PersonRow<'p'> & { id: string })[] = await this.dataSource.query(
      `SELECT u.id, ${PERSON_COLUMNS('u', 'p')} FROM app_user u ${PERSON_JOINS('u', 'p')} WHERE u.id = $1`,
      [userId],
    );
    return personOf(rows[0] ?? { pName: null, pTitle: null, pRole: null }, 'p', rows.length > 0);
  }

  /**
   * Joint Commission: primary-source verification is documented with the date, who verified,
   * what was verified and the result. The verifier is named by name and title, never by email.
   */
  async verifications(scope: MemberScope): Promise<Map<string, CredentialVerificationRow>> {
    const params: unknown[] = [scope.departmentId];
    const filter = memberFilter(scope, 'c.staff_id', params);
    if (filter === null) return new Map();
    const rows: (PersonRow<'v'> & {
      id: string;
      method: VerificationMethod;
      verifiedOn: IsoDate | null;
      reference: string | null;
      userId: string | null;
    })[] = await this.dataSource.query(
      `SELECT c.id, c.verification_method AS method, c.verified_on AS "verifiedOn",
              c.verification_reference AS reference, u.id AS "userId", ${PERSON_COLUMNS('u', 'v')}
         FROM credential c
         LEFT JOIN app_user u ON u.id = c.verified_by_user_id ${PERSON_JOINS('u', 'v')}
        WHERE c.department_id = $1 AND c.verification_method IS NOT NULL${filter}`,
      params,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          method: r.method,
          verifiedOn: r.verifiedOn,
          verifiedBy: personOf(r, 'v', r.userId !== null),
          reference: r.reference,
        },
      ]),
    );
  }

  /**
   * Every assessment of the members in scope dated on or before asOf, with its assessor by name
   * and title: the rules pick the one that counts (R2); the report names who made it.
   */
  async assessments(scope: MemberScope, asOf: IsoDate): Promise<ReportAssessmentFacts[]> {
    const params: unknown[] = [scope.departmentId, asOf];
    const filter = memberFilter(scope, 'a.staff_id', params);
    if (filter === null) return [];
    const rows: (PersonRow<'a'> & {
      id: string;
      staffId: string;
      skillId: string;
      level: number;
      assessedOn: IsoDate;
      source: AssessmentSource;
      recordedAt: Date;
      userId: string | null;
    })[] = await this.dataSource.query(
      `SELECT a.id, a.staff_id AS "staffId", a.skill_id AS "skillId", a.level,
              a.assessed_on AS "assessedOn", a.source, a.recorded_at AS "recordedAt",
              u.id AS "userId", ${PERSON_COLUMNS('u', 'a')}
         FROM assessment a
         LEFT JOIN app_user u ON u.id = a.assessed_by_user_id ${PERSON_JOINS('u', 'a')}
        WHERE a.department_id = $1 AND a.assessed_on <= $2${filter}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      staffId: r.staffId,
      skillId: r.skillId,
      level: Number(r.level),
      assessedOn: r.assessedOn,
      source: r.source,
      recordedAt: new Date(r.recordedAt).toISOString(),
      assessedBy: personOf(r, 'a', r.userId !== null),
    }));
  }

  /** What a member file adds about the member: hire date. */
  async hireDates(scope: MemberScope): Promise<Map<string, IsoDate>> {
    const params: unknown[] = [scope.departmentId];
    const filter = memberFilter(scope, 's.id', params);
    if (filter === null) return new Map();
    const rows: { id: string; hireDate: IsoDate }[] = await this.dataSource.query(
      `SELECT s.id, s.hire_date AS "hireDate" FROM staff s WHERE s.department_id = $1${filter}`,
      params,
    );
    return new Map(rows.map((r) => [r.id, r.hireDate]));
  }

  /** The evidence files of the members' credentials and CE activities (metadata only). */
  async evidenceFiles(scope: MemberScope): Promise<EvidenceFileRow[]> {
    const params: unknown[] = [scope.departmentId];
    const filter = memberFilter(scope, 'coalesce(c.staff_id, a.staff_id)', params);
    if (filter === null) return [];
    const rows: (PersonRow<'e'> &
      Omit<EvidenceFileRow, 'uploadedBy'> & { userId: string | null })[] =
      await this.dataSource.query(
        `SELECT f.id, f.credential_id AS "credentialId", f.ce_activity_id AS "ceActivityId",
                coalesce(c.staff_id, a.staff_id) AS "staffId", f.original_name AS "name",
                f.content_type AS "contentType", f.size_bytes::float8 AS "sizeBytes",
                encode(f.sha256, 'hex') AS sha256, f.uploaded_at AS "uploadedAt",
                u.id AS "userId", ${PERSON_COLUMNS('u', 'e')}
           FROM evidence_file f
           LEFT JOIN credential c ON c.id = f.credential_id
           LEFT JOIN ce_activity a ON a.id = f.ce_activity_id
           LEFT JOIN app_user u ON u.id = f.uploaded_by_user_id ${PERSON_JOINS('u', 'e')}
          WHERE f.department_id = $1${filter}
          ORDER BY f.uploaded_at, f.id`,
        params,
      );
    return rows.map((r) => ({
      id: r.id,
      credentialId: r.credentialId,
      ceActivityId: r.ceActivityId,
      staffId: r.staffId,
      name: r.name,
      contentType: r.contentType,
      sizeBytes: Number(r.sizeBytes),
      sha256: r.sha256,
      uploadedAt: new Date(r.uploadedAt).toISOString(),
      uploadedBy: personOf(r, 'e', r.userId !== null),
    }));
  }

  /** The members' CE activities completed on or before asOf, with who reviewed them. */
  async ceActivities(scope: MemberScope, asOf: IsoDate): Promise<CeActivityRow[]> {
    const params: unknown[] = [scope.departmentId, asOf];
    const filter = memberFilter(scope, 'a.staff_id', params);
    if (filter === null) return [];
    const rows: (PersonRow<'r'> & Omit<CeActivityRow, 'reviewedBy'> & { userId: string | null })[] =
      await this.dataSource.query(
        `SELECT a.id, a.staff_id AS "staffId", a.title, a.provider, a.completed_on AS "completedOn",
                a.hours::float8 AS hours, a.categories, a.status,
                u.id AS "userId", ${PERSON_COLUMNS('u', 'r')}
           FROM ce_activity a
           LEFT JOIN app_user u ON u.id = a.reviewed_by_user_id ${PERSON_JOINS('u', 'r')}
          WHERE a.department_id = $1 AND a.completed_on <= $2${filter}
          ORDER BY a.completed_on DESC, a.title`,
        params,
      );
    return rows.map((r) => ({
      id: r.id,
      staffId: r.staffId,
      title: r.title,
      provider: r.provider,
      completedOn: r.completedOn,
      hours: Number(r.hours),
      categories: r.categories,
      status: r.status,
      reviewedBy: r.status === 'submitted' || r.userId === null ? null : personOf(r, 'r', true),
    }));
  }

  /**
   * R16: the members' audit trail of the records a member file shows (their staff record, and
   * every credential, assessment, CE activity and evidence file naming them), oldest first. The
   * actor is named by name and title, never by email.
   */
  async auditTrail(scope: MemberScope): Promise<AuditTrailRow[]> {
    const params: unknown[] = [scope.departmentId];
    const staffFilter = memberFilter(scope, 'a.entity_id', params);
    if (staffFilter === null) return [];
    // the staffId inside a record's before/after is text: compare it as text, never cast it
    const subject = "coalesce(a.after->>'staffId', a.before->>'staffId')";
    let subjectFilter = '';
    if (scope.kind === 'staff') {
      params.push(scope.staffIds);
      subjectFilter = ` AND ${subject} = ANY($${params.length}::text[])`;
    } else if (scope.kind === 'teams') {
      params.push(scope.teamIds);
      subjectFilter = ` AND ${subject} IN (SELECT id::text FROM staff WHERE team_id = ANY($${params.length}::uuid[]))`;
    }
    const rows: (PersonRow<'w'> &
      Omit<AuditTrailRow, 'by'> & { userId: string | null; at: Date })[] =
      await this.dataSource.query(
        `SELECT a.id, a.at, a.action, a.entity, a.entity_id AS "entityId", a.before, a.after, a.note,
                CASE WHEN a.entity = 'staff' THEN a.entity_id::text
                     ELSE ${subject} END AS "staffId",
                u.id AS "userId", ${PERSON_COLUMNS('u', 'w')}
           FROM audit_event a
           LEFT JOIN app_user u ON u.id = a.user_id ${PERSON_JOINS('u', 'w')}
          WHERE a.department_id = $1
            AND ((a.entity = 'staff'${staffFilter})
              OR (a.entity IN ('credential', 'assessment', 'ce_activity', 'evidence_file')
                  AND ${subject} IS NOT NULL${subjectFilter}))
          ORDER BY a.at, a.id`,
        params,
      );
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      staffId: r.staffId,
      before: r.before,
      after: r.after,
      note: r.note,
      by: personOf(r, 'w', r.userId !== null),
    }));
  }
}

export interface EvidenceFileRow {
  id: string;
  credentialId: string | null;
  ceActivityId: string | null;
  staffId: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface CeActivityRow {
  id: string;
  staffId: string;
  title: string;
  provider: string;
  completedOn: IsoDate;
  hours: number;
  categories: string[];
  status: CeReviewStatus;
  reviewedBy: string | null;
}

export interface AuditTrailRow {
  id: string;
  at: string;
  action: string;
  entity: string;
  entityId: string;
  staffId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
  by: string;
}
