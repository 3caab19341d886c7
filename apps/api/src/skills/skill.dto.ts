import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SKILL_CATEGORIES,
  type SkillCategory,
  type CreateSkillRequest,
  type UpdateSkillRequest,
} from '@him/contracts';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsAuditNote, IsNotBlank, IsOptionalNotNull, IsReadVersion } from '../common/dto-fields';

export class CreateSkillDto implements CreateSkillRequest {
  @ApiProperty({ example: 'ICD-10-CM diagnosis coding' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: SKILL_CATEGORIES })
  @IsIn(SKILL_CATEGORIES)
  category!: SkillCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 600,
    example: 12,
    description:
      'months an assessment of this skill counts (HIPAA training: 12); null: the department setting applies',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  reassessMonths?: number | null;
}

export class UpdateSkillDto implements UpdateSkillRequest {
  @ApiPropertyOptional({ example: 'ICD-10-CM diagnosis coding' })
  @IsOptionalNotNull()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: SKILL_CATEGORIES })
  @IsOptionalNotNull()
  @IsIn(SKILL_CATEGORIES)
  category?: SkillCategory;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 600,
    example: 12,
    description:
      'months an assessment of this skill counts (HIPAA training: 12); null: the department setting applies',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  reassessMonths?: number | null;

  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}
