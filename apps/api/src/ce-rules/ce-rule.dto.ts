import type {
  AfterLapseStep,
  CeMinimum,
  CreateCeRuleRequest,
  UpdateCeRuleRequest,
} from '@him/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { IsAuditNote, IsOptionalNotNull, IsReadVersion } from '../common/dto-fields';
import { HasAtMostTwoDecimals } from '../common/validation';

const MAX_HOURS = 9999.99;

const given = (value: unknown) => value !== undefined && value !== null;
const isHours = (value: unknown) =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  value > 0 &&
  value <= MAX_HOURS &&
  Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
const isShare = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1;

/**
 * R14: a minimum is either H hours or a share s of `required`: exactly one of the two.
 * Checked on `hours` (which also reports "neither" and "both") and on `share`, so that
 * each problem is one line naming its field.
 */
function HoursOrShare(field: 'hours' | 'share') {
  const other = field === 'hours' ? 'share' : 'hours';
  const problem = (value: unknown, object: Record<string, unknown>): string | null => {
    if (!given(value))
      return field === 'hours' && !given(object[other]) ? 'give either hours or share' : null;
    if (field === 'hours' && given(object[other])) return 'give either hours or share, not both';
    if (field === 'hours' && !isHours(value))
      return `hours must be a number above 0, at most ${MAX_HOURS}, with at most two decimals`;
    if (field === 'share' && !isShare(value))
      return 'share must be a fraction of the required hours, above 0 and at most 1';
    return null;
  };
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'hoursOrShare',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          problem(value, args.object as Record<string, unknown>) === null,
        defaultMessage: (args?: ValidationArguments) =>
          (args && problem(args.value, args.object as Record<string, unknown>)) ??
          `${propertyName} is invalid`,
      },
    });
}

export class CeMinimumDto implements CeMinimum {
  @ApiProperty({
    type: [String],
    example: ['hiim-domain'],
    description:
      'activity categories (slugs of a-z, 0-9 and -); hours from activities carrying any of them count',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: '$property must not name a category twice' })
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @Matches(/^[a-z0-9-]+$/, {
    each: true,
    message: '$property must hold slugs of lower-case letters, digits and -',
  })
  categories!: string[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 4,
    description: 'at least this many hours (give hours or share, not both)',
  })
  @HoursOrShare('hours')
  hours?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 0.8,
    description: 'at least this share of the required hours, in (0, 1]',
  })
  @HoursOrShare('share')
  share?: number | null;
}

/** R18: one state after an expiry (AHIMA: inactive, 180 days). */
export class AfterLapseStepDto implements AfterLapseStep {
  @ApiProperty({ example: 'inactive', description: "the body's word for the state" })
  @IsString()
  @Matches(/^[a-z][a-z -]*$/, {
    message: '$property must be a word of lower-case letters (inactive, grace ...)',
  })
  @MaxLength(40)
  state!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 3650, example: 180 })
  @IsInt()
  @Min(1)
  @Max(3650)
  days!: number;
}

export class CreateCeRuleDto implements CreateCeRuleRequest {
  @ApiProperty({
    example: 'AHIMA',
    description: 'one rule per issuing body, whatever the letter case',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(100)
  issuingBody!: string;

  @ApiProperty({
    type: 'integer',
    example: 24,
    minimum: 1,
    maximum: 120,
    description: 'length of a recertification cycle (R11)',
  })
  @IsInt()
  @Min(1)
  @Max(120)
  cycleMonths!: number;

  @ApiProperty({
    example: 10,
    minimum: 0,
    maximum: MAX_HOURS,
    description: 'hours added per additional credential of the group (R12)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_HOURS)
  @HasAtMostTwoDecimals()
  extraPerAdditional!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 50,
    description: 'most hours a group can owe (R12); null for no cap',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(MAX_HOURS)
  @HasAtMostTwoDecimals()
  cap?: number | null;

  @ApiProperty({ type: [CeMinimumDto], description: 'R14 minimums over activity categories' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CeMinimumDto)
  minimums!: CeMinimumDto[];

  @ApiPropertyOptional({
    type: [AfterLapseStepDto],
    description:
      "R18: the states an expired credential of this body goes through, in order, from the day after its expiry; after the last the body has revoked it. Default: the body's from credentials.md (AHIMA inactive 180 days, AAPC grace 90, ACDIS grace 45), otherwise none",
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => AfterLapseStepDto)
  afterLapse?: AfterLapseStepDto[];
}

export class UpdateCeRuleDto
  extends PartialType(CreateCeRuleDto, { skipNullProperties: false })
  implements UpdateCeRuleRequest
{
  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}
