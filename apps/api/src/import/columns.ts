import { IMPORT_COLUMNS, type ImportColumn, type ImportKind } from '@him/contracts';
import { badFile, type Cell, type Sheet } from './spreadsheet';

/** Headers compare without case, spaces, punctuation or a note in parentheses. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Other headers a column answers to: its key (`hireDate`) and a few common spellings. */
const ALIASES: Record<string, string[]> = {
  employeeId: ['employee', 'employeenumber', 'empid', 'staffid'],
  email: ['mail', 'emailaddress'],
  credentialType: ['credentialtypecode', 'type', 'code', 'credential'],
  number: ['credentialnumber'],
  categories: ['category'],
  credentialNumbers: ['credentialnumber', 'credentials'],
  level: ['proficiency', 'minlevel', 'requiredlevel'],
  credentialTypes: ['credentialtype', 'anyof', 'credentials', 'types'],
  verifiedOnly: ['verified', 'verificationrequired'],
};

export interface MappedColumn {
  spec: ImportColumn;
  /** index of the column in the file */
  index: number;
  /** the header as the file writes it (errors name the column this way) */
  header: string;
}

export interface ColumnMap {
  byKey: Map<string, MappedColumn>;
  /** positions whose header is blank: a value under one is a row error */
  unnamed: number[];
}

/**
 * Matches the header row to the kind's columns. A missing required column, an unknown one or
 * a column named twice is a problem with the whole file: 400, nothing is read further.
 */
export function mapColumns(kind: ImportKind, sheet: Sheet): ColumnMap {
  const specs = IMPORT_COLUMNS[kind];
  const lookup = new Map<string, ImportColumn>();
  for (const spec of specs) {
    for (const name of [spec.label, spec.key, ...(ALIASES[spec.key] ?? [])]) {
      const key = normaliseHeader(name);
      if (!lookup.has(key)) lookup.set(key, spec);
    }
  }
  const byKey = new Map<string, MappedColumn>();
  const unnamed: number[] = [];
  const problems: string[] = [];
  sheet.header.forEach((cell: Cell, index) => {
    const header = cell.text;
    if (header === '') {
      unnamed.push(index);
      return;
    }
    const spec = lookup.get(normaliseHeader(header));
    if (!spec) {
      problems.push(
        `file: unknown column "${header}" (the columns are ${specs.map((s) => s.label).join(', ')})`,
      );
      return;
    }
    const taken = byKey.get(spec.key);
    if (taken) {
      problems.push(`file: column ${spec.label} appears twice ("${taken.header}" and "${header}")`);
      return;
    }
    byKey.set(spec.key, { spec, index, header });
  });
  for (const spec of specs) {
    if (spec.required && !byKey.has(spec.key)) problems.push(`file: missing column ${spec.label}`);
  }
  if (problems.length > 0) throw badFile(...problems);
  return { byKey, unnamed };
}

/** `A`, `B` ... `AA`: how a spreadsheet names column `index` (0-based). */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}
