import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import {
  READINESS_MEMBER_FILTERS,
  READINESS_TEAM_SCOPES,
  READINESS_VIEWS,
  type ReadinessMemberFilter,
  type ReadinessRequest,
  type ReadinessTeamScope,
  type ReadinessView,
} from '@him/contracts';
import { IsCalendarDate } from '../common/validation';

/** At most this many `compare=` days in one request. */
export const MAX_COMPARE_DATES = 4;

export class AnalysisQuery {
  @ApiPropertyOptional({
    example: '2026-11-24',
    description: 'the day to evaluate; default today in the department time zone',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}

export class ReadinessQuery extends AnalysisQuery implements ReadinessRequest {
  @ApiPropertyOptional({
    example: '2026-12-15',
    description:
      'an accreditation survey day: adds a forecast point for it (R9, "who will have lapsed by then")',
  })
  @IsOptional()
  @IsCalendarDate()
  surveyDate?: string;

  @ApiPropertyOptional({
    enum: READINESS_TEAM_SCOPES,
    description:
      "managed: only the teams the caller manages (a manager's own teams, every team for an admin); not with teamId",
  })
  @IsOptional()
  @IsIn(READINESS_TEAM_SCOPES, {
    message: `teams must be one of ${READINESS_TEAM_SCOPES.join(', ')}`,
  })
  teams?: ReadinessTeamScope;

  @ApiPropertyOptional({
    enum: READINESS_VIEWS,
    default: 'full',
    description:
      'full: every member row (integrations); summary: figures, teams, targets, forecast and single points of failure, member rows only in pages (members=)',
  })
  @IsOptional()
  @IsIn(READINESS_VIEWS, { message: `view must be one of ${READINESS_VIEWS.join(', ')}` })
  view?: ReadinessView;

  @ApiPropertyOptional({
    example: '2026-10-25,2026-12-15',
    description: `summary only: up to ${MAX_COMPARE_DATES} more days (comma-separated) whose figures come in comparisons`,
  })
  @IsOptional()
  @Matches(
    new RegExp(`^\\d{4}-\\d{2}-\\d{2}(,\\d{4}-\\d{2}-\\d{2}){0,${MAX_COMPARE_DATES - 1}}$`),
    {
      message: `compare must be up to ${MAX_COMPARE_DATES} calendar dates written YYYY-MM-DD, separated by commas`,
    },
  )
  compare?: string;

  @ApiPropertyOptional({
    enum: READINESS_MEMBER_FILTERS,
    description:
      'summary only: a page of member rows (all, ready or not-ready), with limit and offset',
  })
  @IsOptional()
  @IsIn(READINESS_MEMBER_FILTERS, {
    message: `members must be one of ${READINESS_MEMBER_FILTERS.join(', ')}`,
  })
  members?: ReadinessMemberFilter;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class CeStatusQuery extends AnalysisQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  staffId?: string;
}

export class ExpirationsQuery extends CeStatusQuery {
  @ApiPropertyOptional({
    default: 90,
    minimum: 0,
    maximum: 3650,
    description: 'default: the department warning window',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  withinDays?: number;
}

export class SurveyWindowQuery extends AnalysisQuery {
  @ApiProperty({
    example: '2027-01-01',
    description: 'first day of the window, on or after asOf (inclusive)',
  })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    example: '2027-12-31',
    description:
      'last day of the window (inclusive), on or after from and at most three years after it',
  })
  @IsCalendarDate()
  to!: string;
}

export class ReassessmentsDueQuery extends ExpirationsQuery {}
export class MemberReadinessQuery {
  @ApiPropertyOptional({
    example: '2026-11-24',
    description: 'the day to evaluate; default today in the department time zone',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
