/** Small helpers for the one-pass indexing the bulk rules rely on (no filtering per member). */

/** Groups items by a key in one pass; items keep their input order within a group. */
export function groupBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  include?: (key: string) => boolean,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (include !== undefined && !include(key)) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * The non-terminated members (R1: lists show staff on leave too), optionally of one team or one
 * member, by id.
 */
export function nonTerminatedById<T extends { id: string; teamId: string; status: string }>(
  staff: readonly T[],
  scope: { teamId?: string; staffId?: string } = {},
): Map<string, T> {
  const members = new Map<string, T>();
  for (const member of staff) {
    if (member.status === 'terminated') continue;
    if (scope.teamId !== undefined && member.teamId !== scope.teamId) continue;
    if (scope.staffId !== undefined && member.id !== scope.staffId) continue;
    members.set(member.id, member);
  }
  return members;
}

/** Sort key of a name: case- and accent-insensitive ("Émile" sorts with "emile"). */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function compareKeys(aKey: string, aId: string, bKey: string, bId: string): number {
  if (aKey !== bKey) return aKey < bKey ? -1 : 1;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/** Orders people and teams by name (case- and accent-insensitive), then by id for stability. */
export function compareByName(
  a: { name: string; id: string },
  b: { name: string; id: string },
): number {
  return compareKeys(nameKey(a.name), a.id, nameKey(b.name), b.id);
}

/** A sorted copy by name then id, as compareByName, computing each sort key once. */
export function sortByName<T extends { name: string; id: string }>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: nameKey(item.name) }))
    .sort((a, b) => compareKeys(a.key, a.item.id, b.key, b.item.id))
    .map(({ item }) => item);
}

/** A fraction, or null when the denominator is 0 (R8). */
export function fraction(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
