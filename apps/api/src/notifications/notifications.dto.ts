import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTICE_CHANNELS,
  REMINDER_KINDS,
  WEBHOOK_EVENT_KINDS,
  type CreateWebhookRequest,
  type NotificationPreferences,
  type UpdateReminderSettingsRequest,
  type UpdateWebhookRequest,
  type NoticeChannel,
  type ReminderKind,
  type RunRemindersRequest,
  type WebhookEventKind,
} from '@him/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsAuditNote, IsOptionalNotNull } from '../common/dto-fields';
import { PageQuery } from '../common/pagination';
import { IsCalendarDate } from '../common/validation';

/** Lead days between `low` and `high`, each once, at most 8. */
function LeadDays(low: number, high: number): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    ApiProperty({
      type: 'array',
      items: { type: 'integer', minimum: low, maximum: high },
      example: [30, 7],
    })(target, key);
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(8)(target, key);
    ArrayUnique({ message: '$property must not repeat a number of days' })(target, key);
    IsInt({ each: true })(target, key);
    Min(low, { each: true, message: `$property must be ${low} to ${high} days` })(target, key);
    Max(high, { each: true, message: `$property must be ${low} to ${high} days` })(target, key);
  };
}

class OnOffDto {
  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

class ExpiringDto extends OnOffDto {
  @LeadDays(1, 730)
  leadDays!: number[];
}

class StateEndingDto extends OnOffDto {
  @LeadDays(1, 365)
  leadDays!: number[];
}

class CeBehindDto extends OnOffDto {
  /** behind is a status before the last 90 days of a cycle (R15): leads over 90 */
  @LeadDays(91, 730)
  leadDays!: number[];
}

class CeAtRiskDto extends OnOffDto {
  /** at risk is the status of the last 90 days (R15) */
  @LeadDays(1, 90)
  leadDays!: number[];
}

class ReviewWaitingDto extends OnOffDto {
  @ApiProperty({ minimum: 1, maximum: 90, example: 7 })
  @IsInt()
  @Min(1)
  @Max(90)
  afterDays!: number;
}

class DigestDto extends OnOffDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday ... 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiProperty({
    minimum: 0,
    maximum: 23,
    description: "hour of the day in the department's time zone",
  })
  @IsInt()
  @Min(0)
  @Max(23)
  hour!: number;
}

class TypeLeadDaysDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  credentialTypeId!: string;

  @LeadDays(1, 730)
  leadDays!: number[];
}

/** Every section is optional; what is sent replaces that section. */
export class UpdateReminderSettingsDto implements UpdateReminderSettingsRequest {
  @ApiPropertyOptional({ type: ExpiringDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => ExpiringDto)
  expiring?: ExpiringDto;

  @ApiPropertyOptional({ type: OnOffDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => OnOffDto)
  lapsed?: OnOffDto;

  @ApiPropertyOptional({ type: StateEndingDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => StateEndingDto)
  stateEnding?: StateEndingDto;

  @ApiPropertyOptional({ type: CeBehindDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => CeBehindDto)
  ceBehind?: CeBehindDto;

  @ApiPropertyOptional({ type: CeAtRiskDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => CeAtRiskDto)
  ceAtRisk?: CeAtRiskDto;

  @ApiPropertyOptional({ type: ReviewWaitingDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => ReviewWaitingDto)
  reviewWaiting?: ReviewWaitingDto;

  @ApiPropertyOptional({ type: OnOffDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => OnOffDto)
  rejected?: OnOffDto;

  @ApiPropertyOptional({ type: DigestDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => DigestDto)
  digest?: DigestDto;

  @ApiPropertyOptional({
    type: [TypeLeadDaysDto],
    description: 'credential types with their own expiry lead times (the whole list)',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TypeLeadDaysDto)
  credentialTypeLeadDays?: TypeLeadDaysDto[];

  @ApiProperty({
    description: 'the version you read (0 before the first save); a stale one answers 409',
  })
  @IsInt()
  @Min(0)
  version!: number;

  @IsAuditNote()
  note?: string;
}

export class RunRemindersDto implements RunRemindersRequest {
  @ApiProperty({ example: '2027-03-01', description: 'the day to run, as of that day' })
  @IsCalendarDate()
  date!: string;
}

export class NoticesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only unread notices' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NoticeLogQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'the recipient account' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: REMINDER_KINDS })
  @IsOptional()
  @IsIn(REMINDER_KINDS)
  kind?: ReminderKind;

  @ApiPropertyOptional({ enum: NOTICE_CHANNELS })
  @IsOptional()
  @IsIn(NOTICE_CHANNELS)
  channel?: NoticeChannel;
}

export class UpdatePreferencesDto implements NotificationPreferences {
  @ApiProperty({
    enum: REMINDER_KINDS,
    isArray: true,
    description: 'kinds not wanted by e-mail (the in-app notice stays)',
  })
  @IsArray()
  @ArrayMaxSize(REMINDER_KINDS.length)
  @ArrayUnique()
  @IsIn(REMINDER_KINDS, { each: true })
  emailOptOut!: ReminderKind[];

  @ApiProperty({
    description: 'the version you read (0 before the first save); a stale one answers 409',
  })
  @IsInt()
  @Min(0)
  version!: number;
}

export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({ example: 'https://hr.hospital.example/hooks/him' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_KINDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_KINDS, { each: true })
  events!: WebhookEventKind[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class UpdateWebhookDto implements UpdateWebhookRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_KINDS, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_KINDS, { each: true })
  events?: WebhookEventKind[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}
