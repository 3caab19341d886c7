import { BadRequestException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { columnLetter, mapColumns, normaliseHeader } from './columns';
import { ImportRow } from './import-row';
import { importLimitsFromEnv } from './import-limits';
import { excelCell, readSpreadsheet, zipDirectory, type Sheet } from './spreadsheet';
import { CreateStaffDto } from '../staff/staff.dto';

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
