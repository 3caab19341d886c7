import { ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_PAPER_SIZES, type ReportPaperSize } from '@him/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validation';

export class MemberFileQuery {
  @ApiPropertyOptional({
    example: '2026-11-24',
    description: 'the day the file describes; default today in the department time zone',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: REPORT_PAPER_SIZES, default: 'letter', description: 'page size' })
  @IsOptional()
  @IsIn(REPORT_PAPER_SIZES, { message: `paper must be one of: ${REPORT_PAPER_SIZES.join(', ')}` })
  paper?: ReportPaperSize;
}

export const MEMBER_FILES_FORMATS = ['zip'] as const;

export class MemberFilesQuery extends MemberFileQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'one team; none: the department (staff always get their own file)',
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ enum: MEMBER_FILES_FORMATS, default: 'zip' })
  @IsOptional()
  @IsIn(MEMBER_FILES_FORMATS, { message: 'format must be one of: zip' })
  format?: 'zip';
}
