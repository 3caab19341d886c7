import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { ComplianceReportQuery } from './compliance-report.dto';
import { ComplianceReportService, reportFileName } from './compliance-report.service';
import { REPORT_FILE_TYPES, renderReport } from './report-formats';

const BINARY = { schema: { type: 'string', format: 'binary' } } as const;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  private readonly logger = new Logger(ReportsController.name);

  constructor(private readonly reports: ComplianceReportService) {}

  /**
   * Open to every role: admins and managers choose any scope in their department; staff always
   * get their own report (another member's id answers 404). The export is audited.
   */
  @Get('compliance')
  @ApiOperation({
    summary: 'Compliance report as of a date (DOMAIN.md, Reports) as CSV, XLSX or PDF',
    description:
      'Scope: the department (default), `teamId`, `roleId` or `staffId` (at most one). Every non-terminated member ' +
      'with readiness (R6), credentials with status on the date and verification (R4, R10), CE status per group ' +
      '(R15) and team coverage gaps and single points of failure (R7). CSV: one row per member-credential, UTF-8 ' +
      'with BOM; the header facts are in the file name and the X-Report-* response headers. Staff get their own ' +
      'report only. Each download is recorded in the audit trail (action "export", entity "report").',
  })
  @ApiProduces(...Object.values(REPORT_FILE_TYPES).map((type) => type.contentType))
  @ApiOkResponse({
    description: 'the report as a download (Content-Disposition: attachment)',
    content: Object.fromEntries(
      Object.values(REPORT_FILE_TYPES).map((type) => [type.contentType, BINARY]),
    ),
    headers: {
      'X-Report-As-Of': { description: 'the report date, YYYY-MM-DD', schema: { type: 'string' } },
      'X-Report-Generated-At': {
        description: 'when it was made, ISO 8601 with the department offset',
        schema: { type: 'string' },
      },
      'X-Report-Generated-By': {
        description: 'email of the account that made it',
        schema: { type: 'string' },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'a bad parameter, named in the message' })
  @ApiNotFoundResponse({
    description: 'unknown team, role or member, or a member the caller may not see',
  })
  async compliance(
    @CurrentUser() user: RequestUser,
    @Query() query: ComplianceReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const format = query.format ?? 'csv';
    // the CSV streams member by member from the first batch, the XLSX its members batch by
    // batch after the whole scope's figures; the PDF is built whole
    const made =
      format === 'csv'
        ? { format, stream: await this.reports.stream(user, query) }
        : format === 'xlsx'
          ? { format, stream: await this.reports.streamWhole(user, query) }
          : { format, report: await this.reports.build(user, query) };
    const header = made.format === 'pdf' ? made.report.header : made.stream.header;
    await this.reports.recordExport(user, header, format);

    const type = REPORT_FILE_TYPES[format];
    res.status(200);
    res.setHeader('Content-Type', type.contentType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${reportFileName(header, type.extension)}"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Report-As-Of', header.asOf);
    res.setHeader('X-Report-Generated-At', header.generatedAt);
    res.setHeader('X-Report-Generated-By', header.generatedByEmail);
    res.setHeader(
      'Access-Control-Expose-Headers',
      'Content-Disposition, X-Report-As-Of, X-Report-Generated-At, X-Report-Generated-By',
    );
    try {
      await renderReport(made, res, query.paper ?? 'letter');
    } catch (error) {
      // Once bytes are on the wire the status cannot change: cut the response so the client
      // sees an incomplete download rather than a file that looks whole.
      this.logger.error(
        `compliance report (${format}) failed while streaming: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) throw error;
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
