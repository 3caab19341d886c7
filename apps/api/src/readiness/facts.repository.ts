import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CeMinimum, IsoDate, Requirement, SkillCategory } from '@him/contracts';
import type {
  AssessmentFacts,
  CeActivityFacts,
  CeFacts,
  CeRuleFacts,
  CredentialFacts,
  CredentialTypeFacts,
  DepartmentFacts,
  DeptSettings,
  RoleFacts,
  SkillFacts,
  StaffFacts,
  TeamFacts,
} from '@him/domain';
import { DataSource } from 'typeorm';
import type { MemberScope } from '../auth/access-policy';
import { notFound } from '../common/errors';

export interface DepartmentInfo {
  id: string;
  name: string;
  timeZone: string;
  settings: DeptSettings;
  reminderLeadDays: number[];
}

/** What the expiry rule (R10) needs: the members, their credentials and the credential types. */
export type ExpiryFacts = Pick<
  DepartmentFacts,
  'settings' | 'staff' | 'credentialTypes' | 'credentials'
>;

/** What the compliance report needs: the readiness facts and the CE facts, loaded together. */
export type ComplianceFacts = DepartmentFacts & CeFacts;

/** The department's part of ComplianceFacts: the same for every member. */
export type ComplianceCatalog = Pick<
  ComplianceFacts,
  'settings' | 'credentialTypes' | 'roles' | 'teams' | 'skills' | 'ceRules'
>;

/**
 * ` AND <column> ...` restricting rows to the scope's members (its parameter appended to
 * `params`); null for a scope of nobody, whose rows are not loaded at all.
 */
export function memberFilter(scope: MemberScope, column: string, params: unknown[]): string | null {
  switch (scope.kind) {
    case 'department':
      return '';
    case 'none':
      return null;
    case 'staff':
      params.push(scope.staffIds);
      return ` AND ${column} = ANY($${params.length}::uuid[])`;
    case 'teams':
      params.push(scope.teamIds);
      return ` AND ${column} IN (SELECT id FROM staff WHERE team_id = ANY($${params.length}::uuid[]))`;
  }
}

interface RequirementRow {
  role_id: string | null;
  team_id: string | null;
  kind: 'skill' | 'credential';
  skill_id: string | null;
  min_level: number | null;
  min_holders: number | null;
  type_ids: string[] | null;
  verified_only: boolean;
}

/**
 * Loads the plain facts the rules of libs/domain need, in one query per kind of record
 * (never one per member), all at once: the readiness of 10,000 staff is a handful of queries.
 * Member records are restricted to a MemberScope (AccessPolicy.memberScope decides it); the
 * catalog (roles, teams, credential types, CE rules) is the department's.
 */
