import type { ImportFieldChange, ImportKind, ImportRowError, IsoDate } from '@him/contracts';
import { isIsoDate } from '@him/domain';
import type { EntityManager } from 'typeorm';
import type { RequestUser } from '../auth/request-user';
import type { AuditBatch } from './batch-sql';
import type { ImportRow } from './import-row';

/** What checking (and applying) the rows of one file needs. */
export interface ImportContext {
  em: EntityManager;
  user: RequestUser;
  /** today in the department's time zone ("not in the future" rules) */
  today: IsoDate;
  fileName: string;
}

export interface ApplyContext extends ImportContext {
  importId: string;
  audit: AuditBatch;
}

export type PlannedAction = 'create' | 'update' | 'unchanged';

/** What one row will do, worked out from the file and the database as they are now. */
export interface PlannedChange<P> {
  line: number;
  action: PlannedAction;
  /** what identifies the record (`E-10442`, `CCS 12345678`) */
  key: string;
  /** the row's values by column label, as they will be stored */
  values: Record<string, string | null>;
  changes: ImportFieldChange[];
  /** what `apply` needs: the record read and the one to write */
  payload: P;
}

export interface ImportPlan<P> {
  changes: PlannedChange<P>[];
  errors: ImportRowError[];
}

/**
 * One kind of import. `plan` loads what it needs once (lookups into Maps, never a query per
 * row), checks every row and says what each would do; `apply` writes the creates and updates
 * of a plan without problems, in the caller's transaction, with multi-row statements.
 */
export interface ImportHandler<P = unknown> {
  readonly kind: ImportKind;
  plan(ctx: ImportContext, rows: ImportRow[]): Promise<ImportPlan<P>>;
  apply(ctx: ApplyContext, changes: PlannedChange<P>[]): Promise<void>;
  /** one example row for the template, by column key (a Date becomes a real date cell in XLSX) */
  readonly example: Record<string, string | number | Date>;
}

/** The audit note of a record written by an import: which import, which file and line. */
export function importNote(ctx: ApplyContext, line: number): string {
  return `import ${ctx.importId}: ${ctx.fileName}, line ${line}`;
}

/** Notes a field that changes from `from` to `to`, when they differ. */
export function change(
  changes: ImportFieldChange[],
  field: string,
  from: string | null,
  to: string | null,
): void {
  if (from !== to) changes.push({ field, from, to });
}

/** Case-insensitive lookups by name or code, built once per import. */
export function byLowerName<T>(items: T[], name: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = name(item).trim().toLowerCase();
    if (!map.has(key)) map.set(key, item);
  }
  return map;
}

/** `Coding, CDI, ...` for a "no team named" message, when the list is short enough to help. */
export function knownNames(names: string[], what: string): string {
  if (names.length === 0) return ` (the department has no ${what} yet)`;
  if (names.length > 12) return '';
  return ` (${what}: ${[...names].sort((a, b) => a.localeCompare(b)).join(', ')})`;
}

/** Staff of the department by employee id: who the rows of the other kinds refer to. */
export interface MemberRef {
  id: string;
  name: string;
  employeeId: string;
  teamId: string;
}

export async function membersByEmployeeId(
  ctx: ImportContext,
  rows: ImportRow[],
): Promise<Map<string, MemberRef>> {
  const ids = [...new Set(rows.map((r) => r.text('employeeId')).filter((v): v is string => !!v))];
  if (ids.length === 0) return new Map();
  const found: MemberRef[] = await ctx.em.query(
    `SELECT id, name, employee_id AS "employeeId", team_id AS "teamId"
       FROM staff WHERE department_id = $1 AND employee_id = ANY($2::text[])`,
    [ctx.user.departmentId, ids],
  );
  return new Map(found.map((m) => [m.employeeId, m]));
}

/** The member a row names by employee id, or a problem on the Employee ID column. */
export function memberOf(row: ImportRow, members: Map<string, MemberRef>): MemberRef | undefined {
  const employeeId = row.required('employeeId');
  if (employeeId === undefined) return undefined;
  const member = members.get(employeeId);
  if (!member) row.fail('employeeId', `no staff member has employee ID "${employeeId}"`);
  return member;
}

/** A problem for a row whose key repeats one earlier in the file. */
export function duplicateOf(
  row: ImportRow,
  seen: Map<string, number>,
  key: string,
  column: string,
  what: string,
): boolean {
  const first = seen.get(key);
  if (first !== undefined) {
    row.fail(column, `${what} appears more than once in the file (first on line ${first})`);
    return true;
  }
  seen.set(key, row.line);
  return false;
}

/** The distinct valid dates of a column, to narrow what is read to what a row can match. */
export function fileDates(rows: ImportRow[], key: string): string[] {
  return [...new Set(rows.map((r) => r.date(key)).filter((d): d is string => isIsoDate(d)))];
}
