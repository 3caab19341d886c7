import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  REPORT_FORMATS,
  REPORT_PAPER_SIZES,
  type ReportFormat,
  type ReportPaperSize,
} from '@him/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validation';

/** The earliest and latest report dates: wide enough for any survey, inside the date arithmetic's range. */
export const REPORT_DATE_RANGE = { min: '1900-01-01', max: '2999-12-31' } as const;

export class ComplianceReportQuery {
  @ApiPropertyOptional({
    example: '2026-11-24',
    description:
      'the day the report describes (past, today or a future survey day); default today in the department time zone',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'one team (give at most one of teamId, roleId, staffId)',
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one job role' })
  @IsOptional()
  @IsUUID()
  roleId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'one member; staff always get their own report',
  })
  @IsOptional()
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of: ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;

  @ApiPropertyOptional({
    enum: REPORT_PAPER_SIZES,
    default: 'letter',
    description: 'PDF page size',
  })
  @IsOptional()
  @IsIn(REPORT_PAPER_SIZES, { message: `paper must be one of: ${REPORT_PAPER_SIZES.join(', ')}` })
  paper?: ReportPaperSize;
}
