/** `data.nav` of a route listed in the side navigation. */
export interface NavEntry {
  label: string;
}

export function navEntryOf(data: unknown): NavEntry | null {
  const nav = (data as { nav?: unknown } | undefined)?.nav;
  return nav && typeof nav === 'object' && typeof (nav as NavEntry).label === 'string'
    ? (nav as NavEntry)
    : null;
}
