import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createInflateRaw } from 'node:zlib';

/**
 * A streaming XLSX reader for imports: the ZIP's directory is read from the uploaded buffer,
 * only the parts a sheet needs are inflated (workbook, its relationships, styles, shared strings,
 * the first visible worksheet), as streams, and the worksheet is parsed with a SAX parser while it
 * inflates. So:
 *
 * - it stops at the row cap: rows past `maxRows` are never inflated, let alone parsed;
 * - it counts the bytes it really inflates, not the sizes the ZIP declares, and stops at
 *   `maxInflatedBytes` (a 1 MB file declaring 3 KB that inflates to 1 GB stops after the cap);
 * - no text, attribute or comment may run longer than `maxRunChars` between two XML events, so
 *   the parser never holds a giant string;
 * - nothing is written to disk, and the event loop gets a turn between chunks (/api/health and
 *   every other request keep answering during a big upload).
 *
 * It reads what ExcelJS reads for a cell (docs/import.md): shared and inline strings (rich text
 * joined), numbers, booleans, errors, cached formula results, and dates as dates when the cell's
 * number format is a date format (1900 and 1904 date systems).
 */

export interface XlsxLimits {
  /** data rows beyond the header; one more and reading stops */
  maxRows: number;
  /** bytes inflated over all the parts read */
  maxInflatedBytes: number;
  /** characters of one text, attribute, comment or tag between two XML events */
  maxRunChars: number;
  /** columns of a row */
  maxColumns: number;
  /** XML elements of the worksheet (rows, cells, values), empty ones included */
  maxElements: number;
}

/** The last row of an Excel worksheet: a file with rows beyond it was not made by a spreadsheet. */
const EXCEL_MAX_ROWS = 1_048_576;

/** A cell as read: its value with its type, as ExcelJS would give it to `excelCell`. */
export type XlsxValue = string | number | boolean | Date | { error: string } | null;

export interface XlsxRow {
  /** the row number Excel shows */
  number: number;
  /** values by column, 0 = A */
  values: XlsxValue[];
}

/** Why a workbook is refused, as the end of the `file: ...` line. */
export class XlsxError extends Error {}

/** Reading stopped at the row cap: the sheet has more than `maxRows` data rows. */
export class TooManyRows extends XlsxError {
  constructor(readonly maxRows: number) {
    super(`the worksheet has more than ${maxRows} data rows; at most ${maxRows} per import`);
  }
}

const UNREADABLE = 'the XLSX workbook could not be read; open it in Excel and save it again';
const TOO_LARGE = 'the workbook is too large once unpacked; split it into smaller files';

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

/** The central directory's entries; null when there is none to read. */
export function zipEntries(buffer: Buffer): Map<string, ZipEntry> | null {
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
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) return null;
    const nameLength = buffer.readUInt16LE(offset + 28);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, {
      name,
      flags: buffer.readUInt16LE(offset + 8),
      method: buffer.readUInt16LE(offset + 10),
      compressedSize: buffer.readUInt32LE(offset + 20),
      declaredSize: buffer.readUInt32LE(offset + 24),
      localHeader: buffer.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return entries;
}

/** What is left of the inflation budget, shared by every part of one workbook. */
interface Budget {
  bytes: number;
}

/** An entry's content, inflated chunk by chunk and counted against the budget as it comes. */
async function* inflated(buffer: Buffer, entry: ZipEntry, budget: Budget): AsyncGenerator<Buffer> {
  const LOCAL = 0x04034b50;
  const at = entry.localHeader;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL) throw new XlsxError(UNREADABLE);
  if (entry.flags & 0x1) {
    throw new XlsxError('the workbook is password-protected; save it without a password');
  }
  if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff) {
    throw new XlsxError(TOO_LARGE);
  }
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) throw new XlsxError(UNREADABLE);
  const data = buffer.subarray(start, end);
  const take = (chunk: Buffer) => {
    budget.bytes -= chunk.length;
    if (budget.bytes < 0) throw new XlsxError(TOO_LARGE);
    return chunk;
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 64 * 1024) yield take(data.subarray(i, i + 64 * 1024));
    return;
  }
  if (entry.method !== 8) throw new XlsxError(UNREADABLE);
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(data);
  try {
    for await (const chunk of inflater) yield take(chunk as Buffer);
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(UNREADABLE);
  } finally {
    inflater.destroy();
  }
}

