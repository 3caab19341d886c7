import { IMPORT_COLUMNS, type ImportFileFormat, type ImportKind } from '@him/contracts';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { CSV_OPTIONS } from '../common/csv';

export interface TemplateFile {
  buffer: Buffer;
  contentType: string;
  fileName: string;
}

/** Columns Excel must keep as text (`00123` is an id, not the number 123). */
const TEXT_COLUMNS = new Set(['employeeId', 'number', 'credentialNumbers']);

/**
 * The header row and one example row of a kind. CSV carries a byte order mark so that Excel
 * opens it as UTF-8; XLSX writes dates as real date cells and adds a "Columns" sheet that says
 * what each column takes, with the department's own teams, roles, types or skills.
 */
export async function importTemplate(
  kind: ImportKind,
  format: ImportFileFormat,
  example: Record<string, string | number | Date>,
  accepted: Record<string, string[]>,
): Promise<TemplateFile> {
  const columns = IMPORT_COLUMNS[kind];
  const fileName = `${kind}-import-template.${format}`;
  if (format === 'csv') {
    const values = columns.map((c) => {
      const v = example[c.key];
      return v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? '');
    });
    return {
      buffer: Buffer.from(stringify([columns.map((c) => c.label), values], CSV_OPTIONS)),
      contentType: 'text/csv; charset=utf-8',
      fileName,
    };
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'HIM Readiness';
  const sheet = workbook.addWorksheet(sheetName(kind), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.max(14, c.label.length + 4),
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const row = sheet.addRow(columns.map((c) => example[c.key] ?? null));
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    if (example[c.key] instanceof Date) cell.numFmt = 'yyyy-mm-dd';
  });

  const help = workbook.addWorksheet('Columns');
  help.columns = [
    { header: 'Column', key: 'label', width: 34 },
    { header: 'Required', key: 'required', width: 10 },
    { header: 'What to write', key: 'hint', width: 70 },
    { header: 'Accepted in your department', key: 'accepted', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow({
      label: c.label,
      required: c.required ? 'yes' : 'no',
      hint: c.hint,
      accepted: (accepted[c.key] ?? []).join(', '),
    });
  }
  help.addRow({});
  help.addRow({
    label: 'Only the first worksheet is imported; the header must be on line 1.',
  });
  return {
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName,
  };
}

function sheetName(kind: ImportKind): string {
  return {
    staff: 'Staff',
    credentials: 'Credentials',
    'ce-activities': 'CE activities',
    assessments: 'Assessments',
    'role-requirements': 'Role requirements',
  }[kind];
}
