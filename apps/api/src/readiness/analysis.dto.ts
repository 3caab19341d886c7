import { ApiPropertyOptional } from '@nestjs/swagger';
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

export class MemberReadinessQuery {
  @ApiPropertyOptional({
    example: '2026-11-24',
    description: 'the day to evaluate; default today in the department time zone',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