type Handlers = {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

/** The local name of a tag (`x:row` and `row` are the same element). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Stops a parse from inside a handler: the row cap was reached, nothing more to read. */
class Done extends Error {}

/**
 * Streams one part through a SAX parser. A handler may throw `Done` to stop reading there (the
 * rest is never inflated). Invalid UTF-8 or XML, or a run without XML events longer than
 * `maxRunChars`, refuses the workbook.
 */
async function parsePart(
  buffer: Buffer,
  entry: ZipEntry,
  budget: Budget,
  limits: XlsxLimits,
  handlers: Handlers,
): Promise<void> {
  const parser = new SaxesParser();
  let lastEvent = 0;
  const seen = () => (lastEvent = parser.position);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    seen();
    handlers.open?.(local(tag.name), tag.attributes);
    if (tag.isSelfClosing) handlers.close?.(local(tag.name));
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    seen();
    if (!tag.isSelfClosing) handlers.close?.(local(tag.name));
  });
  parser.on('text', (text) => {
    seen();
    handlers.text?.(text);
  });
  parser.on('cdata', (text) => {
    seen();
    handlers.text?.(text);
  });
  parser.on('error', (error) => {
    throw error;
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let sinceTurn = 0;
  try {
    for await (const chunk of inflated(buffer, entry, budget)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (parser.position - lastEvent > limits.maxRunChars) {
        throw new XlsxError(
          'the workbook holds a text or an element far larger than a spreadsheet cell can; save it again from Excel',
        );
      }
      sinceTurn += chunk.length;
      if (sinceTurn >= 256 * 1024) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof Done) return;
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(UNREADABLE);
  }
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, and the CJK ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A number format code that shows a date or time (ExcelJS's rule): y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** The parts of a workbook the first visible sheet needs, and their meaning. */
interface Workbook {
  sheetPath: string;
  date1904: boolean;
}

function resolveTarget(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

async function readWorkbook(
  buffer: Buffer,
  entries: Map<string, ZipEntry>,
  budget: Budget,
  limits: XlsxLimits,
): Promise<Workbook> {
  const sheets: { id: string; hidden: boolean }[] = [];
  let date1904 = false;
  await parsePart(buffer, entries.get('xl/workbook.xml') as ZipEntry, budget, limits, {
    open: (name, attributes) => {
      if (name === 'workbookPr') date1904 = /^(1|true)$/i.test(attributes['date1904'] ?? '');
      if (name === 'sheet') {
        const idKey = Object.keys(attributes).find((key) => /(^|:)id$/.test(key));
        const state = attributes['state'];
        sheets.push({
          id: idKey ? attributes[idKey] : '',
          hidden: state === 'hidden' || state === 'veryHidden',
        });
      }
    },
  });
  const visible = sheets.find((sheet) => !sheet.hidden);
  if (!visible) throw new XlsxError('the workbook has no visible worksheet');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!rels) throw new XlsxError(UNREADABLE);
  let target: string | undefined;
  await parsePart(buffer, rels, budget, limits, {
    open: (name, attributes) => {
      if (name === 'Relationship' && attributes['Id'] === visible.id) target = attributes['Target'];
    },
  });
  const sheetPath = target ? resolveTarget(target) : '';
  if (!entries.has(sheetPath)) throw new XlsxError(UNREADABLE);
  return { sheetPath, date1904 };
}

/** Which cell styles (`s`, the index into cellXfs) show a date. */
async function readDateStyles(
  buffer: Buffer,
  entries: Map<string, ZipEntry>,
  budget: Budget,
  limits: XlsxLimits,
): Promise<Set<number>> {
  const entry = entries.get('xl/styles.xml');
  const dateStyles = new Set<number>();
  if (!entry) return dateStyles;
  const customDates = new Set<number>();
  const formats: number[] = [];
  let inCellXfs = false;
  await parsePart(buffer, entry, budget, limits, {
    open: (name, attributes) => {
      if (name === 'numFmt' && isDateFormat(attributes['formatCode'] ?? ''))
        customDates.add(Number(attributes['numFmtId']));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attributes['numFmtId'] ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  formats.forEach((id, index) => {
    if (BUILTIN_DATE_FORMATS.has(id) || customDates.has(id)) dateStyles.add(index);
  });
  return dateStyles;
}

/** The shared strings, rich text joined, phonetic guides left out. */
async function readSharedStrings(
  buffer: Buffer,
  entries: Map<string, ZipEntry>,
  budget: Budget,
  limits: XlsxLimits,
): Promise<string[]> {
  const entry = entries.get('xl/sharedStrings.xml');
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await parsePart(buffer, entry, budget, limits, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    close: (name) => {
      if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
  });
  return strings;
}

/** `AB12` -> 27 (0-based column of a cell reference); -1 when it has none. */
function columnOf(reference: string | undefined): number {
  if (!reference) return -1;
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return i === 0 ? -1 : column - 1;
}

/** ExcelJS's conversion of a date serial (days since 1899-12-30, or 1904-01-01). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/**
 * Rows of the first visible worksheet, header row included, in file order, without rows whose
 * cells are all empty. Throws TooManyRows once more than `maxRows` rows follow row 1, and
 * XlsxError for anything it cannot read.
 */
export async function readXlsxRows(buffer: Buffer, limits: XlsxLimits): Promise<XlsxRow[]> {
  const entries = zipEntries(buffer);
  if (!entries) throw new XlsxError('not a CSV or XLSX file (a damaged ZIP archive)');
  if (!entries.has('xl/workbook.xml')) {
    throw new XlsxError('not a CSV or XLSX file (a ZIP archive without an Excel workbook)');
  }
  const budget: Budget = { bytes: limits.maxInflatedBytes };
  const workbook = await readWorkbook(buffer, entries, budget, limits);
  const dateStyles = await readDateStyles(buffer, entries, budget, limits);
  const shared = await readSharedStrings(buffer, entries, budget, limits);

  const rows: XlsxRow[] = [];
  let dataRows = 0;
  let rowNumber = 0;
  let values: XlsxValue[] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let raw: string | null = null;
  let inline: string | null = null;
  let capture: 'v' | 'inline' | null = null;
  let inPhonetic = false;

  const cellValue = (): XlsxValue => {
    switch (type) {
      case 's': {
        const index = Number(raw);
        return Number.isInteger(index) && index >= 0 && index < shared.length
          ? shared[index]
          : null;
      }
      case 'inlineStr':
        return inline ?? raw;
      case 'str':
        return raw;
      case 'b':
        return raw === null ? null : raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
      case 'e':
        return raw === null ? null : { error: raw };
      case 'd': {
        const date = raw === null ? null : new Date(raw);
        return date && !Number.isNaN(date.getTime()) ? date : null;
      }
      default: {
        if (raw === null || raw.trim() === '') return null;
        const number = Number(raw);
        if (!Number.isFinite(number)) return raw;
        return dateStyles.has(style) ? excelDate(number, workbook.date1904) : number;
      }
    }
  };

  let elements = 0;
  await parsePart(buffer, entries.get(workbook.sheetPath) as ZipEntry, budget, limits, {
    open: (name, attributes) => {
      // Empty rows and cells count nowhere else: without this a sheet of a million empty
      // elements would cost seconds of parsing before any other limit is reached.
      if (++elements > limits.maxElements) {
        throw new XlsxError(
          'the worksheet holds far more cells than an import can have, most of them empty; copy the rows into a new workbook',
        );
      }
      switch (name) {
        case 'row': {
          const r = attributes['r'] === undefined ? rowNumber + 1 : Number(attributes['r']);
          // Excel writes rows in order, each once, within its 1,048,576 rows.
          if (!Number.isInteger(r) || r <= rowNumber || r > EXCEL_MAX_ROWS) {
            throw new XlsxError(UNREADABLE);
          }
          rowNumber = r;
          values = [];
          column = -1;
          break;
        }
        case 'c': {
          const at = columnOf(attributes['r']);
          column = at >= 0 ? at : column + 1;
          if (column >= limits.maxColumns) {
            throw new XlsxError(
              `the worksheet has more than ${limits.maxColumns} columns; keep only the template's columns`,
            );
          }
          type = attributes['t'] ?? 'n';
          style = Number(attributes['s'] ?? 0);
          raw = null;
          inline = null;
          break;
        }
        case 'v':
          capture = 'v';
          raw = '';
          break;
        case 'is':
          inline = '';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (inline !== null && !inPhonetic) capture = 'inline';
          break;
      }
    },
    close: (name) => {
      switch (name) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          values[column] = cellValue();
          break;
        case 'row': {
          const hasValue = values.some((v) =>
            typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined,
          );
          if (!hasValue) break;
          if (rowNumber > 1 && ++dataRows > limits.maxRows) throw new TooManyRows(limits.maxRows);
          rows.push({ number: rowNumber, values });
          break;
        }
        case 'sheetData':
          throw new Done();
      }
    },
    text: (text) => {
      if (capture === 'v') raw = (raw ?? '') + text;
      else if (capture === 'inline') inline = (inline ?? '') + text;
    },
  });
  return rows;
}
