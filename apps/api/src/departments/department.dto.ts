import type { UpdateDepartmentRequest } from '@him/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import { isValidTimeZone } from '@him/domain';
import { IsReadVersion, IsAuditNote } from '../common/dto-fields';

/** Optional, but not nullable: `null` is validated (and refused) like any other value. */
const IfGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

function IsTimeZone() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length <= 100 && isValidTimeZone(value),
        defaultMessage: () => `${propertyName} must be an IANA time zone such as America/Chicago`,
      },
    });
}

export class UpdateDepartmentDto implements UpdateDepartmentRequest {
  @ApiPropertyOptional({ example: 'Health Information Management' })
  @IfGiven()
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    example: 'America/Chicago',
    description: 'IANA time zone; calendar dates are days in this zone',
  })
  @IfGiven()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ description: 'R4: when true, an unverified credential does not count' })
  @IfGiven()
  @IsBoolean()
  requireVerification?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 730,
    example: 90,
    description: 'R10: the expiry warning window in days',
  })
  @IfGiven()
  @IsInt()
  @Min(1)
  @Max(730)
  expiryWarningDays?: number;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'integer', minimum: 1, maximum: 730 },
    minItems: 1,
    maxItems: 8,
    uniqueItems: true,
    example: [90, 60, 30, 7],
    description:
      'R10: reminder lead times in days before expiry, 1 to 730 each; stored longest first',
  })
  @IfGiven()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique({ message: '$property must not repeat a number of days' })
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(730, { each: true })
  reminderLeadDays?: number[];

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 600,
    example: 36,
    description:
      'R2: months a competence assessment counts when its skill sets none (Joint Commission: at least every 36); null: assessments never lapse',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  assessmentValidityMonths?: number | null;

  @ApiPropertyOptional({
    description:
      'a first sign-in through the identity provider may create an account (otherwise an admin creates it)',
  })
  @IfGiven()
  @IsBoolean()
  ssoCreateAccounts?: boolean;

  @ApiPropertyOptional({
    description:
      'false: only the break-glass admin may sign in with a password; everyone else signs in through the identity provider',
  })
  @IfGiven()
  @IsBoolean()
  passwordSignIn?: boolean;

  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description:
      'the admin account that may still sign in with a password when password sign-in is off',
  })
  @IsOptional()
  @IsUUID('all', { message: '$property must be the id of an admin account (a UUID)' })
  breakGlassUserId?: string | null;

  @ApiPropertyOptional({
    description:
      'staff may add a credential they newly earned (stored unverified, for a manager to verify); false: managers add every credential',
  })
  @IfGiven()
  @IsBoolean()
  staffMayAddCredentials?: boolean;

  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}
