/**
 * R16 helper: what changed between two versions of a record, for the audit trail. The API
 * writes the events; this only works out the difference.
 */

export interface AuditDiff {
  /** the changed keys, sorted */
  changedKeys: string[];
  /** the changed keys' old values; null when the record was created */
  before: Record<string, unknown> | null;
  /** the changed keys' new values; null when the record was deleted */
  after: Record<string, unknown> | null;
}

export interface AuditDiffOptions {
  /** keys never reported (bookkeeping such as `version` or `updatedAt`) */
  ignore?: readonly string[];
}

/** Structural equality for JSON-like values (and Dates, by instant). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(aRecord), ...Object.keys(bRecord)]);
  for (const key of keys) {
    if (!deepEqual(aRecord[key], bRecord[key])) return false;
  }
  return true;
}

/**
 * The keys whose values differ between `before` and `after` (deep comparison), with both
 * sides' values for those keys only. A key missing on one side is reported with `undefined`
 * there. A creation (before null) or deletion (after null) reports every key of the other side.
 */
export function auditDiff(
  before: object | null | undefined,
  after: object | null | undefined,
  options: AuditDiffOptions = {},
): AuditDiff {
  const ignored = new Set(options.ignore ?? []);
  const oldRecord = (before ?? null) as Record<string, unknown> | null;
  const newRecord = (after ?? null) as Record<string, unknown> | null;
  const keys = new Set([...Object.keys(oldRecord ?? {}), ...Object.keys(newRecord ?? {})]);
  const changedKeys = [...keys]
    .filter((key) => !ignored.has(key) && !deepEqual(oldRecord?.[key], newRecord?.[key]))
    .sort();
  const pick = (record: Record<string, unknown> | null) =>
    record === null ? null : Object.fromEntries(changedKeys.map((key) => [key, record[key]]));
  return { changedKeys, before: pick(oldRecord), after: pick(newRecord) };
}
