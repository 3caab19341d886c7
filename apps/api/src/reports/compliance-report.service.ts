import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComplianceReportScope, IsoDate, ReportFormat, TargetsMet } from '@him/contracts';
import { computeCeStatus, computeReadiness, type StaffFacts } from '@him/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy, type MemberScope } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { notFound } from '../common/errors';
import { projectionNotice, todayIn } from '@him/domain';
import { FactsRepository, type ComplianceFacts } from '../readiness/facts.repository';
import { buildComplianceReport, type ComplianceReport } from './compliance-report';
import { REPORT_DATE_RANGE, type ComplianceReportQuery } from './compliance-report.dto';
import { ReportFactsRepository } from './report-facts.repository';
import { isoTimestampIn, slug } from './report-text';

/** Whom the report covers, in the words of its header. */
interface ResolvedScope {
  scope: ComplianceReportScope;
  /** the team's, role's or member's name; null for the department */
  name: string | null;
  roleId?: string;
  /** the member of a one-member report */
  member?: StaffFacts;
}

/** The R9 forecast is not part of the report: evaluate asOf only. */
const NO_FORECAST: readonly number[] = [];

/**
 * Builds the compliance report (DOMAIN.md, Reports): loads the facts once with
 * FactsRepository, runs the rules of `@him/domain` on them and joins the results to names.
 * Whom it covers is AccessPolicy.memberScope's answer, as for the analysis endpoints: staff get
 * their own report whatever scope they ask for (a team or role they name is checked, then
 * ignored); another member's id answers 404. A role's report loads the department, since the
 * coverage of its members' teams (R7) counts every member of those teams.
 */
