import { PassThrough } from 'node:stream';
import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import archiver from 'archiver';
import type { Response } from 'express';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { uuidParam } from '../common/uuid.pipe';
import { MemberFileQuery, MemberFilesQuery } from './member-file.dto';
import { MemberFileService, memberFileName, memberFilesZipName } from './member-file.service';
import { renderMemberFile } from './render-member-file';
import { ClientGoneError } from './stream-pace';
import type { ComplianceReport } from './compliance-report';

const BINARY = { schema: { type: 'string', format: 'binary' } } as const;

function downloadHeaders(res: Response, report: ComplianceReport, type: string, name: string) {
  res.status(200);
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Report-As-Of', report.header.asOf);
  res.setHeader('X-Report-Generated-At', report.header.generatedAt);
  res.setHeader(
    'Access-Control-Expose-Headers',
    'Content-Disposition, X-Report-As-Of, X-Report-Generated-At',
  );
}

const isClientGone = (error: unknown) =>
  error instanceof ClientGoneError ||
  (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';

/**
 * Member files (DOMAIN.md, Reports): one member's file as a PDF beside the staff profile, and
 * the files of a team or the department as one zip, streamed file by file.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class MemberFilesController {
  private readonly logger = new Logger(MemberFilesController.name);

  constructor(private readonly files: MemberFileService) {}

  @Get('staff/:id/file.pdf')
  @ApiOperation({
    summary: "A member's file as a PDF: what a surveyor asks for in the competence session",
    description:
      'Role and requirements met, credentials with primary-source verification and evidence, competence ' +
      'assessments with assessor, date and lapse date, CE per group, the audit trail of those records and an ' +
      'attestation block. Visible as the staff profile is: staff only their own (another member answers 404). ' +
      'Each download is recorded in the audit trail (action "export", entity "report").',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'the PDF (Content-Disposition: attachment)',
    content: { 'application/pdf': BINARY },
  })
  @ApiBadRequestResponse({ description: 'a bad parameter, named in the message' })
  @ApiNotFoundResponse({
    description: 'unknown member, or one the caller may not see, or no longer employed',
  })
  async memberFile(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: MemberFileQuery,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.files.one(user, id, query.asOf);
    await this.files.recordExport(user, { header: file.header } as ComplianceReport, 'pdf', 1);
    downloadHeaders(
      res,
      { header: file.header } as ComplianceReport,
      'application/pdf',
      memberFileName(file),
    );
    try {
      await renderMemberFile(file, res, query.paper ?? 'letter');
    } catch (error) {
      if (isClientGone(error)) return;
      this.logger.error(
        `member file failed while streaming: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) throw error;
      res.destroy(error instanceof Error ? error : undefined);
    }
  }

  @Get('reports/member-files')
  @ApiOperation({
    summary: 'The member files of a team or the department, as one zip (streamed)',
    description:
      'One PDF per non-terminated member in scope (as GET /staff/{id}/file.pdf), written into the zip one after ' +
      'the other as the client reads it. `teamId`: one team; none: the department. Staff get a zip of their own ' +
      'file. Each download is recorded in the audit trail.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'the zip (Content-Disposition: attachment)',
    content: { 'application/zip': BINARY },
  })
  @ApiBadRequestResponse({ description: 'a bad parameter, named in the message' })
  @ApiNotFoundResponse({ description: 'unknown team' })
  async memberFiles(
    @CurrentUser() user: RequestUser,
    @Query() query: MemberFilesQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { report, files, count } = await this.files.many(user, {
      teamId: query.teamId,
      asOf: query.asOf,
    });
    await this.files.recordExport(user, report, 'zip', count);
    downloadHeaders(res, report, 'application/zip', memberFilesZipName(report));

    const zip = archiver('zip', { zlib: { level: 6 } });
    let failed: Error | null = null;
    zip.on('warning', (warning) => this.logger.warn(`member files zip: ${warning.message}`));
    zip.on('error', (error) => {
      failed = error;
    });
    res.on('close', () => {
      if (!res.writableFinished) zip.abort();
    });
    zip.pipe(res);
    try {
      for (const file of files) {
        if (res.destroyed) return;
        const entry = new PassThrough();
        zip.append(entry, {
          name: memberFileName(file),
          date: new Date(report.header.generatedAt),
        });
        // archiver reads entries one at a time: this file is laid out while the zip takes it
        await renderMemberFile(file, entry, query.paper ?? 'letter');
        if (failed) throw failed;
      }
      await zip.finalize();
    } catch (error) {
      if (isClientGone(error) || res.destroyed) return;
      this.logger.error(
        `member files zip failed while streaming: ${error instanceof Error ? error.message : String(error)}`,
      );
      zip.abort();
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
