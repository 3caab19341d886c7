import { BadRequestException } from '@nestjs/common';
import type { ImportFileFormat } from '@him/contracts';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import type { ImportLimits } from './import-limits';
import { readXlsxRows, TooManyRows, XlsxError, zipEntries, type XlsxRow } from './xlsx-reader';

/**
 * One cell as the file holds it: its text (trimmed), and for an XLSX the typed value when
 * the cell is a real date or a number, so a date cell needs no text format at all.
 */
export interface Cell {
  text: string;
  /** `YYYY-MM-DD` of an Excel date cell */
  date?: string;
  number?: number;
}

export interface SheetRow {
  /** the line (row number) a spreadsheet shows; the header is line 1 */
  line: number;
  cells: Cell[];
}

export interface Sheet {
  format: ImportFileFormat;
  header: Cell[];
  /** data rows without the blank ones, in file order */
  rows: SheetRow[];
}

const EMPTY: Cell = { text: '' };

/** A 400 about the file as a whole (nothing is written). */
export function badFile(...lines: string[]): BadRequestException {
  return new BadRequestException(lines);
}

/**
 * Reads an uploaded file by its content, never by its name or MIME type: an XLSX is a ZIP
 * (`PK\x03\x04`), anything else must be UTF-8 text in CSV form (comma, semicolon or tab
 * separated, with or without a byte order mark).
 */
export async function readSpreadsheet(buffer: Buffer, limits: ImportLimits): Promise<Sheet> {
  if (buffer.length === 0) throw badFile('file: the file is empty');
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(buffer, limits);
  const binary = knownBinary(buffer);
  if (binary) throw badFile(`file: not a CSV or XLSX file (it looks like ${binary})`);
  return readCsv(buffer, limits);
}

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);
}

const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [
    [0xd0, 0xcf, 0x11, 0xe0],
    'an old Excel .xls workbook or a password-protected file; save it as .xlsx or CSV UTF-8',
  ],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty ZIP archive'],
];

/** What a file is when it is recognisably not text; null when it may be text. */
function knownBinary(buffer: Buffer): string | null {
  for (const [magic, what] of SIGNATURES) if (startsWith(buffer, magic)) return what;
  // UTF-16 text has a BOM and NUL bytes; name it so the user knows how to save it instead.
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) return null;
  const sample = buffer.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'binary data';
    if (byte < 0x09 || byte === 0x0b || byte === 0x0c || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > sample.length / 100 ? 'binary data' : null;
}

// ---------- CSV ----------

async function readCsv(buffer: Buffer, limits: ImportLimits): Promise<Sheet> {
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) {
    throw badFile('file: file is not UTF-8 text (it is UTF-16); save it as "CSV UTF-8"');
  }
  let text: string;
  try {
    // fatal: a byte sequence that is not UTF-8 (a Latin-1 "é", say) is refused, not mangled.
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw badFile(
      'file: file is not UTF-8 text; save it as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8)',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parser = parse({
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  // Fed in pieces, so the parser works between other requests and stops at the row cap.
  const source = Readable.from(pieces(text, 64 * 1024));
  source.pipe(parser);
  let header: Cell[] = [];
  const rows: SheetRow[] = [];
  let index = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const cells = record.map((value) => ({ text: value.trim() }));
      // Each record is one spreadsheet row (a quoted value may span physical lines), so the
      // record's position is the line number the user sees when the file is opened in Excel.
      if (index === 0) header = cells;
      else if (cells.some((c) => c.text !== '')) rows.push({ line: index + 1, cells });
      index++;
      if (rows.length > limits.maxRows) throw tooManyRows(limits.maxRows);
    }
  } catch (error) {
    if (error instanceof BadRequestException) throw error;
    const e = error as { code?: string; lines?: number; message?: string };
    const where = typeof e.lines === 'number' ? `line ${e.lines}: ` : '';
    const what =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted value is never closed'
        : (e.message ?? 'unreadable CSV');
    throw badFile(`file: ${where}${what}`);
  } finally {
    source.destroy();
    parser.destroy();
  }
  return { format: 'csv', header, rows };
}

function* pieces(text: string, size: number): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function tooManyRows(maxRows: number): BadRequestException {
  return badFile(
    `file: the file has more than ${maxRows} data rows; at most ${maxRows} per import`,
  );
}

/** Excel writes `;` where the decimal separator is a comma; the header row says which. */
function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}

