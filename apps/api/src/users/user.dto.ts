import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  USER_ROLES,
  type UserRole,
  type CreateUserRequest,
  type UpdateUserRequest,
} from '@him/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  IsAcceptablePassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from '../auth/password-policy';
import { IsReadVersion, IsAuditNote } from '../common/dto-fields';

/** Optional, but not nullable: `null` is validated (and refused) like any other value. */
const IfGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

const PASSWORD_RULE =
  'at least 12 characters, not only spaces, not one character repeated, and not on the list of common and breached passwords nor easy to guess (a sequence, a keyboard row, a date)';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({
    example: 'coder@riverside-demo.org',
    description: 'unique across the installation, whatever the letter case',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role!: UserRole;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the staff member the account belongs to; required for the staff role',
  })
  @IsOptional()
  @IsUUID()
  staffId?: string | null;

  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    writeOnly: true,
    description: PASSWORD_RULE,
  })
  @IsString()
  @IsAcceptablePassword()
  password!: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: USER_ROLES, description: 'an admin cannot change their own role' })
  @IfGiven()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null unlinks the account from its staff member (not for the staff role)',
  })
  @IsOptional()
  @IsUUID()
  staffId?: string | null;

  @ApiPropertyOptional({
    description: 'false signs the account out at once; an admin cannot deactivate themselves',
  })
  @IfGiven()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    writeOnly: true,
    description: `a new password: ${PASSWORD_RULE}; signs the account out everywhere else`,
  })
  @IfGiven()
  @IsString()
  @IsAcceptablePassword()
  password?: string;

  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}
