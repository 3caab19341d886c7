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
import { FactsRepository, type DepartmentInfo } from '../readiness/facts.repository';
import {
  buildComplianceReport,
  byKey,
  inReportOrder,
  reportCoverage,
  reportSummary,
  type ComplianceReport,
  type ComplianceReportInput,
  type ReportCoverage,
  type ReportHeader,
  type ReportMember,
  type ReportSummary,
} from './compliance-report';
import { REPORT_DATE_RANGE, type ComplianceReportQuery } from './compliance-report.dto';
import { ReportFactsRepository, type CredentialVerificationRow } from './report-facts.repository';
import { ReportReadSource } from './report-read-source';
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

/** Members in a streamed report's first batch (the first rows leave at once), then per batch. */
const FIRST_BATCH = 100;
const BATCH = 500;

/** A report streamed member by member: its header, then its members in report order. */
export interface ComplianceReportStream {
  header: ReportHeader;
  batches: AsyncIterable<ReportMember[]>;
}

/**
 * The report for the XLSX and the PDF (ComplianceReportService.streamWhole): the figures over the
 * whole scope, and its members in report order, joined batch by batch each time they are walked.
 */
export interface WholeReportStream {
  header: ReportHeader;
  summary: ReportSummary;
  coverage: ReportCoverage | null;
  members: () => AsyncIterable<ReportMember[]>;
}

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
    private readonly readSource: ReportReadSource,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async build(
    user: RequestUser,
    query: ComplianceReportQuery,
    now = new Date(),
  ): Promise<ComplianceReport> {
    return buildComplianceReport(await this.wholeInput(user, query, now));
  }

  /**
   * The report as the XLSX and the PDF draw it, without holding it whole: the facts of the whole
   * scope are loaded and the rules run once, as for `build`, for the summary and the coverage;
   * the members are joined to names and words BATCH at a time, each time `members` is walked
   * (a renderer that draws them in several sections walks them once per section). Members carry
   * the evidence behind each skill requirement, not the member-file detail.
   */
  async streamWhole(
    user: RequestUser,
    query: ComplianceReportQuery,
    now = new Date(),
  ): Promise<WholeReportStream> {
    const input = await this.wholeInput(user, query, now);
    const members = input.members
      .filter((member) => member.status !== 'terminated')
      .sort(inReportOrder);
    const credentials = byKey(input.credentials, (c) => c.staffId);
    const ceGroups = byKey(input.ceGroups, (g) => g.staffId);
    const readiness = byKey(input.memberReadiness, (r) => r.staffId);
    const assessments = byKey(input.assessments, (a) => a.staffId);
    const batches = memberBatches(members, BATCH, BATCH);
    async function* walk(): AsyncGenerator<ReportMember[]> {
      for (const batch of batches) {
        const of = <T>(byStaff: Map<string, T[]>): T[] =>
          batch.flatMap((member) => byStaff.get(member.id) ?? []);
        yield buildComplianceReport({
          ...input,
          members: batch,
          credentials: of(credentials),
          ceGroups: of(ceGroups),
          memberReadiness: of(readiness),
          assessments: of(assessments),
          coverage: null,
          memberDetail: 'evidence',
        }).members;
        // joining thousands of members is synchronous work: let other requests in between
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return {
      header: input.header,
      summary: reportSummary(input),
      coverage: reportCoverage(input),
      members: walk,
    };
  }

  /** What `build` joins: the whole scope's facts and the rules' results over them. */
  private async wholeInput(
    user: RequestUser,
    query: ComplianceReportQuery,
    now: Date,
  ): Promise<ComplianceReportInput> {
    const { department, asOf, today, role, scope } = await this.request(user, query, now);
    const { facts: factsOf, reportFacts } = await this.readSource.forDepartment(department.id);
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
      factsOf.complianceFacts(scope, asOf),
      factsOf.skills(department.id),
      reportFacts.roleNames(department.id),
      reportFacts.credentialTypeNames(department.id),
      reportFacts.employeeIds(scope),
      reportFacts.verifications(scope),
      reportFacts.assessments(scope, asOf),
      reportFacts.person(user.id),
    ]);
    const { settings, staff, teams, credentialTypes, credentials } = facts;
    const resolved = resolveScope(scope, role, facts);

    const members = staff.filter(inScopeOf(resolved));
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

    return {
      header: headerOf(department, resolved, asOf, today, generatedBy, user, now),
      settings,
      members,
      credentials: credentials.filter((credential) => memberIds.has(credential.staffId)),
      memberReadiness: readiness.members,
      ceGroups,
      figures,
      coverage,
      names: namesOf({
        skills,
        credentialTypes,
        teams,
        roleNames,
        staffNames: new Map(staff.map((member) => [member.id, member.name])),
        employeeIds,
        credentialTypeNames,
        verifications,
      }),
      assessments: assessments.filter((assessment) => memberIds.has(assessment.staffId)),
      skills: facts.skills,
      roles: facts.roles,
      credentialTypeFacts: credentialTypes,
      afterLapse: new Map(facts.ceRules.map((rule) => [rule.issuingBody, rule.afterLapse])),
    };
  }

  /**
   * The report's members in report order, in batches: the first of FIRST_BATCH members so the
   * first rows leave at once, then BATCH at a time, each loaded by FactsRepository over the
   * batch's members alone, run through the same rules and joined to names by
   * buildComplianceReport, as `build` does for the whole scope (a member's readiness, credentials
   * and CE status are their own records'). The next batch loads while the current one is
   * written; a consumer that stops (a client that hung up) stops the loading. No summary or
   * coverage (figures over the whole scope) and no member detail (the evidence, requirements
   * and assessments of the XLSX, the PDF and member files): the CSV carries neither.
   */
  async stream(
    user: RequestUser,
    query: ComplianceReportQuery,
    now = new Date(),
  ): Promise<ComplianceReportStream> {
    const { department, asOf, today, role, scope } = await this.request(user, query, now);
    const { facts: factsOf, reportFacts } = await this.readSource.forDepartment(department.id);
    const [staff, catalog, skills, roleNames, credentialTypeNames, generatedBy] = await Promise.all(
      [
        factsOf.staff(scope),
        factsOf.complianceCatalog(department.id),
        factsOf.skills(department.id),
        reportFacts.roleNames(department.id),
        reportFacts.credentialTypeNames(department.id),
        reportFacts.person(user.id),
      ],
    );
    const { teams } = catalog;
    const resolved = resolveScope(scope, role, { staff, teams });
    const header = headerOf(department, resolved, asOf, today, generatedBy, user, now);
    const members = staff.filter(inScopeOf(resolved)).sort(inReportOrder);

    const load = async (batch: readonly StaffFacts[]): Promise<ReportMember[]> => {
      const batchScope: MemberScope = {
        kind: 'staff',
        departmentId: department.id,
        staffIds: batch.map((member) => member.id),
      };
      const [facts, employeeIds, verifications] = await Promise.all([
        factsOf.complianceFactsWith(catalog, batchScope, asOf),
        reportFacts.employeeIds(batchScope),
        reportFacts.verifications(batchScope),
      ]);
      const readiness = computeReadiness(facts, asOf, { forecastDays: NO_FORECAST });
      return buildComplianceReport({
        header,
        settings: facts.settings,
        members: batch,
        credentials: facts.credentials,
        memberReadiness: readiness.members,
        ceGroups: computeCeStatus(facts, asOf, {}),
        figures: { staffReadyPct: null, requirementsMetPct: null, targetsMet: null },
        coverage: null,
        names: namesOf({
          skills,
          credentialTypes: facts.credentialTypes,
          teams,
          roleNames,
          staffNames: new Map(batch.map((member) => [member.id, member.name])),
          employeeIds,
          credentialTypeNames,
          verifications,
        }),
        // the CSV shows no assessment or evidence detail: neither is loaded nor built
        assessments: [],
        memberDetail: false,
        skills: facts.skills,
        roles: facts.roles,
        credentialTypeFacts: facts.credentialTypes,
        afterLapse: new Map(facts.ceRules.map((rule) => [rule.issuingBody, rule.afterLapse])),
      }).members;
    };

    const batches = memberBatches(members);
    // the first batch loads while the export is audited and the headers are sent
    let next = batches.length > 0 ? load(batches[0]) : Promise.resolve([]);
    next.catch(() => undefined);
    async function* reportMembers(): AsyncGenerator<ReportMember[]> {
      for (let i = 0; i < batches.length; i++) {
        const current = await next;
        if (i + 1 < batches.length) {
          next = load(batches[i + 1]);
          // a consumer that stops before awaiting it must not leave an unhandled rejection
          next.catch(() => undefined);
        }
        yield current;
      }
    }
    return { header, batches: reportMembers() };
  }

  /** The query checked, the department's day and whom the report covers (AccessPolicy). */
  private async request(
    user: RequestUser,
    query: ComplianceReportQuery,
    now: Date,
  ): Promise<{
    department: DepartmentInfo;
    asOf: IsoDate;
    today: IsoDate;
    role: { id: string; name: string } | undefined;
    scope: Exclude<MemberScope, { kind: 'none' }>;
  }> {
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
    const today = todayIn(department.timeZone, now);
    const asOf: IsoDate = query.asOf ?? today;
    const role = query.roleId
      ? await this.reportFacts.role(department.id, query.roleId)
      : undefined;
    const scope = await this.access.memberScope(user, {
      teamId: query.teamId,
      staffId: query.staffId,
    });
    // an account without a staff record of its own has no report to get
    if (scope.kind === 'none') throw notFound('staff member');
    return { department, asOf, today, role, scope };
  }

  /** R16-style trail of who took which data out of the product, and when. */
  async recordExport(user: RequestUser, header: ReportHeader, format: ReportFormat): Promise<void> {
    await this.audit.record(this.dataSource.manager, user, user.departmentId, {
      action: 'export',
      entity: 'report',
      entityId: header.departmentId,
      after: { format, scope: header.scope, asOf: header.asOf },
    });
  }
}

