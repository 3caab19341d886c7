import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  STAFF_STATUSES,
  type StaffStatus,
  type CreateStaffRequest,
  type UpdateStaffRequest,
} from '@him/contracts';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsAuditNote, IsNotBlank, IsOptionalNotNull, IsReadVersion } from '../common/dto-fields';
import { PageQuery } from '../common/pagination';
import { IsCalendarDate } from '../common/validation';

export class CreateStaffDto implements CreateStaffRequest {
  @ApiProperty({ example: 'Dana Whitfield' })
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'dana.whitfield@riverside-demo.org' })
  @IsString()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({
    example: 'E-10442',
    nullable: true,
    description: 'the HR system id; unique in the department',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  employeeId?: string | null;

  @ApiProperty({ format: 'uuid', description: 'a team of the department' })
  @IsUUID()
  teamId!: string;

  @ApiProperty({ format: 'uuid', description: 'a job role of the department' })
  @IsUUID()
  roleId!: string;

  @ApiProperty({
    enum: STAFF_STATUSES,
    description: "'terminated' is how people leave; their history stays",
  })
  @IsIn(STAFF_STATUSES)
  status!: StaffStatus;

  @ApiProperty({ example: '2021-03-15' })
  @IsCalendarDate()
  hireDate!: string;
}

export class UpdateStaffDto implements UpdateStaffRequest {
  @ApiPropertyOptional({ example: 'Dana Whitfield' })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'dana.whitfield@riverside-demo.org' })
  @IsOptionalNotNull()
  @IsString()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  employeeId?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  roleId?: string;

  @ApiPropertyOptional({ enum: STAFF_STATUSES })
  @IsOptionalNotNull()
  @IsIn(STAFF_STATUSES)
  status?: StaffStatus;

  @ApiPropertyOptional({ example: '2021-03-15' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  hireDate?: string;

  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}

export class StaffQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roleId?: string;

  @ApiPropertyOptional({ enum: STAFF_STATUSES })
  @IsOptional()
  @IsIn(STAFF_STATUSES)
  status?: StaffStatus;

  @ApiPropertyOptional({
    description: 'matches name, email or employee id (case-insensitive, substring)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
