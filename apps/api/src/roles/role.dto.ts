import type { CreateRoleRequest, UpdateRoleRequest } from '@him/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsRequirementList, type RequirementDto } from './requirements';

export class CreateRoleDto implements CreateRoleRequest {
  @ApiProperty({ example: 'Medical Coder (Inpatient)' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  /** What every member holding the role needs (R6); the order is kept. */
  @IsRequirementList()
  requirements!: RequirementDto[];
}

export class UpdateRoleDto
  extends PartialType(CreateRoleDto, { skipNullProperties: false })
  implements UpdateRoleRequest
{
  @ApiProperty({ description: 'the version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: 'why (kept in the audit trail)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
