import type { CreateRoleRequest, UpdateRoleRequest } from '@him/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsAuditNote, IsReadVersion } from '../common/dto-fields';
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
  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}
