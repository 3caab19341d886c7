import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { ENV, type Env } from '../config/env';
import { describeBytes } from './evidence-content';

/** The one multipart field an evidence upload carries. */
export const EVIDENCE_FIELD = 'file';
const MAX_FIELDS = 5;

/**
 * Reads a multipart upload of one file in the field `file` into memory, with limits that stop
 * reading as soon as the file passes EVIDENCE_MAX_BYTES: a 50 MB upload costs at most the
 * limit plus one byte of memory (the rest of the request is read and discarded, so the
 * client gets the 413 instead of a broken connection). Runs after the guard, so nothing is
 * read for a caller without a valid token.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly parse: RequestHandler;

  constructor(@Inject(ENV) private readonly env: Env) {
    this.parse = multer({
      storage: multer.memoryStorage(),
      limits: {
        fileSize: env.EVIDENCE_MAX_BYTES,
        files: 1,
        // A few small text fields are read only to be named in the refusal.
        fields: MAX_FIELDS,
        fieldSize: 1024,
        parts: MAX_FIELDS + 1,
        headerPairs: 20,
        fieldNameSize: 100,
      },
      // Browsers send the file name as UTF-8; busboy would read it as Latin-1.
      defParamCharset: 'utf8',
    }).single(EVIDENCE_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    await new Promise<void>((resolve, reject) =>
      this.parse(request, response, (error: unknown) =>
        error ? reject(this.toHttpException(error)) : resolve(),
      ),
    );
    // Unknown fields are refused, as in every JSON body (API.md).
    const body: unknown = request.body;
    const fields = request.file && body && typeof body === 'object' ? Object.keys(body) : [];
    if (fields.length > 0) {
      throw new BadRequestException(
        fields.map(
          (field) =>
            `${field} is not accepted: send only the document, in the multipart field "file"`,
        ),
      );
    }
    return next.handle();
  }

  private toHttpException(error: unknown): HttpException {
    const max = this.env.EVIDENCE_MAX_BYTES;
    if (error instanceof multer.MulterError) {
      switch (error.code) {
        case 'LIMIT_FILE_SIZE':
          return new PayloadTooLargeException([
            `file must be at most ${describeBytes(max)} (${max} bytes)`,
          ]);
        case 'LIMIT_UNEXPECTED_FILE':
          return new BadRequestException([
            error.field === EVIDENCE_FIELD
              ? 'file: send one file per upload'
              : `${error.field ?? 'a field'} is not accepted: send the document in the multipart field "file"`,
          ]);
        case 'LIMIT_FILE_COUNT':
          return new BadRequestException(['file: send one file per upload']);
        case 'LIMIT_FIELD_COUNT':
        case 'LIMIT_FIELD_KEY':
        case 'LIMIT_FIELD_VALUE':
        case 'LIMIT_PART_COUNT':
          return new BadRequestException([
            `${error.field ?? 'a field'} is not accepted: send only the document, in the multipart field "file"`,
          ]);
        default:
          return new BadRequestException([`file: ${error.message}`]);
      }
    }
    // busboy: a malformed or truncated multipart body.
    return new BadRequestException([
      'file: the upload could not be read as multipart/form-data; send the document in the field "file"',
    ]);
  }
}
