import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  VERIFICATION_METHODS,
  type VerificationMethod,
  type VerificationRequest,
  type CreateCredentialRequest,
  type SelfReportedCredentialRequest,
  type UpdateCredentialRequest,
} from '@him/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsAuditNote, IsOptionalNotNull, IsReadVersion } from '../common/dto-fields';
import { PageQuery } from '../common/pagination';
import { IsCalendarDate } from '../common/validation';

export class VerificationDto implements VerificationRequest {
  @ApiProperty({ enum: VERIFICATION_METHODS })
  @IsIn(VERIFICATION_METHODS)
  method!: VerificationMethod;

  @ApiProperty({
    example: '2026-01-20',
    description: 'not in the future; the verifier is the caller',
  })
  @IsCalendarDate()
  verifiedOn!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: 'https://www.ahima.org/certification/verify 12345678, confirmation 88213',
    description:
      'the source checked (primary-source verification): a lookup URL or the confirmation number, 1 to 500 characters',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  // one line: no control characters (tab, line breaks, DEL ...)
  @Matches(/^\P{Cc}*$/u, {
    message: 'reference must be one line of text without control characters',
  })
  reference?: string | null;
}

export class CreateCredentialDto implements CreateCredentialRequest {
  @ApiProperty({ format: 'uuid', description: 'a credential type of the department' })
  @IsUUID()
  credentialTypeId!: string;

  @ApiPropertyOptional({
    example: '12345678',
    nullable: true,
    description: 'unique per credential type in the department',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number?: string | null;

  @ApiProperty({ example: '2024-07-01' })
  @IsCalendarDate()
  issuedOn!: string;

  @ApiPropertyOptional({
    example: '2026-06-30',
    nullable: true,
    description: 'on or after issuedOn; none: it does not expire',
  })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;

  @ApiPropertyOptional({ type: VerificationDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VerificationDto)
  verification?: VerificationDto | null;
}

/** What a member sends for a credential they newly earned: no verification (a manager records it). */
export class SelfReportedCredentialDto
  extends PickType(CreateCredentialDto, ['credentialTypeId', 'number', 'issuedOn', 'expiresOn'])
  implements SelfReportedCredentialRequest {}

export class UpdateCredentialDto implements UpdateCredentialRequest {
  @ApiPropertyOptional({ nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number?: string | null;

  @ApiPropertyOptional({ example: '2024-07-01' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  issuedOn?: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'null clears it (the credential does not expire)',
  })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;

  @ApiPropertyOptional({
    type: VerificationDto,
    nullable: true,
    description: 'null clears it; the verifier becomes the caller',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VerificationDto)
  verification?: VerificationDto | null;

  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}

export class RevokeCredentialQuery {
  @ApiPropertyOptional({ description: 'why (kept on the credential and in the audit trail)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    example: '2026-02-01',
    description: 'defaults to today in the department time zone; not in the future',
  })
  @IsOptional()
  @IsCalendarDate()
  revokedOn?: string;
}

export class CredentialListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only members of this team' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
