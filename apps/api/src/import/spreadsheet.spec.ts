import { BadRequestException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { columnLetter, mapColumns, normaliseHeader } from './columns';
import { ImportRow } from './import-row';
import { importLimitsFromEnv } from './import-limits';
import { excelCell, readSpreadsheet, zipDirectory, type Sheet } from './spreadsheet';
import { CreateStaffDto } from '../staff/staff.dto';
import {
  bombSharedStrings,
  rowXml,
  STAFF_COLUMNS,
  staffRows,
  xlsx,
  zip,
} from '../../test/hostile-files';

const limits = importLimitsFromEnv({});

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BadRequestException) {
      return (error.getResponse() as { message: string[] }).message;
    }
    throw error;
  }
  throw new Error('expected a 400');
}

describe('readSpreadsheet', () => {
  it('numbers CSV rows as a spreadsheet shows them: blank lines count, a quoted line break does not', async () => {
    const sheet = await readSpreadsheet(
      Buffer.from('a,b\r\n1,2\r\n\r\n"x\ny",3\r\n,\r\n4,5'),
      limits,
    );
    expect(sheet.format).toBe('csv');
    expect(sheet.header.map((c) => c.text)).toEqual(['a', 'b']);
    expect(sheet.rows.map((r) => [r.line, r.cells.map((c) => c.text)])).toEqual([
      [2, ['1', '2']],
      [4, ['x\ny', '3']],
      [6, ['4', '5']],
    ]);
  });

  it('takes the separator from the header row (comma, semicolon or tab)', async () => {
    for (const separator of [',', ';', '\t']) {
      const sheet = await readSpreadsheet(
        Buffer.from(['a', 'b'].join(separator) + '\n' + ['1;2', '3'].join(separator)),
        limits,
      );
      expect(sheet.header.map((c) => c.text)).toEqual(['a', 'b']);
      expect(sheet.rows[0].cells.length).toBe(separator === ';' ? 3 : 2);
    }
  });

  it('refuses what is not UTF-8 text or a workbook, naming what it looks like', async () => {
    expect(await problemsOf(readSpreadsheet(Buffer.from('a,é\n', 'latin1'), limits))).toEqual([
      expect.stringContaining('file is not UTF-8 text'),
    ]);
    expect(await problemsOf(readSpreadsheet(Buffer.from('%PDF-1.7\n'), limits))).toEqual([
      'file: not a CSV or XLSX file (it looks like a PDF document)',
    ]);
    expect(
      await problemsOf(readSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), limits)),
    ).toEqual([expect.stringContaining('an old Excel .xls workbook')]);
    expect(await problemsOf(readSpreadsheet(Buffer.from([1, 2, 3, 4, 5, 6]), limits))).toEqual([
      'file: not a CSV or XLSX file (it looks like binary data)',
    ]);
  });

  it('reads the first visible worksheet of an XLSX, with date and number cells typed', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('hidden', { state: 'hidden' }).addRow(['nope']);
    const ws = workbook.addWorksheet('data');
    ws.addRow(['Employee ID', 'Hire date']);
    ws.addRow([1042, new Date(Date.UTC(2021, 2, 15))]);
    const sheet = await readSpreadsheet(Buffer.from(await workbook.xlsx.writeBuffer()), limits);
    expect(sheet.format).toBe('xlsx');
    expect(sheet.rows).toEqual([
      {
        line: 2,
        cells: [
          { text: '1042', number: 1042 },
          { text: '2021-03-15', date: '2021-03-15' },
        ],
      },
    ]);
  });

  it('refuses a workbook that would unpack to more than the limit before unpacking it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('data').addRow(['x'.repeat(1000)]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(
      await problemsOf(readSpreadsheet(buffer, { ...limits, maxUnpackedBytes: 1000 })),
    ).toEqual([expect.stringContaining('too large once unpacked')]);
    expect(zipDirectory(buffer)?.names.has('xl/workbook.xml')).toBe(true);
    expect(zipDirectory(Buffer.from('PK\x03\x04 not really a zip'))).toBeNull();
  });
});

