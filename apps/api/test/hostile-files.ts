import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Spreadsheets built byte by byte, as an attacker (or a very large HR export) would send them:
 * a ZIP writer whose directory can declare any size, and a minimal XLSX around a worksheet whose
 * XML is given in pieces, so a test can make 60,000 rows, garbage after the row cap or a part
 * that inflates to a gigabyte without holding any of it in memory.
 */

export interface ZipPart {
  name: string;
  /** the content, in pieces (deflated one after another into one stream) */
  pieces: Iterable<Buffer | string>;
  /** the uncompressed size the ZIP declares; the real one when left out */
  declaredSize?: number;
}

/**
 * One raw deflate stream over all pieces: each piece is deflated with a sync flush and no final
 * block, and an empty final block closes the stream, so only one piece is ever in memory.
 */
function deflatePieces(pieces: Iterable<Buffer | string>): {
  data: Buffer;
  size: number;
  crc: number;
} {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = () => {
    const buffer = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    size += buffer.length;
    crc = crc32(buffer, crc);
    chunks.push(deflateRawSync(buffer, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }));
  };
  // pieces gathered into about 1 MB each, so the compression ratio is a real file's
  for (const piece of pieces) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes >= 1024 * 1024) flush();
  }
  flush();
  chunks.push(Buffer.from([0x03, 0x00]));
  return { data: Buffer.concat(chunks), size, crc };
}

/** A ZIP archive of deflated parts, each with the size its directory should declare. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = deflatePieces(part.pieces);
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One row of inline-string cells (a number is a number cell, a Date a date cell). */
export function rowXml(number: number, values: (string | number | Date)[]): string {
  const cells = values.map((value, i) => {
    const ref = `${String.fromCharCode(65 + i)}${number}`;
    if (value instanceof Date) {
      const serial = value.getTime() / 86_400_000 + 25569;
      return `<c r="${ref}" s="1"><v>${serial}</v></c>`;
    }
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
  });
  return `<row r="${number}">${cells.join('')}</row>`;
}

/** A minimal XLSX whose one worksheet is `sheetData` (the rows' XML, in pieces). */
export function xlsx(
  sheetData: Iterable<string>,
  options: {
    declaredSheetSize?: number;
    /** the `<si>` elements of a shared strings part, and the size it declares */
    sharedStrings?: Iterable<string>;
    declaredSharedStringsSize?: number;
  } = {},
): Buffer {
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  function* sheet(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>`;
    yield* sheetData;
    yield '</sheetData></worksheet>';
  }
  return zip([
    {
      name: '[Content_Types].xml',
      pieces: [
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '</Types>',
      ],
    },
    {
      name: '_rels/.rels',
      pieces: [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
    },
    {
      name: 'xl/workbook.xml',
      pieces: [
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      pieces: [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
      ],
    },
    {
      name: 'xl/styles.xml',
      pieces: [
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
          `<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ],
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      pieces: sheet(),
      declaredSize: options.declaredSheetSize,
    },
    ...(options.sharedStrings
      ? [
          {
            name: 'xl/sharedStrings.xml',
            pieces: sharedStrings(options.sharedStrings),
            declaredSize: options.declaredSharedStringsSize,
          },
        ]
      : []),
  ]);
  function* sharedStrings(items: Iterable<string>): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS}">`;
    yield* items;
    yield '</sst>';
  }
}

export const STAFF_COLUMNS = [
  'Employee ID',
  'Name',
  'Email',
  'Team',
  'Role',
  'Status',
  'Hire date',
];

/** The header and `count` staff rows, generated as they are written. */
export function* staffRows(count: number, team = 'Coding'): Generator<string> {
  yield rowXml(1, STAFF_COLUMNS);
  for (let i = 1; i <= count; i++) {
    yield rowXml(i + 1, [
      `H-${i}`,
      `Member ${i}`,
      `member.${i}@hostile.example`,
      team,
      'Medical Coder',
      'active',
      new Date(Date.UTC(2020, 0, 1 + (i % 365))),
    ]);
  }
}

/**
 * ZIP bombs in XLSX clothes: parts that deflate about 1000 to 1 while the directory may declare
 * 3 KB, so a check of the declared sizes lets them through.
 * - `empty-rows`: a worksheet of rows without values (no row cap counts them), numbered in order;
 * - `one-cell`: one cell holding `bytes` of spaces.
 */
export function* bombRows(bytes: number, kind: 'empty-rows' | 'one-cell'): Generator<string> {
  yield rowXml(1, STAFF_COLUMNS);
  if (kind === 'empty-rows') {
    let written = 0;
    for (let r = 2; written < bytes && r <= 1_048_576; r++) {
      const row = `<row r="${r}"/>`;
      written += row.length;
      yield row;
    }
    return;
  }
  const piece = ' '.repeat(1024 * 1024);
  yield '<row r="2"><c r="A2" t="inlineStr"><is><t>';
  for (let written = 0; written < bytes; written += piece.length) yield piece;
  yield '</t></is></c></row>';
}

/** A shared strings part of `bytes` of ordinary, short strings: only a cap on what inflates stops it. */
export function* bombSharedStrings(bytes: number): Generator<string> {
  const item = `<si><t>${'x'.repeat(1000)}</t></si>`;
  const piece = item.repeat(1024);
  for (let written = 0; written < bytes; written += piece.length) yield piece;
}
