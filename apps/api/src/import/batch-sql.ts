import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '../audit/audit.service';
import type { RequestUser } from '../auth/request-user';

/** Rows per statement: about a thousand, and never past PostgreSQL's 65,535 parameters. */
function rowsPerChunk(columns: number): number {
  return Math.max(1, Math.min(1000, Math.floor(60000 / columns)));
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `($1::uuid, $2::text), ($3::uuid, $4::text)`: every parameter cast, so no row's types are guessed. */
function valuesList(rows: unknown[][], casts: string[], params: unknown[]): string {
  return rows
    .map(
      (row) =>
        `(${row
          .map((value, i) => {
            params.push(value);
            return `$${params.length}::${casts[i]}`;
          })
          .join(', ')})`,
    )
    .join(', ');
}

/**
 * A multi-row INSERT per chunk of rows: one round trip per thousand rows rather than per row.
 * `columns` are `name::type` pairs; `returning` rows come back in one list.
 */
export async function insertRows<R = unknown>(
  em: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  returning?: string,
): Promise<R[]> {
  const names = columns.map((c) => c.split('::')[0]);
  const casts = columns.map((c) => c.split('::')[1]);
  const out: R[] = [];
  for (const chunk of chunks(rows, rowsPerChunk(columns.length))) {
    const params: unknown[] = [];
    const sql = `INSERT INTO ${table} (${names.join(', ')}) VALUES ${valuesList(chunk, casts, params)}${
      returning ? ` RETURNING ${returning}` : ''
    }`;
    const result = await em.query(sql, params);
    if (returning) out.push(...(result as R[]));
  }
  return out;
}

/**
 * A multi-row UPDATE per chunk, joined to a VALUES list by id and guarded by each row's
 * version (optimistic concurrency, as the API's PATCH): if anyone changed one of the records
 * since it was read, the whole import stops with 409 and its transaction rolls back.
 * The first two columns of each row are the id and the version read.
 */
export async function updateVersionedRows(
  em: EntityManager,
  table: string,
  what: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const names = columns.map((c) => c.split('::')[0]);
  const casts = ['uuid', 'int', ...columns.map((c) => c.split('::')[1])];
  const set = names.map((n) => `${n} = v.${n}`).join(', ');
  for (const chunk of chunks(rows, rowsPerChunk(casts.length))) {
    const params: unknown[] = [];
    const sql = `UPDATE ${table} AS t SET ${set}, version = t.version + 1, updated_at = now()
      FROM (VALUES ${valuesList(chunk, casts, params)}) AS v(id, version, ${names.join(', ')})
      WHERE t.id = v.id AND t.version = v.version RETURNING t.id`;
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [updated] = (await em.query(sql, params)) as [unknown[], number];
    const count = updated.length;
    if (count !== chunk.length) {
      throw new ConflictException(
        `a ${what} in the file was changed by someone else while it was imported; nothing was imported, run the import again`,
      );
    }
  }
}

interface AuditRow extends AuditEntry {
  departmentId: string;
}

/**
 * The audit events of one import, written together with multi-row INSERTs inside the
 * import's transaction (R16: a change and its audit event commit together or not at all).
 */
export class AuditBatch {
  private readonly rows: AuditRow[] = [];

  constructor(
    private readonly user: RequestUser,
    private readonly departmentId: string,
  ) {}

  add(entry: AuditEntry): void {
    this.rows.push({ ...entry, departmentId: this.departmentId });
  }

  async flush(em: EntityManager): Promise<void> {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    await insertRows(
      em,
      'audit_event',
      [
        'department_id::uuid',
        'user_id::uuid',
        'user_email::text',
        'action::text',
        'entity::text',
        'entity_id::uuid',
        'before::jsonb',
        'after::jsonb',
        'note::text',
      ],
      this.rows.map((e) => [
        e.departmentId,
        this.user.id,
        this.user.email,
        e.action,
        e.entity,
        e.entityId,
        json(e.before),
        json(e.after),
        e.note ?? null,
      ]),
    );
    this.rows.length = 0;
  }
}
