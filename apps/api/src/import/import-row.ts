import type { ImportRowError } from '@him/contracts';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import type { ValidationError } from 'class-validator';
import type { FieldProblem } from '../common/field-problems';
import { columnLetter, type ColumnMap } from './columns';
import { validateRow } from './row-validator';
import type { Cell, SheetRow } from './spreadsheet';

const EMPTY: Cell = { text: '' };

/**
 * One data row being checked: typed access to its cells by column key, and the problems found,
 * each naming the column as the file's header writes it. The first problem of a column wins:
 * "is required" says more than the three validator messages an empty value would also earn.
 */
export class ImportRow {
  readonly line: number;
  private readonly cells: Cell[];
  private readonly problems = new Map<string, { order: number; field: string; message: string }>();

  constructor(
    row: SheetRow,
    private readonly columns: ColumnMap,
  ) {
    this.line = row.line;
    this.cells = row.cells;
    this.checkUnnamedCells();
  }

  /** Is the column in the file? (An optional column left out keeps what is stored.) */
  has(key: string): boolean {
    return this.columns.byKey.has(key);
  }

  cell(key: string): Cell {
    const column = this.columns.byKey.get(key);
    return (column && this.cells[column.index]) || EMPTY;
  }

  /** The trimmed text, or undefined when blank (or the column is not in the file). */
  text(key: string): string | undefined {
    const text = this.cell(key).text.trim();
    return text === '' ? undefined : text;
  }

  /** The text of a column that must be filled; a blank one is a problem. */
  required(key: string): string | undefined {
    const text = this.text(key);
    if (text === undefined) this.fail(key, 'is required');
    return text;
  }

  /** An Excel date cell as `YYYY-MM-DD`, otherwise the text (the DTO checks its form). */
  date(key: string): string | undefined {
    return this.cell(key).date ?? this.text(key);
  }

  /** A number cell's value, or the text read as a number; a non-number is a problem. */
  number(key: string): number | undefined {
    const cell = this.cell(key);
    if (cell.number !== undefined) return cell.number;
    const text = this.text(key);
    if (text === undefined) return undefined;
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
      this.fail(key, `must be a number (got ${quote(text)})`);
      return undefined;
    }
    return Number(text);
  }

  /** `a; b; c` as a list, blanks dropped; undefined when the cell is blank. */
  list(key: string): string[] | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    return text
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** The column's name as the file writes it. */
  field(key: string): string {
    return this.columns.byKey.get(key)?.header ?? key;
  }

  fail(key: string, message: string): void {
    if (this.problems.has(key)) return;
    const column = this.columns.byKey.get(key);
    this.problems.set(key, {
      order: column?.index ?? -1,
      field: column?.header ?? key,
      message,
    });
  }

  failed(key: string): boolean {
    return this.problems.has(key);
  }

  /** The value, or undefined when its column already has a problem (a rule then leaves it out). */
  valid<T>(key: string, value: T): T | undefined {
    return this.failed(key) ? undefined : value;
  }

  /**
   * The problems a service's rule found (the same pure function the API calls), each under the
   * column its field came from (`columnOf` maps a field to its column key where they differ).
   */
  failAll(problems: readonly FieldProblem[], columnOf: Record<string, string> = {}): void {
    for (const problem of problems)
      this.fail(columnOf[problem.field] ?? problem.field, problem.message);
  }

  get ok(): boolean {
    return this.problems.size === 0;
  }

  errors(): ImportRowError[] {
    return [...this.problems.values()]
      .sort((a, b) => a.order - b.order)
      .map(({ field, message }) => ({ line: this.line, field, message }));
  }

  /**
   * Checks the row as the API checks a request body: the same DTO class, the same
   * class-validator rules, so an import cannot accept what `POST` would refuse. `columnOf`
   * maps a DTO property (`teamId`, `verification.verifiedOn`) to the column it came from.
   */
  validate<T extends object>(
    dto: ClassConstructor<T>,
    plain: Record<string, unknown>,
    columnOf: Record<string, string> = {},
  ): T {
    const instance = plainToInstance(dto, plain);
    let errors: ValidationError[];
    try {
      errors = validateRow(instance);
    } catch {
      // A validator that throws on text it cannot read is a problem of the row, not a 500.
      const key = Object.keys(plain)[0] ?? 'row';
      this.fail(columnOf[key] ?? key, 'holds characters that cannot be read');
      return instance;
    }
    for (const { path, messages } of flatten(errors)) {
      const key = columnOf[path] ?? columnOf[path.split('.')[0]] ?? path;
      const got = this.text(key);
      const suffix = got === undefined ? '' : ` (got ${quote(got)})`;
      this.fail(key, messages.join('; ') + suffix);
    }
    return instance;
  }

  /** A value under a column without a header would be silently lost; say so instead. */
  private checkUnnamedCells(): void {
    const named = new Set([...this.columns.byKey.values()].map((c) => c.index));
    this.cells.forEach((cell, index) => {
      if (cell.text.trim() === '' || named.has(index)) return;
      const field = `Column ${columnLetter(index)}`;
      this.problems.set(field, {
        order: index,
        field,
        message: `has a value (${quote(cell.text)}) but the column has no header`,
      });
    });
  }
}

function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/** class-validator's messages by property path, without the leading property name. */
function flatten(errors: ValidationError[], parent = ''): { path: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    );
    const own = messages.length > 0 ? [{ path, messages }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
