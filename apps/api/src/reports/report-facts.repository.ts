import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssessmentSource, IsoDate, VerificationMethod } from '@him/contracts';
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
}
