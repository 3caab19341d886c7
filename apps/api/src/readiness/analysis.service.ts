import { BadRequestException, Injectable } from '@nestjs/common';
import type {
  CeGroup,
  Expiration,
  IsoDate,
  MemberReadinessAnswer,
  ReadinessResponse,
  SkillsMatrixResponse,
} from '@him/contracts';
import {
  computeCeStatus,
  computeReadiness,
  computeSkillsMatrix,
  daysBetween,
  expiringCredentials,
} from '@him/domain';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { MAX_FORECAST_DAYS, todayIn } from '@him/domain';
import type {
  AnalysisQuery,
  CeStatusQuery,
  ExpirationsQuery,
  MemberReadinessQuery,
  ReadinessQuery,
} from './analysis.dto';
import { FactsRepository } from './facts.repository';

/**
 * The analysis endpoints: load the facts once, hand them to the pure rules of libs/domain.
 * AccessPolicy.memberScope says whose figures the caller gets (staff: only their own).
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
    const scope = await this.access.memberScope(user, query);
    const facts = await this.facts.departmentFacts(scope, asOf);
    return computeReadiness(facts, asOf, { teamId: query.teamId, extraDates });
  }

  /** R6 for one member: what a staff member sees of their own readiness, and others of those they may see. */
  async memberReadiness(
    user: RequestUser,
    staffId: string,
    query: MemberReadinessQuery,
  ): Promise<MemberReadinessAnswer> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    // 404 for a member the caller may not see; staff see only themselves.
    const scope = await this.access.memberScope(user, { staffId });
    const facts = await this.facts.departmentFacts(scope, asOf);
    const readiness = computeReadiness(facts, asOf, { forecastDays: [] });
    return {
      asOf,
      staffId,
      readiness: readiness.members.find((member) => member.staffId === staffId) ?? null,
    };
  }

  async skillsMatrix(user: RequestUser, query: AnalysisQuery): Promise<SkillsMatrixResponse> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    const scope = await this.access.memberScope(user, query);
    const [facts, skills] = await Promise.all([
      this.facts.departmentFacts(scope, asOf),
      this.facts.skills(user.departmentId),
    ]);
    return computeSkillsMatrix(facts, asOf, skills, { teamId: query.teamId });
  }

  async ceStatus(user: RequestUser, query: CeStatusQuery): Promise<CeGroup[]> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    const scope = await this.access.memberScope(user, query);
    // The scope holds only the members asked about; the team narrows a member asked about too.
    return computeCeStatus(await this.facts.ceFacts(scope, asOf), asOf, { teamId: query.teamId });
  }

  async expirations(user: RequestUser, query: ExpirationsQuery): Promise<Expiration[]> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    const scope = await this.access.memberScope(user, query);
    return expiringCredentials(
      await this.facts.expiryFacts(scope),
      asOf,
      query.withinDays ?? department.settings.expiryWarningDays,
      { teamId: query.teamId },
    );
  }
}
