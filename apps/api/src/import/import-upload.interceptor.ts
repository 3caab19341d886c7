import {
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { IMPORT_LIMITS, megabytes, type ImportLimits } from './import-limits';

/**
 * Receives the multipart field `file` into memory, refusing more than IMPORT_MAX_BYTES with
 * 413 while it arrives (never buffering the rest), and one file at most.
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly upload: NestInterceptor;

  constructor(@Inject(IMPORT_LIMITS) private readonly limits: ImportLimits) {
    const Upload = FileInterceptor('file', {
      limits: { fileSize: limits.maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 },
      // Browsers send a file name in UTF-8 (multer would read it as Latin-1).
      defParamCharset: 'utf8',
    });
    this.upload = new Upload();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.upload.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new PayloadTooLargeException([
          `file: larger than the ${megabytes(this.limits.maxBytes)} an import may be; split it into smaller files`,
        ]);
      }
      throw error;
    }
  }
}
