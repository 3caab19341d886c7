import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/validation';

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

export class ReadinessQuery extends AnalysisQuery {
  @ApiPropertyOptional({
    example: '2026-12-15',
    description:
      'an accreditation survey day: adds a forecast point for it (R9, "who will have lapsed by then")',
  })
  @IsOptional()
  @IsCalendarDate()
  surveyDate?: string;
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