@Injectable()
export class FactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async department(departmentId: string): Promise<DepartmentInfo> {
    const rows = await this.dataSource.query(
      `SELECT id, name, time_zone, require_verification, expiry_warning_days, reminder_lead_days,
              assessment_validity_months
         FROM department WHERE id = $1`,
      [departmentId],
    );
    if (rows.length === 0) throw notFound('department');
    const r = rows[0];
    return {
      id: r.id,
      name: r.name,
      timeZone: r.time_zone,
      settings: {
        requireVerification: r.require_verification,
        expiryWarningDays: r.expiry_warning_days,
        assessmentValidityMonths: r.assessment_validity_months,
      },
      reminderLeadDays: r.reminder_lead_days,
    };
  }

  /** R10: the members, their credentials, the credential types and the settings. */
  async expiryFacts(scope: MemberScope): Promise<ExpiryFacts> {
    const [department, staff, credentialTypes, credentials] = await Promise.all([
      this.department(scope.departmentId),
      this.staff(scope),
      this.credentialTypes(scope.departmentId),
      this.credentials(scope),
    ]);
    return { settings: department.settings, staff, credentialTypes, credentials };
  }

  /** R1 to R10 as of asOf: the expiry facts with roles, teams and the latest assessments. */
  async departmentFacts(scope: MemberScope, asOf: IsoDate): Promise<DepartmentFacts> {
    // the largest queries are sent first, slowest first (the latest assessments, then the
    // credentials and the members), each on a connection of its own in a worker thread's small
    // pool; the department's small catalog queries follow on whichever connection frees first
    const [assessments, credentials, staff, department, credentialTypes, roleParts, skills] =
      await Promise.all([
        this.latestAssessments(scope, asOf),
        this.credentials(scope),
        this.staff(scope),
        this.department(scope.departmentId),
        this.credentialTypes(scope.departmentId),
        this.rolesAndTeams(scope.departmentId),
        this.skillPeriods(scope.departmentId),
      ]);
    return {
      settings: department.settings,
      staff,
      credentialTypes,
      credentials,
      roles: roleParts.roles,
      teams: roleParts.teams,
      assessments,
      skills,
    };
  }

  /** R11 to R15 as of asOf: the expiry facts with the CE rules and the activities that can count. */
  async ceFacts(scope: MemberScope, asOf: IsoDate): Promise<CeFacts> {
    const [expiry, ce] = await Promise.all([this.expiryFacts(scope), this.ceParts(scope, asOf)]);
    return { ...expiry, ...ce };
  }

  /** departmentFacts and ceFacts at once, the members' records loaded once for both. */
  async complianceFacts(scope: MemberScope, asOf: IsoDate): Promise<ComplianceFacts> {
    const [expiry, readiness, ce] = await Promise.all([
      this.expiryFacts(scope),
      this.readinessParts(scope, asOf),
      this.ceParts(scope, asOf),
    ]);
    return { ...expiry, ...readiness, ...ce };
  }

  /** What complianceFacts reads of the department rather than of its members. */
  async complianceCatalog(departmentId: string): Promise<ComplianceCatalog> {
    const [department, credentialTypes, { roles, teams }, skills, ceRules] = await Promise.all([
      this.department(departmentId),
      this.credentialTypes(departmentId),
      this.rolesAndTeams(departmentId),
      this.skillPeriods(departmentId),
      this.ceRules(departmentId),
    ]);
    return { settings: department.settings, credentialTypes, roles, teams, skills, ceRules };
  }

  /**
   * complianceFacts over a catalog loaded once (complianceCatalog): only the members' records
   * are read, as a report reads them batch after batch.
   */
  async complianceFactsWith(
    catalog: ComplianceCatalog,
    scope: MemberScope,
    asOf: IsoDate,
  ): Promise<ComplianceFacts> {
    const [assessments, staff, credentials, activities] = await Promise.all([
      this.latestAssessments(scope, asOf),
      this.staff(scope),
      this.credentials(scope),
      this.ceActivities(scope, asOf),
    ]);
    return { ...catalog, staff, credentials, assessments, activities };
  }

  async skills(
    departmentId: string,
  ): Promise<{ id: string; name: string; category: SkillCategory }[]> {
    return this.dataSource.query(
      `SELECT id, name, category FROM skill WHERE department_id = $1 ORDER BY category, lower(name)`,
      [departmentId],
    );
  }

  /** R2: every skill with its reassessment period (null: the department's applies). */
  private skillPeriods(departmentId: string): Promise<SkillFacts[]> {
    return this.dataSource.query(
      `SELECT id, name, reassess_months AS "reassessMonths" FROM skill WHERE department_id = $1`,
      [departmentId],
    );
  }

  private async readinessParts(
    scope: MemberScope,
    asOf: IsoDate,
  ): Promise<Pick<DepartmentFacts, 'roles' | 'teams' | 'assessments' | 'skills'>> {
    const [assessments, { roles, teams }, skills] = await Promise.all([
      this.latestAssessments(scope, asOf),
      this.rolesAndTeams(scope.departmentId),
      this.skillPeriods(scope.departmentId),
    ]);
    return { roles, teams, assessments, skills };
  }

  private async ceParts(
    scope: MemberScope,
    asOf: IsoDate,
  ): Promise<Pick<CeFacts, 'ceRules' | 'activities'>> {
    const [ceRules, activities] = await Promise.all([
      this.ceRules(scope.departmentId),
      this.ceActivities(scope, asOf),
    ]);
    return { ceRules, activities };
  }

  /** The members in scope (every status: R1 is the rules' to apply). */
  async staff(scope: MemberScope): Promise<StaffFacts[]> {
    const params: unknown[] = [scope.departmentId];
    const filter = memberFilter(scope, 's.id', params);
    if (filter === null) return [];
    return this.dataSource.query(
      `SELECT s.id, s.name, s.team_id AS "teamId", s.role_id AS "roleId", s.status
         FROM staff s WHERE s.department_id = $1${filter}`,
      params,
    );
  }

  /** The department's teams by name, without their coverage targets. */
  private async teamNames(departmentId: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT id, name FROM team WHERE department_id = $1 ORDER BY lower(name)`,
      [departmentId],
    );
  }

  /** Roles with their requirements and teams with their coverage targets. */
  private async rolesAndTeams(
    departmentId: string,
  ): Promise<{ roles: RoleFacts[]; teams: TeamFacts[] }> {
    const [roleRows, teamRows, requirementRows] = await Promise.all([
      this.dataSource.query(`SELECT id FROM job_role WHERE department_id = $1`, [departmentId]),
      this.teamNames(departmentId),
      this.dataSource.query(
        `SELECT r.role_id, r.team_id, r.kind, r.skill_id, r.min_level, r.min_holders, r.verified_only,
                array_agg(rct.credential_type_id ORDER BY rct.credential_type_id)
                  FILTER (WHERE rct.credential_type_id IS NOT NULL) AS type_ids
           FROM requirement r
           LEFT JOIN requirement_credential_type rct ON rct.requirement_id = r.id
          WHERE r.department_id = $1
          GROUP BY r.id
          ORDER BY r.position, r.id`,
        [departmentId],
      ) as Promise<RequirementRow[]>,
    ]);
    const roles = new Map<string, RoleFacts>(
      roleRows.map((r: { id: string }) => [r.id, { id: r.id, requirements: [] }]),
    );
    const teams = new Map<string, TeamFacts>(
      teamRows.map((t: { id: string; name: string }) => [
        t.id,
        { id: t.id, name: t.name, coverageTargets: [] },
      ]),
    );
    for (const row of requirementRows) {
      const requirement = toRequirement(row);
      if (row.role_id) roles.get(row.role_id)?.requirements.push(requirement);
      if (row.team_id)
        teams
          .get(row.team_id)
          ?.coverageTargets.push({ requirement, minHolders: row.min_holders ?? 1 });
    }
    return { roles: [...roles.values()], teams: [...teams.values()] };
  }

  private async credentialTypes(departmentId: string): Promise<CredentialTypeFacts[]> {
    return this.dataSource.query(
      `SELECT t.id, t.code, t.issuing_body AS "issuingBody", t.base_ceus::float8 AS "baseCeus",
              coalesce(json_agg(json_build_object('skillId', e.skill_id, 'level', e.level))
                       FILTER (WHERE e.skill_id IS NOT NULL), '[]') AS "evidencesSkills",
              ARRAY(SELECT x.superseded_type_id FROM credential_type_supersession x
                     WHERE x.credential_type_id = t.id ORDER BY x.superseded_type_id) AS supersedes
         FROM credential_type t
         LEFT JOIN credential_type_skill e ON e.credential_type_id = t.id
        WHERE t.department_id = $1
        GROUP BY t.id
        ORDER BY t.code`,
      [departmentId],
    );
  }

  private async credentials(scope: MemberScope): Promise<CredentialFacts[]> {
    const params: unknown[] = [scope.departmentId];
    const filter = memberFilter(scope, 'c.staff_id', params);
    if (filter === null) return [];
    return this.dataSource.query(
      `SELECT c.id, c.staff_id AS "staffId", c.credential_type_id AS "credentialTypeId", c.number,
              c.issued_on AS "issuedOn", c.expires_on AS "expiresOn", c.revoked_on AS "revokedOn",
              (c.verification_method IS NOT NULL) AS verified, c.verified_on AS "verifiedOn"
         FROM credential c WHERE c.department_id = $1${filter}`,
      params,
    );
  }

  /**
   * R2 needs only the latest assessment per member and skill on or before asOf (a
   * manager's outranks a self-assessment of the same day; then the later recorded), so
   * PostgreSQL picks it with DISTINCT ON over the (staff, skill, date) index.
   */
  private async latestAssessments(scope: MemberScope, asOf: IsoDate): Promise<AssessmentFacts[]> {
    const params: unknown[] = [scope.departmentId, asOf];
    const filter = memberFilter(scope, 'a.staff_id', params);
    if (filter === null) return [];
    // recordedAt written as an ISO timestamp by PostgreSQL (as Date#toISOString would, to the
    // millisecond): no Date per row parsed and formatted again for 100,000 assessments
    // (formatted after DISTINCT ON: the sort carries narrower rows and only the latest are formatted)
    return this.dataSource.query(
      `SELECT l.staff_id AS "staffId", l.skill_id AS "skillId", l.level, l.assessed_on AS "assessedOn",
              l.source,
              to_char(l.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"
         FROM (SELECT DISTINCT ON (a.staff_id, a.skill_id)
                      a.staff_id, a.skill_id, a.level, a.assessed_on, a.source, a.recorded_at
                 FROM assessment a
                WHERE a.department_id = $1 AND a.assessed_on <= $2${filter}
                ORDER BY a.staff_id, a.skill_id, a.assessed_on DESC, (a.source = 'manager') DESC,
                         a.recorded_at DESC) l
        ORDER BY l.staff_id, l.skill_id`,
      params,
    );
  }

  private async ceRules(departmentId: string): Promise<CeRuleFacts[]> {
    const rows = await this.dataSource.query(
      `SELECT issuing_body AS "issuingBody", cycle_months AS "cycleMonths",
              extra_per_additional::float8 AS "extraPerAdditional", cap::float8 AS cap, minimums,
              after_lapse AS "afterLapse"
         FROM ce_rule WHERE department_id = $1`,
      [departmentId],
    );
    return rows.map((r: CeRuleFacts & { minimums: CeMinimum[] }) => ({
      ...r,
      minimums: r.minimums ?? [],
      afterLapse: r.afterLapse ?? [],
    }));
  }

  /**
   * Approved and submitted activities completed on or before asOf (rejected ones never
   * count). A group current on asOf ends on or after asOf, so its cycle cannot start more than
   * the department's longest CE cycle before asOf: older activities are not loaded.
   */
  private async ceActivities(scope: MemberScope, asOf: IsoDate): Promise<CeActivityFacts[]> {
    const params: unknown[] = [scope.departmentId, asOf];
    const filter = memberFilter(scope, 'a.staff_id', params);
    if (filter === null) return [];
    return this.dataSource.query(
      `SELECT a.id, a.staff_id AS "staffId", a.completed_on AS "completedOn", a.hours::float8 AS hours,
              a.categories, a.status,
              ARRAY(SELECT l.credential_id FROM ce_activity_credential l WHERE l.ce_activity_id = a.id) AS "credentialIds"
         FROM ce_activity a
        WHERE a.department_id = $1 AND a.completed_on <= $2
          AND a.completed_on >= ($2::date - make_interval(months => (
                SELECT coalesce(max(r.cycle_months), 0) FROM ce_rule r WHERE r.department_id = $1)::int))
          AND a.status IN ('approved', 'submitted')${filter}`,
      params,
    );
  }
}

function toRequirement(row: RequirementRow): Requirement {
  return row.kind === 'skill'
    ? { kind: 'skill', skillId: row.skill_id as string, minLevel: row.min_level as number }
    : row.verified_only
      ? { kind: 'credential', anyOf: row.type_ids ?? [], verifiedOnly: true }
      : { kind: 'credential', anyOf: row.type_ids ?? [] };
}
