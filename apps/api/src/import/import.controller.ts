import {
  Controller,
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
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportRejection,
  type ImportResult,
} from '@him/contracts';
import type { Response } from 'express';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import {
  ImportKindPipe,
  ImportQuery,
  ImportTemplateQuery,
  type UploadedImportFile,
} from './import.dto';
import { ImportUploadInterceptor } from './import-upload.interceptor';
import { ImportService } from './import.service';

/**
 * Bulk import for admins and managers (staff: 403): a template per kind, then the file, first
 * as a dry run (what would happen, every problem with its line) and then committed.
 */
@ApiTags('import')
@ApiBearerAuth()
@Controller('import')
@HasPermission(PERMISSIONS.staffWrite)
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Get(':kind/template')
  @ApiOperation({
    summary:
      'A template of the kind: the header row and one example row (XLSX: real date cells and a "Columns" sheet)',
  })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async template(
    @CurrentUser() user: RequestUser,
    @Param('kind', ImportKindPipe) kind: ImportKind,
    @Query() query: ImportTemplateQuery,
  ): Promise<StreamableFile> {
    const file = await this.imports.template(user, kind, query.format);
    return new StreamableFile(file.buffer, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.buffer.length,
    });
  }

  @Post(':kind')
  @HttpCode(200)
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary:
      'Import a CSV (UTF-8) or XLSX file: mode=dry-run (default) checks every row and writes nothing; mode=commit applies all rows in one transaction or, on any problem, none (400 with the problems)',
  })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ description: 'ImportResult: counts, problems by line and a preview' })
  @ApiBadRequestResponse({
    description:
      'a file that cannot be read (not UTF-8, not CSV or XLSX, missing or unknown column, no rows, too many rows); on commit, any problem in a row (ImportRejection)',
  })
  @ApiPayloadTooLargeResponse({ description: 'the file is larger than IMPORT_MAX_BYTES' })
  async upload(
    @CurrentUser() user: RequestUser,
    @Param('kind', ImportKindPipe) kind: ImportKind,
    @Query() query: ImportQuery,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResult | ImportRejection> {
    const { result, rejected } = await this.imports.run(user, kind, query.mode, file);
    if (!rejected) return result;
    // The error filter only carries `message`; the import's own answer (errors by line) goes
    // beside it, so a client shows the same table for a refused commit as for a dry run.
    res.status(400);
    return this.imports.rejection(result);
  }
}
