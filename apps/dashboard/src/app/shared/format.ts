/** Hours as people write them: 16, 3.5, 14.96 (at most two decimals, no trailing zeros). */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) {
    return '—';
  }
  return String(Math.round(hours * 100) / 100);
}

/** "1 hour", "3.5 hours". */
export function hoursText(hours: number): string {
  return `${formatHours(hours)} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** "1 day", "12 days". */
export function daysText(days: number): string {
  return `${days} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

/** A slug such as `hiim-domain` as words: "Hiim domain". */
export function humanizeSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
