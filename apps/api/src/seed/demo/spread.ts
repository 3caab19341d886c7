/** Deterministic spreads for the demo's data: no randomness, no wall clock. */

/** Days in `years` calendar years, near enough for hire and exam dates. */
export function years(n: number): number {
  return Math.round(n * 365.25);
}

/** FNV-1a: a stable spread for credential numbers and assessment dates (no randomness). */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
