/**
 * Icons of the side navigation, as 24x24 SVG paths (Material Icons, Apache-2.0). Inline,
 * because the dashboard loads no icon font, and kept here rather than in a shared icon set
 * so the shell (part of the initial bundle) carries only these few.
 */
export const NAV_ICONS = {
  overview: 'M3 13h8V3H3v10zm0 8h8v-6H3v6zm10 0h8V11h-8v10zm0-18v6h8V3h-8z',
  progress: 'M16 6l2.29 2.29-4.88 4.88-4-4L2 16.59 3.41 18l6-6 4 4 6.3-6.29L22 12V6z',
  review:
    'M14 10H2v2h12v-2zm0-4H2v2h12V6zM2 16h8v-2H2v2zm19.5-4.5L23 13l-6.99 7-4.51-4.5L13 14l3.01 3 5.49-5.5z',
  matrix:
    'M20 2H4c-1.1 0-2 .9-2 2v16c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2zM8 20H4v-4h4v4zm0-6H4v-4h4v4zm0-6H4V4h4v4zm6 12h-4v-4h4v4zm0-6h-4v-4h4v4zm0-6h-4V4h4v4zm6 12h-4v-4h4v4zm0-6h-4v-4h4v4zm0-6h-4V4h4v4z',
} as const;

export type NavIcon = keyof typeof NAV_ICONS;

/** `data.nav` of a route listed in the side navigation. */
export interface NavEntry {
  label: string;
  /** decorative: the label is what names the link */
  icon?: NavIcon;
}

export function navEntryOf(data: unknown): NavEntry | null {
  const nav = (data as { nav?: unknown } | undefined)?.nav;
  return nav && typeof nav === 'object' && typeof (nav as NavEntry).label === 'string'
    ? (nav as NavEntry)
    : null;
}

/** The SVG path of a nav entry's icon, or null when it has none (or an unknown one). */
export function navIconPath(entry: NavEntry): string | null {
  return entry.icon && entry.icon in NAV_ICONS ? NAV_ICONS[entry.icon] : null;
}
