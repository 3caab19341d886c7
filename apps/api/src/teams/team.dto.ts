import type { CoverageTarget, CreateTeamRequest, UpdateTeamRequest } from '@him/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsAuditNote, IsReadVersion } from '../common/dto-fields';
import { IsRequirement, MAX_REQUIREMENTS, type RequirementDto } from '../roles/requirements';

export class CoverageTargetDto implements CoverageTarget {
  /** What at least `minHolders` active members of the team must meet at all times (R7). */
  @IsRequirement()
  requirement!: RequirementDto;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, example: 2 })
  @IsInt()
  @Min(1)
  @Max(1000)
  minHolders!: number;
}

export class CreateTeamDto implements CreateTeamRequest {
  @ApiProperty({ example: 'Coding' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    uniqueItems: true,
    description:
      'staff members of the department who manage the team (they review its CE activities)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: '$property must not name a staff member twice' })
  @IsUUID(undefined, { each: true })
  managerStaffIds?: string[];

  @ApiProperty({ type: [CoverageTargetDto], maxItems: MAX_REQUIREMENTS })
  @IsArray()
  @ArrayMaxSize(MAX_REQUIREMENTS)
  @ValidateNested({ each: true })
  @Type(() => CoverageTargetDto)
  coverageTargets!: CoverageTargetDto[];
}

export class UpdateTeamDto
  extends PartialType(CreateTeamDto, { skipNullProperties: false })
  implements UpdateTeamRequest
{
  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}
