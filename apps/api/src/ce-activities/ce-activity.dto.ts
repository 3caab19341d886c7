import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CE_REVIEW_DECISIONS,
  CE_REVIEW_STATUSES,
  type CeReviewDecision,
  type CeReviewStatus,
  type CreateCeActivityRequest,
  type UpdateCeActivityRequest,
  type ReviewCeActivityRequest,
} from '@him/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsAuditNote, IsNotBlank, IsOptionalNotNull, IsReadVersion } from '../common/dto-fields';
import { PageQuery } from '../common/pagination';
import { HasAtMostTwoDecimals, IsCalendarDate } from '../common/validation';

const CATEGORY_SLUG = /^[a-z0-9-]+$/;
const MAX_CATEGORIES = 10;
const MAX_CREDENTIALS = 20;

export class CreateCeActivityDto implements CreateCeActivityRequest {
  @ApiProperty({ example: 'ICD-10-CM/PCS updates for FY2026' })
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'AHIMA' })
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(200)
  provider!: string;

  @ApiProperty({
    example: '2026-01-28',
    description: 'not in the future (today in the department time zone)',
  })
  @IsCalendarDate()
  completedOn!: string;

  @ApiProperty({
    example: 1.5,
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 200,
    description: 'CEU hours, > 0 and <= 200, at most two decimals',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(200)
  @HasAtMostTwoDecimals()
  hours!: number;

  @ApiPropertyOptional({
    type: [String],
    example: ['hiim-domain', 'ahima-provided'],
    maxItems: MAX_CATEGORIES,
    uniqueItems: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CATEGORIES)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @Matches(CATEGORY_SLUG, {
    each: true,
    message: 'each value in categories must be a slug of a-z, 0-9 and -',
  })
  categories?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'credentials of the same member the activity is meant for (R13)',
    maxItems: MAX_CREDENTIALS,
    uniqueItems: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CREDENTIALS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  credentialIds?: string[];

  @ApiPropertyOptional({
    enum: ['approved'],
    description:
      "omit for 'submitted'; 'approved' at once only by a reviewer of the member's team (never for one's own entry)",
  })
  @IsOptional()
  @IsIn(['approved'])
  status?: 'approved';
}

export class UpdateCeActivityDto implements UpdateCeActivityRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(200)
  provider?: string;

  @ApiPropertyOptional({ example: '2026-01-28' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  completedOn?: string;

  @ApiPropertyOptional({ example: 1.5, minimum: 0, exclusiveMinimum: true, maximum: 200 })
  @IsOptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(200)
  @HasAtMostTwoDecimals()
  hours?: number;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_CATEGORIES, uniqueItems: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_CATEGORIES)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @Matches(CATEGORY_SLUG, {
    each: true,
    message: 'each value in categories must be a slug of a-z, 0-9 and -',
  })
  categories?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_CREDENTIALS,
    uniqueItems: true,
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_CREDENTIALS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  credentialIds?: string[];

  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}

export class ReviewCeActivityDto implements ReviewCeActivityRequest {
  @ApiProperty({ enum: CE_REVIEW_DECISIONS })
  @IsIn(CE_REVIEW_DECISIONS)
  status!: CeReviewDecision;

  @ApiPropertyOptional({
    description:
      'kept on the activity as reviewNote and in the audit trail; required when rejecting: the member is told the reason',
  })
  @ValidateIf((o: ReviewCeActivityDto) => o.status === 'rejected' || o.note !== undefined)
  @IsDefined({ message: 'note is required when rejecting: say why the activity is not approved' })
  @IsString()
  @IsNotBlank({ message: 'note must say why the activity is not approved' })
  @MaxLength(2000)
  note?: string;

  @IsReadVersion()
  version!: number;
}

export class DeleteCeActivityQuery {
  @IsAuditNote()
  note?: string;
}

export class MemberCeActivitiesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CE_REVIEW_STATUSES })
  @IsOptional()
  @IsIn(CE_REVIEW_STATUSES)
  status?: CeReviewStatus;
}

export class ReviewQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CE_REVIEW_STATUSES, default: 'submitted' })
  @IsOptional()
  @IsIn(CE_REVIEW_STATUSES)
  status: CeReviewStatus = 'submitted';

  @ApiPropertyOptional({ format: 'uuid', description: 'one of the teams you review' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
