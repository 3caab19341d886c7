import { BadRequestException, Injectable } from '@nestjs/common';
import type {
  CeGroup,
  Expiration,
  IsoDate,
  ReadinessResponse,
  SkillsMatrixResponse,
} from '@him/contracts';
import {
  computeCeStatus,
  computeReadiness,
  computeSkillsMatrix,
  daysBetween,
  expiringCredentials,
  type DepartmentFacts,
} from '@him/domain';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { MAX_FORECAST_DAYS, todayIn } from '@him/domain';
import type {
  AnalysisQuery,
  CeStatusQuery,
  ExpirationsQuery,
  ReadinessQuery,
} from './analysis.dto';
import { FactsRepository, type DepartmentInfo, type FactsScope } from './facts.repository';

/**
 * The analysis endpoints: load the facts once, hand them to the pure rules of libs/domain.
 * Staff see only their own figures: their scope is narrowed to themselves here.
 */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly facts: FactsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async readiness(user: RequestUser, query: ReadinessQuery): Promise<ReadinessResponse> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    const extraDates: IsoDate[] = [];
    if (query.surveyDate) {
      const days = daysBetween(asOf, query.surveyDate);
      if (days < 0 || days > MAX_FORECAST_DAYS) {
        throw new BadRequestException([
          `surveyDate must be between asOf and ${MAX_FORECAST_DAYS} days after it`,
        ]);
      }
      extraDates.push(query.surveyDate);
    }
    const scope = await this.scope(user, query);
    const facts = await this.departmentFacts(department, scope, asOf);
    return computeReadiness(facts, asOf, { teamId: query.teamId, extraDates });
  }

  async skillsMatrix(user: RequestUser, query: AnalysisQuery): Promise<SkillsMatrixResponse> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    const scope = await this.scope(user, query);
    const [facts, skills] = await Promise.all([
      this.departmentFacts(department, scope, asOf),
      this.facts.skills(user.departmentId),
    ]);
    return computeSkillsMatrix(facts, asOf, skills, { teamId: query.teamId });
  }

  async ceStatus(user: RequestUser, query: CeStatusQuery): Promise<CeGroup[]> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    const scope = await this.scope(user, query);
    const ceRules = await this.facts.ceRules(user.departmentId);
    const longestCycle = Math.max(0, ...ceRules.map((r) => r.cycleMonths));
    const [staff, credentialTypes, credentials, activities] = await Promise.all([
      this.facts.staff(scope),
      this.facts.credentialTypes(user.departmentId),
      this.facts.credentials(scope),
      this.facts.ceActivities(scope, asOf, longestCycle),
    ]);
    return computeCeStatus(
      { settings: department.settings, staff, credentialTypes, credentials, ceRules, activities },
      asOf,
      { staffId: scope.staffId, teamId: scope.teamId },
    );
  }

  async expirations(user: RequestUser, query: ExpirationsQuery): Promise<Expiration[]> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    const scope = await this.scope(user, query);
    const [staff, credentialTypes, credentials] = await Promise.all([
      this.facts.staff(scope),
      this.facts.credentialTypes(user.departmentId),
      this.facts.credentials(scope),
    ]);
    return expiringCredentials(
      { settings: department.settings, staff, credentialTypes, credentials },
      asOf,
      query.withinDays ?? department.settings.expiryWarningDays,
      { staffId: scope.staffId, teamId: scope.teamId },
    );
  }

  /** The members the caller asks about and may see: staff are narrowed to themselves. */
  private async scope(
    user: RequestUser,
    query: { teamId?: string; staffId?: string },
  ): Promise<FactsScope> {
    const scope: FactsScope = {
      departmentId: user.departmentId,
      teamId: query.teamId,
      staffId: query.staffId,
    };
    if (query.teamId) await this.facts.assertTeam(user.departmentId, query.teamId);
    if (query.staffId) await this.access.visibleStaff(user, query.staffId);
    const visible = this.access.visibleStaffIds(user);
    if (visible !== 'all') {
      // a member without a staff record has no figures of their own: an empty scope
      scope.staffId = visible[0] ?? '00000000-0000-0000-0000-000000000000';
    }
    return scope;
  }

  private async departmentFacts(
    department: DepartmentInfo,
    scope: FactsScope,
    asOf: IsoDate,
  ): Promise<DepartmentFacts> {
    const [staff, { roles, teams }, credentialTypes, credentials, assessments] = await Promise.all([
      this.facts.staff(scope),
      this.facts.rolesAndTeams(department.id),
      this.facts.credentialTypes(department.id),
      this.facts.credentials(scope),
      this.facts.latestAssessments(scope, asOf),
    ]);
    return {
      settings: department.settings,
      staff,
      roles,
      teams,
      credentialTypes,
      credentials,
      assessments,
    };
  }
}
