import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { EvidenceFile, Page } from '@him/contracts';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid.pipe';
import { attachmentDisposition, downloadFileName } from './evidence-content';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { EvidenceService, type UploadedEvidence } from './evidence.service';

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: 'a PDF, PNG or JPEG (recognised by its content), at most EVIDENCE_MAX_BYTES',
      },
    },
  },
};

/**
 * Evidence files of credentials and CE activities. Reading follows the record (staff their
 * own, another member's or department's: 404); who may attach and delete is EvidenceRules.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get('credentials/:id/evidence')
  @ApiOperation({ summary: "The credential's evidence files (metadata), oldest first" })
  listForCredential(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<EvidenceFile>> {
    return this.evidence.list(user, { kind: 'credential', id }, page);
  }

  @Post('credentials/:id/evidence')
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({ summary: 'Attach a certificate or verification document (PDF, PNG, JPEG)' })
  @ApiPayloadTooLargeResponse({ description: 'file larger than EVIDENCE_MAX_BYTES' })
  uploadForCredential(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<EvidenceFile> {
    return this.evidence.upload(user, { kind: 'credential', id }, file);
  }

  @Get('ce-activities/:id/evidence')
  @ApiOperation({ summary: "The CE activity's evidence files (metadata), oldest first" })
  listForCeActivity(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<EvidenceFile>> {
    return this.evidence.list(user, { kind: 'ce-activity', id }, page);
  }

  @Post('ce-activities/:id/evidence')
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({ summary: 'Attach a certificate of attendance (PDF, PNG, JPEG)' })
  @ApiPayloadTooLargeResponse({ description: 'file larger than EVIDENCE_MAX_BYTES' })
  uploadForCeActivity(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<EvidenceFile> {
    return this.evidence.upload(user, { kind: 'ce-activity', id }, file);
  }

  @Get('evidence/:id')
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({
    summary: 'Download an evidence file (as an attachment, with its SHA-256 as ETag)',
  })
  async download(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, content } = await this.evidence.download(user, id);
    res.set({
      'X-Content-Type-Options': 'nosniff',
      // Opened by mistake in a tab, the document still runs nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
      ETag: `"${file.sha256}"`,
    });
    return new StreamableFile(Readable.from(content), {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: attachmentDisposition(downloadFileName(file.originalName, file.contentType)),
    });
  }

  @Delete('evidence/:id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete an evidence file (its content goes with it; the audit trail keeps the metadata)',
  })
  remove(@CurrentUser() user: RequestUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.evidence.remove(user, id);
  }
}