/** The report's header scope from the member scope (a role's report: the department's members of that role). */
function resolveScope(
  scope: MemberScope,
  role: { id: string; name: string } | undefined,
  facts: { staff: readonly StaffFacts[]; teams: readonly { id: string; name: string }[] },
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

/** R1: a report lists every non-terminated member of its scope (of its role, for a role's). */
function inScopeOf(resolved: ResolvedScope): (member: StaffFacts) => boolean {
  return (member) =>
    member.status !== 'terminated' &&
    (resolved.roleId === undefined || member.roleId === resolved.roleId);
}

/** The members in the batches `stream` loads them in: a small first one, then larger ones. */
export function memberBatches<T>(members: readonly T[], first = FIRST_BATCH, size = BATCH): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < members.length; ) {
    const end = start === 0 ? first : start + size;
    batches.push(members.slice(start, end));
    start = end;
  }
  return batches;
}

function headerOf(
  department: DepartmentInfo,
  resolved: ResolvedScope,
  asOf: IsoDate,
  today: IsoDate,
  generatedBy: string,
  user: RequestUser,
  now: Date,
): ReportHeader {
  return {
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
    expiryWarningDays: department.settings.expiryWarningDays,
    requireVerification: department.settings.requireVerification,
  };
}

function namesOf(parts: {
  skills: readonly { id: string; name: string }[];
  credentialTypes: readonly { id: string; code: string }[];
  teams: readonly { id: string; name: string }[];
  roleNames: Map<string, string>;
  staffNames: Map<string, string>;
  employeeIds: Map<string, string | null>;
  credentialTypeNames: Map<string, { code: string; name: string; issuingBody: string }>;
  verifications: Map<string, CredentialVerificationRow>;
}): ComplianceReportInput['names'] {
  return {
    skillNames: new Map(parts.skills.map((skill) => [skill.id, skill.name])),
    credentialTypeCodes: new Map(parts.credentialTypes.map((type) => [type.id, type.code])),
    teamNames: new Map(parts.teams.map((team) => [team.id, team.name])),
    roleNames: parts.roleNames,
    staffNames: parts.staffNames,
    employeeIds: parts.employeeIds,
    credentialTypes: parts.credentialTypeNames,
    verifications: parts.verifications,
  };
}

function pickFigures(figures: { staffReadyPct: number | null; requirementsMetPct: number | null }) {
  return { staffReadyPct: figures.staffReadyPct, requirementsMetPct: figures.requirementsMetPct };
}

/** `compliance-<dept-slug>-<scope>-<asOf>.<ext>` */
export function reportFileName(header: ReportHeader, extension: string): string {
  const { scope, scopeName, departmentName, asOf } = header;
  const scopePart = scopeName === null ? scope.kind : `${scope.kind}-${slug(scopeName)}`;
  return `compliance-${slug(departmentName)}-${scopePart}-${asOf}.${extension}`;
}