// ---------- XLSX ----------

/**
 * The first visible worksheet, read as a stream (xlsx-reader.ts): it stops at the row cap and at
 * the real inflated size, whatever the ZIP declares. A ZIP whose directory already declares more
 * than the limit is refused before anything is inflated.
 */
async function readXlsx(buffer: Buffer, limits: ImportLimits): Promise<Sheet> {
  const zip = zipDirectory(buffer);
  if (!zip) throw badFile('file: not a CSV or XLSX file (a damaged ZIP archive)');
  if (!zip.names.has('xl/workbook.xml')) {
    throw badFile('file: not a CSV or XLSX file (a ZIP archive without an Excel workbook)');
  }
  if (zip.unpackedBytes > limits.maxUnpackedBytes) {
    throw badFile('file: the workbook is too large once unpacked; split it into smaller files');
  }
  let read: XlsxRow[];
  try {
    read = await readXlsxRows(buffer, {
      maxRows: limits.maxRows,
      maxInflatedBytes: limits.maxUnpackedBytes,
      maxRunChars: 1024 * 1024,
      maxColumns: 1000,
      // a generous 64 elements (cells, values, inline texts) per allowed row
      maxElements: 64 * limits.maxRows,
    });
  } catch (error) {
    if (error instanceof TooManyRows) throw tooManyRows(limits.maxRows);
    if (error instanceof XlsxError) throw badFile(`file: ${error.message}`);
    throw error;
  }
  let header: Cell[] = [];
  const rows: SheetRow[] = [];
  for (const row of read) {
    const cells: Cell[] = [];
    for (let i = 0; i < row.values.length; i++) cells.push(excelCell(row.values[i]));
    if (row.number === 1) header = cells;
    else if (cells.some((c) => c.text !== '')) rows.push({ line: row.number, cells });
  }
  return { format: 'xlsx', header, rows };
}

/** An ExcelJS cell value as a Cell: dates and numbers keep their type beside their text. */
export function excelCell(value: unknown): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return EMPTY;
    // ExcelJS reads a date cell as UTC midnight of the calendar date shown in Excel.
    const date = value.toISOString().slice(0, 10);
    return { text: date, date };
  }
  if (typeof value === 'number') return { text: String(value), number: value };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) {
      return {
        text: (v['richText'] as { text?: string }[])
          .map((r) => r.text ?? '')
          .join('')
          .trim(),
      };
    }
    if ('formula' in v || 'sharedFormula' in v) return excelCell(v['result']);
    if ('text' in v) return excelCell(v['text']);
    if ('error' in v) return { text: String(v['error']) };
  }
  return EMPTY;
}

/**
 * The entry names and the total unpacked size the ZIP's central directory declares, read without
 * unpacking anything; null when the directory cannot be found. A first, cheap refusal only: what
 * counts is what really inflates (xlsx-reader.ts).
 */
export function zipDirectory(buffer: Buffer): { names: Set<string>; unpackedBytes: number } | null {
  const entries = zipEntries(buffer);
  if (!entries) return null;
  let unpackedBytes = 0;
  for (const entry of entries.values()) {
    // 0xffffffff: the real size is in a ZIP64 field; count it as too large rather than parse it.
    unpackedBytes +=
      entry.declaredSize === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : entry.declaredSize;
  }
  return { names: new Set(entries.keys()), unpackedBytes };
}
