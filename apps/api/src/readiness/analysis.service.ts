import { BadRequestException, Injectable } from '@nestjs/common';
import type {
  CeGroup,
  Expiration,
  IsoDate,
  ReadinessResponse,
  ReassessmentDue,
  SkillsMatrixResponse,
  SurveyWindowResponse,
} from '@him/contracts';
import {
  computeCeStatus,
  computeReadiness,
  computeSkillsMatrix,
  computeSurveyWindow,
  addMonthsClamped,
  daysBetween,
  expiringCredentials,
  reassessmentsDue,
} from '@him/domain';
import { AccessPolicy } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { MAX_FORECAST_DAYS, todayIn } from '@him/domain';
import type {
  AnalysisQuery,
  CeStatusQuery,
  ExpirationsQuery,
  ReadinessQuery,
  ReassessmentsDueQuery,
  SurveyWindowQuery,
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

  /**
   * R17: the lowest figures over [from, to] under the assumptions of R9, for the same scope as
   * /readiness. The window opens on or after asOf and lasts at most three years (a survey comes
   * 18 to 36 months after the last one).
   */
  async surveyWindow(user: RequestUser, query: SurveyWindowQuery): Promise<SurveyWindowResponse> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    const problems: string[] = [];
    if (query.from < asOf) problems.push(`from must be on or after asOf (${asOf})`);
    if (query.to < query.from) problems.push('to must be on or after from');
    else if (query.to > addMonthsClamped(query.from, MAX_WINDOW_MONTHS))
      problems.push('to must be at most three years after from');
    if (problems.length > 0) throw new BadRequestException(problems);
    const scope = await this.access.memberScope(user, query);
    const facts = await this.facts.departmentFacts(scope, asOf);
    return computeSurveyWindow(facts, asOf, query.from, query.to, { teamId: query.teamId });
  }

  /**
   * R2 reassessments due: latest assessments of needed skills whose counting period ends within
   * the window (default the department's warning window) or has ended; staff get their own.
   */
  async reassessmentsDue(
    user: RequestUser,
    query: ReassessmentsDueQuery,
  ): Promise<ReassessmentDue[]> {
    const department = await this.facts.department(user.departmentId);
    const asOf = query.asOf ?? todayIn(department.timeZone);
    const scope = await this.access.memberScope(user, query);
    return reassessmentsDue(
      await this.facts.departmentFacts(scope, asOf),
      asOf,
      query.withinDays ?? department.settings.expiryWarningDays,
      { teamId: query.teamId },
    );
  }
}

/** R17: a survey comes 18 to 36 months after the last one; a longer window is refused. */
export const MAX_WINDOW_MONTHS = 36;
