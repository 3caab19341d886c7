import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPORT_FILE_FORMATS,
  IMPORT_KINDS,
  IMPORT_MODES,
  type ImportFileFormat,
  type ImportKind,
  type ImportMode,
} from '@him/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class ImportQuery {
  @ApiPropertyOptional({
    enum: IMPORT_MODES,
    default: 'dry-run',
    description: 'dry-run checks every row and writes nothing; commit applies all rows or none',
  })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode: ImportMode = 'dry-run';
}

export class ImportTemplateQuery {
  @ApiPropertyOptional({ enum: IMPORT_FILE_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(IMPORT_FILE_FORMATS)
  format: ImportFileFormat = 'csv';
}

/** `:kind` must name a kind of import; anything else is a 400 naming the parameter. */
export class ImportKindPipe implements PipeTransform<string, ImportKind> {
  transform(value: string): ImportKind {
    if (!(IMPORT_KINDS as readonly string[]).includes(value)) {
      throw new BadRequestException([`kind must be one of ${IMPORT_KINDS.join(', ')}`]);
    }
    return value as ImportKind;
  }
}

/** What multer hands over for the `file` field (memory storage). */
export interface UploadedImportFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}