describe('readSpreadsheet of an XLSX, as a stream', () => {
  it('reads shared and rich text, formula results, booleans, errors and custom date formats as ExcelJS does', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('data');
    ws.addRow(['Name', 'Sum', 'Flag', 'Error', 'Day', 'Link']);
    const row = ws.addRow([
      { richText: [{ text: 'Ana ', font: { bold: true } }, { text: 'Ruiz' }] },
      { formula: 'A1+1', result: 3 },
      true,
      { error: '#N/A' },
      new Date(Date.UTC(2024, 6, 1)),
      { text: 'mail', hyperlink: 'mailto:ana@example.org' },
    ]);
    row.getCell(5).numFmt = 'dd/mm/yyyy';
    ws.addRow([]);
    ws.addRow(['  ', null]);
    ws.addRow(['last']);
    const sheet = await readSpreadsheet(Buffer.from(await workbook.xlsx.writeBuffer()), limits);
    expect(sheet.header.map((c) => c.text)).toEqual([
      'Name',
      'Sum',
      'Flag',
      'Error',
      'Day',
      'Link',
    ]);
    expect(sheet.rows).toEqual([
      {
        line: 2,
        cells: [
          { text: 'Ana Ruiz' },
          { text: '3', number: 3 },
          { text: 'TRUE' },
          { text: '#N/A' },
          { text: '2024-07-01', date: '2024-07-01' },
          { text: 'mail' },
        ],
      },
      { line: 5, cells: [{ text: 'last' }] },
    ]);
  });

  it('reads the 1904 date system, prefixed tags and inline strings', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const file = zip([
      {
        name: 'xl/workbook.xml',
        pieces: [
          `<x:workbook xmlns:x="${NS}" xmlns:r="${R}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="a" sheetId="1" state="veryHidden" r:id="rId1"/><x:sheet name="b" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>`,
        ],
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        pieces: [
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
        ],
      },
      {
        name: 'xl/styles.xml',
        pieces: [
          `<x:styleSheet xmlns:x="${NS}"><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`,
        ],
      },
      { name: 'xl/worksheets/sheet1.xml', pieces: [`<x:worksheet xmlns:x="${NS}"/>`] },
      {
        name: 'xl/worksheets/sheet2.xml',
        pieces: [
          `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>Hire date</x:t></x:is></x:c></x:row>` +
            `<x:row r="3"><x:c r="B3" s="1"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
        ],
      },
    ]);
    const sheet = await readSpreadsheet(file, limits);
    expect(sheet.header).toEqual([{ text: '' }, { text: 'Hire date' }]);
    expect(sheet.rows).toEqual([
      { line: 3, cells: [{ text: '' }, { text: '1904-01-01', date: '1904-01-01' }] },
    ]);
  });

  it('hole 1: stops at the row cap without reading further, and at the bytes really inflated', async () => {
    const rows = function* () {
      yield* staffRows(30);
      yield '<<< never read';
    };
    expect(await problemsOf(readSpreadsheet(xlsx(rows()), { ...limits, maxRows: 20 }))).toEqual([
      'file: the file has more than 20 data rows; at most 20 per import',
    ]);
    const bomb = xlsx([rowXml(1, STAFF_COLUMNS)], {
      sharedStrings: bombSharedStrings(8 * 1024 * 1024),
      declaredSharedStringsSize: 3000,
    });
    expect(zipDirectory(bomb)?.unpackedBytes).toBeLessThan(10_000);
    expect(
      await problemsOf(readSpreadsheet(bomb, { ...limits, maxUnpackedBytes: 1024 * 1024 })),
    ).toEqual(['file: the workbook is too large once unpacked; split it into smaller files']);
  });

  it('refuses rows out of order, and more columns than an import has', async () => {
    const backwards = xlsx([rowXml(1, STAFF_COLUMNS), rowXml(3, ['a']), rowXml(2, ['b'])]);
    expect(await problemsOf(readSpreadsheet(backwards, limits))).toEqual([
      expect.stringContaining('could not be read'),
    ]);
    const wide = xlsx([`<row r="1"><c r="ZZZ1" t="inlineStr"><is><t>x</t></is></c></row>`]);
    expect(await problemsOf(readSpreadsheet(wide, limits))).toEqual([
      expect.stringContaining('more than 1000 columns'),
    ]);
  });
});

describe('excelCell', () => {
  it('reads rich text, formulas, hyperlinks and booleans as text', () => {
    expect(excelCell({ richText: [{ text: 'Ana ' }, { text: 'Ruiz' }] })).toEqual({
      text: 'Ana Ruiz',
    });
    expect(excelCell({ formula: 'A1+1', result: 3 })).toEqual({ text: '3', number: 3 });
    expect(excelCell({ text: 'mail', hyperlink: 'mailto:x' })).toEqual({ text: 'mail' });
    expect(excelCell(true)).toEqual({ text: 'TRUE' });
    expect(excelCell(null)).toEqual({ text: '' });
  });
});

describe('mapColumns and ImportRow', () => {
  const sheet = (header: string[], row: string[] = []): Sheet => ({
    format: 'csv',
    header: header.map((text) => ({ text })),
    rows: [{ line: 2, cells: row.map((text) => ({ text })) }],
  });

  it('matches headers without case, punctuation or a note in parentheses', () => {
    expect(normaliseHeader('Credential type (code)')).toBe('credentialtype');
    const columns = mapColumns(
      'staff',
      sheet(['EMPLOYEE_ID', 'name', 'E-mail', 'team', 'Role', 'status', 'hireDate']),
    );
    expect([...columns.byKey.keys()]).toEqual([
      'employeeId',
      'name',
      'email',
      'team',
      'role',
      'status',
      'hireDate',
    ]);
  });

  it('names every missing, unknown or repeated column at once', () => {
    let problems: string[] = [];
    try {
      mapColumns('staff', sheet(['Name', 'Name', 'Shoe size']));
    } catch (error) {
      problems = ((error as BadRequestException).getResponse() as { message: string[] }).message;
    }
    expect(problems).toEqual([
      'file: column Name appears twice ("Name" and "Name")',
      expect.stringContaining('file: unknown column "Shoe size"'),
      'file: missing column Employee ID',
      'file: missing column Email',
      'file: missing column Team',
      'file: missing column Role',
      'file: missing column Status',
      'file: missing column Hire date',
    ]);
  });

  it('checks a row with the API DTO, naming the column as the file writes it', () => {
    const s = sheet(
      ['Employee ID', 'Name', 'Mail', 'Team', 'Role', 'Status', 'Hire date'],
      ['E-1', '  ', 'not-an-email', 'Coding', 'Coder', 'retired', '2026-02-30'],
    );
    const row = new ImportRow(s.rows[0], mapColumns('staff', s));
    row.required('name');
    row.validate(CreateStaffDto, {
      employeeId: row.text('employeeId'),
      name: row.text('name'),
      email: row.text('email'),
      teamId: '7f1c2b2e-8c55-4a8f-9a43-2f8d3f7f0a11',
      roleId: '7f1c2b2e-8c55-4a8f-9a43-2f8d3f7f0a12',
      status: row.text('status'),
      hireDate: row.date('hireDate'),
    });
    expect(row.errors()).toEqual([
      { line: 2, field: 'Name', message: 'is required' },
      { line: 2, field: 'Mail', message: 'must be an email (got "not-an-email")' },
      {
        line: 2,
        field: 'Status',
        message: 'must be one of the following values: active, leave, terminated (got "retired")',
      },
      {
        line: 2,
        field: 'Hire date',
        message: 'must be a calendar date written YYYY-MM-DD (got "2026-02-30")',
      },
    ]);
  });

  it('spells column positions as a spreadsheet does', () => {
    expect([0, 7, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
      'A',
      'H',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('importLimitsFromEnv', () => {
  it('defaults to 20 MB and fails fast on a bad IMPORT_MAX_BYTES, naming it', () => {
    expect(importLimitsFromEnv({}).maxBytes).toBe(20 * 1024 * 1024);
    expect(importLimitsFromEnv({ IMPORT_MAX_BYTES: '5242880' }).maxBytes).toBe(5242880);
    expect(() => importLimitsFromEnv({ IMPORT_MAX_BYTES: '20MB' })).toThrow(/IMPORT_MAX_BYTES/);
  });
});