@Injectable()
export class ComplianceReportService {
  constructor(
    private readonly facts: FactsRepository,
    private readonly reportFacts: ReportFactsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async build(
    user: RequestUser,
    query: ComplianceReportQuery,
    now = new Date(),
  ): Promise<ComplianceReport> {
    const given = (['teamId', 'roleId', 'staffId'] as const).filter(
      (key) => query[key] !== undefined,
    );
    if (given.length > 1) {
      throw new BadRequestException([
        `${given.join(', ')}: give at most one of teamId, roleId and staffId (the report's scope)`,
      ]);
    }
    if (query.asOf && (query.asOf < REPORT_DATE_RANGE.min || query.asOf > REPORT_DATE_RANGE.max)) {
      throw new BadRequestException([
        `asOf must be between ${REPORT_DATE_RANGE.min} and ${REPORT_DATE_RANGE.max}`,
      ]);
    }
    const department = await this.facts.department(user.departmentId);
    const asOf: IsoDate = query.asOf ?? todayIn(department.timeZone, now);
    const role = query.roleId
      ? await this.reportFacts.role(department.id, query.roleId)
      : undefined;
    const scope = await this.access.memberScope(user, {
      teamId: query.teamId,
      staffId: query.staffId,
    });
    // an account without a staff record of its own has no report to get
    if (scope.kind === 'none') throw notFound('staff member');

    const [
      facts,
      skills,
      roleNames,
      credentialTypeNames,
      employeeIds,
      verifications,
      assessments,
      generatedBy,
    ] = await Promise.all([
      this.facts.complianceFacts(scope, asOf),
      this.facts.skills(department.id),
      this.reportFacts.roleNames(department.id),
      this.reportFacts.credentialTypeNames(department.id),
      this.reportFacts.employeeIds(scope),
      this.reportFacts.verifications(scope),
      this.reportFacts.assessments(scope, asOf),
      this.reportFacts.person(user.id),
    ]);
    const today = todayIn(department.timeZone, now);
    const { settings, staff, teams, credentialTypes, credentials } = facts;
    const resolved = resolveScope(scope, role, facts);

    const inScope = (member: StaffFacts) =>
      member.status !== 'terminated' &&
      (resolved.roleId === undefined || member.roleId === resolved.roleId);
    const members = staff.filter(inScope);
    const memberIds = new Set(members.map((member) => member.id));

    // R6 to R8 once over the loaded members; a team report is the team's, as /readiness?teamId.
    const teamId =
      resolved.scope.kind === 'team' ? (resolved.scope.id ?? undefined) : resolved.member?.teamId;
    const readiness = computeReadiness(facts, asOf, {
      teamId,
      forecastDays: NO_FORECAST,
    });
    const ceGroups = computeCeStatus(facts, asOf, {
      teamId: resolved.scope.kind === 'team' ? teamId : undefined,
      staffId: resolved.member?.id,
    }).filter((group) => memberIds.has(group.staffId));

    let figures: {
      staffReadyPct: number | null;
      requirementsMetPct: number | null;
      targetsMet: TargetsMet | null;
    };
    let coverage: {
      teams: typeof readiness.teams;
      targets: typeof readiness.targets;
      singlePointsOfFailure: typeof readiness.singlePointsOfFailure;
    } | null;
    if (resolved.scope.kind === 'member') {
      // One member: their own R8 figures (ready or not); team coverage is not theirs to carry.
      figures = { ...pickFigures(readiness), targetsMet: null };
      coverage = null;
    } else if (resolved.scope.kind === 'role') {
      // The role's members' R8 figures (the rules over those members alone); coverage of the
      // teams they belong to, evaluated over every active member of those teams (R7).
      const roleReadiness = computeReadiness({ ...facts, staff: members }, asOf, {
        forecastDays: NO_FORECAST,
      });
      const teamIds = new Set(members.map((member) => member.teamId));
      const teamsInScope = readiness.teams.filter((team) => teamIds.has(team.teamId));
      figures = {
        ...pickFigures(roleReadiness),
        targetsMet: teamsInScope.reduce(
          (sum, team) => ({
            met: sum.met + team.targetsMet.met,
            total: sum.total + team.targetsMet.total,
          }),
          { met: 0, total: 0 },
        ),
      };
      coverage = {
        teams: teamsInScope,
        targets: readiness.targets.filter((target) => teamIds.has(target.teamId)),
        singlePointsOfFailure: readiness.singlePointsOfFailure.filter((spof) =>
          teamIds.has(spof.teamId),
        ),
      };
    } else {
      figures = { ...pickFigures(readiness), targetsMet: readiness.targetsMet };
      coverage = {
        teams: readiness.teams,
        targets: readiness.targets,
        singlePointsOfFailure: readiness.singlePointsOfFailure,
      };
    }

    return buildComplianceReport({
      header: {
        departmentId: department.id,
        departmentName: department.name,
        timeZone: department.timeZone,
        scope: resolved.scope,
        scopeName: resolved.name,
        asOf,
        generatedAt: isoTimestampIn(department.timeZone, now),
        generatedBy,
        generatedByEmail: user.email,
        today,
        projection: asOf > today ? projectionNotice(asOf, today) : null,
        expiryWarningDays: settings.expiryWarningDays,
        requireVerification: settings.requireVerification,
      },
      settings,
      members,
      credentials: credentials.filter((credential) => memberIds.has(credential.staffId)),
      memberReadiness: readiness.members,
      ceGroups,
      figures,
      coverage,
      names: {
        skillNames: new Map(skills.map((skill) => [skill.id, skill.name])),
        credentialTypeCodes: new Map(credentialTypes.map((type) => [type.id, type.code])),
        teamNames: new Map(teams.map((team) => [team.id, team.name])),
        roleNames,
        staffNames: new Map(staff.map((member) => [member.id, member.name])),
        employeeIds,
        credentialTypes: credentialTypeNames,
        verifications,
      },
      assessments: assessments.filter((assessment) => memberIds.has(assessment.staffId)),
      skills: facts.skills,
      roles: facts.roles,
      credentialTypeFacts: credentialTypes,
      afterLapse: new Map(facts.ceRules.map((rule) => [rule.issuingBody, rule.afterLapse])),
    });
  }

  /** R16-style trail of who took which data out of the product, and when. */
  async recordExport(
    user: RequestUser,
    report: ComplianceReport,
    format: ReportFormat,
  ): Promise<void> {
    await this.audit.record(this.dataSource.manager, user, user.departmentId, {
      action: 'export',
      entity: 'report',
      entityId: report.header.departmentId,
      after: { format, scope: report.header.scope, asOf: report.header.asOf },
    });
  }
}

/** The report's header scope from the member scope (a role's report: the department's members of that role). */
function resolveScope(
  scope: MemberScope,
  role: { id: string; name: string } | undefined,
  facts: ComplianceFacts,
): ResolvedScope {
  if (scope.kind === 'staff') {
    const member = facts.staff.find((m) => m.id === scope.staffIds[0]);
    if (!member) throw notFound('staff member');
    const terminated = member.status === 'terminated' ? ' (terminated)' : '';
    return {
      scope: { kind: 'member', id: member.id, label: `Member: ${member.name}${terminated}` },
      name: member.name,
      member,
    };
  }
  if (scope.kind === 'teams') {
    const team = facts.teams.find((t) => t.id === scope.teamIds[0]);
    if (!team) throw notFound('team');
    return { scope: { kind: 'team', id: team.id, label: `Team: ${team.name}` }, name: team.name };
  }
  if (role) {
    return {
      scope: { kind: 'role', id: role.id, label: `Role: ${role.name}` },
      name: role.name,
      roleId: role.id,
    };
  }
  return { scope: { kind: 'department', id: null, label: 'Department' }, name: null };
}

function pickFigures(figures: { staffReadyPct: number | null; requirementsMetPct: number | null }) {
  return { staffReadyPct: figures.staffReadyPct, requirementsMetPct: figures.requirementsMetPct };
}

/** `compliance-<dept-slug>-<scope>-<asOf>.<ext>` */
export function reportFileName(report: ComplianceReport, extension: string): string {
  const { scope, scopeName, departmentName, asOf } = report.header;
  const scopePart = scopeName === null ? scope.kind : `${scope.kind}-${slug(scopeName)}`;
  return `compliance-${slug(departmentName)}-${scopePart}-${asOf}.${extension}`;
}
