import type {
  CreateCredentialTypeRequest,
  SkillLevel,
  UpdateCredentialTypeRequest,
} from '@him/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsAuditNote, IsOptionalNotNull, IsReadVersion } from '../common/dto-fields';
import { HasAtMostTwoDecimals } from '../common/validation';

export class SkillLevelDto implements SkillLevel {
  @ApiProperty({ format: 'uuid', description: 'a skill of the department' })
  @IsUUID()
  skillId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 4,
    description: 'the proficiency that holding the credential evidences',
  })
  @IsInt()
  @Min(0)
  @Max(4)
  level!: number;
}

export class CreateCredentialTypeDto implements CreateCredentialTypeRequest {
  @ApiProperty({
    example: 'CCS',
    description: 'unique in the department, whatever the letter case',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(30)
  code!: string;

  @ApiProperty({ example: 'Certified Coding Specialist' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: 'AHIMA',
    description: 'its CE rule is the one of this issuing body (R11, R12)',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(100)
  issuingBody!: string;

  @ApiProperty({
    example: 20,
    minimum: 0,
    maximum: 9999.99,
    description: 'CE hours owed per cycle for this credential (R12)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9999.99)
  @HasAtMostTwoDecimals()
  baseCeus!: number;

  @ApiProperty({
    type: [SkillLevelDto],
    description: 'the skills that holding the credential evidences (R2)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique(
    (e: unknown) =>
      e !== null && typeof e === 'object' ? (e as { skillId?: unknown }).skillId : e,
    {
      message: '$property must not name a skill twice',
    },
  )
  @ValidateNested({ each: true })
  @Type(() => SkillLevelDto)
  evidencesSkills!: SkillLevelDto[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    maxItems: 50,
    uniqueItems: true,
    description:
      'R12: credential types of the department this one supersedes (RHIA supersedes RHIT): held in the same CE group, a superseded type adds no hours',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: '$property must not name a credential type twice' })
  @IsUUID(undefined, { each: true })
  supersedes?: string[];
}

export class UpdateCredentialTypeDto
  extends PartialType(CreateCredentialTypeDto, {
    skipNullProperties: false,
  })
  implements UpdateCredentialTypeRequest
{
  @IsReadVersion()
  version!: number;

  @IsAuditNote()
  note?: string;
}
