/** How to tell that a field did not change, for a field whose plain equality is wrong. */
export type FieldSameness<T> = { [K in keyof T]?: (value: T[K], recorded: unknown) => boolean };

/**
 * The fields of a form's `value` that differ from the `record` it edits: what a PATCH sends
 * (API.md: only the changed fields, with the version read), so an unchanged field keeps its
 * history (an unchanged verification keeps its verifier). Values are compared as data
 * (`sameData`) unless `same` says otherwise for a field.
 */
export function changedFields<T extends object>(
  value: T,
  record: object,
  same: FieldSameness<T> = {},
): Partial<T> {
  const recorded = record as Record<string, unknown>;
  const changed: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T & string)[]) {
    const isSame = same[key] ?? sameData;
    if (!isSame(value[key], recorded[key])) {
      changed[key] = value[key];
    }
  }
  return changed;
}

/**
 * Equal as data: the same numbers, strings and lists, objects with the same members in any
 * order, where a member that is null or missing is the same (`{ hours: 4 }` is
 * `{ hours: 4, share: null }`). Not for Dates or Maps.
 */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Two lists holding the same items, in any order (a team's managers). */
export function sameMembers(a: readonly unknown[] | undefined, b: unknown): boolean {
  return (
    Array.isArray(a) &&
    Array.isArray(b) &&
    sameData([...a].map(canonicalText).sort(), [...b].map(canonicalText).sort())
  );
}

function canonicalText(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] != null)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value ?? null;
}
