import { BadRequestException } from '@nestjs/common';
import type { ImportFileFormat } from '@him/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ImportLimits } from './import-limits';

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
  return readCsv(buffer);
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

function readCsv(buffer: Buffer): Sheet {
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
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    const where = typeof e.lines === 'number' ? `line ${e.lines}: ` : '';
    const what =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted value is never closed'
        : (e.message ?? 'unreadable CSV');
    throw badFile(`file: ${where}${what}`);
  }
  const [header = [], ...data] = records;
  const rows: SheetRow[] = [];
  // Each record is one spreadsheet row (a quoted value may span physical lines), so the
  // record's position is the line number the user sees when the file is opened in Excel.
  data.forEach((record, i) => {
    const cells = record.map((value) => ({ text: value.trim() }));
    if (cells.some((c) => c.text !== '')) rows.push({ line: i + 2, cells });
  });
  return { format: 'csv', header: header.map((value) => ({ text: value.trim() })), rows };
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

async function readXlsx(buffer: Buffer, limits: ImportLimits): Promise<Sheet> {
  const zip = zipDirectory(buffer);
  if (!zip) throw badFile('file: not a CSV or XLSX file (a damaged ZIP archive)');
  if (!zip.names.has('xl/workbook.xml')) {
    throw badFile('file: not a CSV or XLSX file (a ZIP archive without an Excel workbook)');
  }
  if (zip.unpackedBytes > limits.maxUnpackedBytes) {
    throw badFile('file: the workbook is too large once unpacked; split it into smaller files');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares an older Buffer type than @types/node's; the value is the same.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw badFile('file: the XLSX workbook could not be read; open it in Excel and save it again');
  }
  const sheet = workbook.worksheets.find(
    (ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden',
  );
  if (!sheet) throw badFile('file: the workbook has no visible worksheet');
  // Stop before reading cells of a sheet that is over the row limit anyway.
  if (sheet.actualRowCount > limits.maxRows + 1) {
    throw badFile(
      `file: the worksheet has ${sheet.actualRowCount - 1} data rows; at most ${limits.maxRows} per import`,
    );
  }
  let header: Cell[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i]));
    if (rowNumber === 1) header = cells;
    else if (cells.some((c) => c.text !== '')) rows.push({ line: rowNumber, cells });
  });
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
 * The entry names and the total unpacked size from a ZIP's central directory, read without
 * unpacking anything; null when the directory cannot be found.
 */
export function zipDirectory(buffer: Buffer): { names: Set<string>; unpackedBytes: number } | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const min = Math.max(0, buffer.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= min; i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names = new Set<string>();
  let unpackedBytes = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) return null;
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    // 0xffffffff: the real size is in a ZIP64 field; count it as too large rather than parse it.
    unpackedBytes += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    names.add(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { names, unpackedBytes };
}
