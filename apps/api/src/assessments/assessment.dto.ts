import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSESSMENT_SOURCES,
  type AssessmentSource,
  type CreateAssessmentRequest,
} from '@him/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../common/validation';

export class CreateAssessmentDto implements CreateAssessmentRequest {
  @ApiProperty({ format: 'uuid', description: 'a skill of the department' })
  @IsUUID()
  skillId!: string;

  @ApiProperty({
    minimum: 0,
    maximum: 4,
    description: '0 none, 1 awareness, 2 working, 3 proficient, 4 expert',
  })
  @IsInt()
  @Min(0)
  @Max(4)
  level!: number;

  @ApiProperty({
    example: '2026-01-15',
    description: 'not in the future (today in the department time zone)',
  })
  @IsCalendarDate()
  assessedOn!: string;

  @ApiProperty({
    enum: ASSESSMENT_SOURCES,
    description: "'self' only for one's own record; 'manager' only by a manager or admin",
  })
  @IsIn(ASSESSMENT_SOURCES)
  source!: AssessmentSource;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
