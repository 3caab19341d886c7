import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IsoDate, VerificationMethod } from '@him/contracts';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors';
import type { MemberScope } from '../auth/access-policy';
import { memberFilter } from '../readiness/facts.repository';

export interface CredentialVerificationRow {
  id: string;
  method: VerificationMethod;
  verifiedOn: IsoDate | null;
  verifiedBy: string | null;
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

  /**
   * Joint Commission: primary-source verification is documented with the date, who verified,
   * what was verified and the result. The verifier is shown by their account's email.
   */
  async verifications(scope: MemberScope): Promise<Map<string, CredentialVerificationRow>> {
    const params: unknown[] = [scope.departmentId];
    const filter = memberFilter(scope, 'c.staff_id', params);
    if (filter === null) return new Map();
    const rows: CredentialVerificationRow[] = await this.dataSource.query(
      `SELECT c.id, c.verification_method AS method, c.verified_on AS "verifiedOn", u.email AS "verifiedBy"
         FROM credential c
         LEFT JOIN app_user u ON u.id = c.verified_by_user_id
        WHERE c.department_id = $1 AND c.verification_method IS NOT NULL${filter}`,
      params,
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
