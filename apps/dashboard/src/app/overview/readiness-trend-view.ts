import type { IsoDate, ReadinessSnapshot, RequirementChange } from '@him/contracts';
import { addDays, daysBetween, wholePercent } from '@him/domain';
import { formatTargetsMet, shortDate } from './readiness-view';

/** One recorded day as the trend's table shows it. */
export interface TrendRow {
  date: IsoDate;
  staffReadyPct: number | null;
  requirementsMetPct: number | null;
  staffReady: string;
  requirementsMet: string;
  targetsMet: string;
}

/** The recorded days of the window, oldest first, in words. */
export function trendRows(points: readonly ReadinessSnapshot[]): TrendRow[] {
  return points.map((point) => ({
    date: point.takenOn,
    staffReadyPct: point.staffReadyPct,
    requirementsMetPct: point.requirementsMetPct,
    staffReady: countedPercent(point.staffReadyPct, point.staffReady.ready, point.staffReady.total),
    requirementsMet: countedPercent(
      point.requirementsMetPct,
      point.requirementsMet.met,
      point.requirementsMet.total,
    ),
    targetsMet: formatTargetsMet(point.targetsMet),
  }));
}

/** Every day from `from` through `to`, for the chart's axis (a day without a record is a gap). */
export function daysOf(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let i = 0; i <= daysBetween(from, to); i++) days.push(addDays(from, i));
  return days;
}

function countedPercent(fraction: number | null, count: number, total: number): string {
  return total === 0 ? wholePercent(null) : `${wholePercent(fraction)} (${count} of ${total})`;
}

/**
 * "Requirements changed on Nov 20 (Medical Coder) and Nov 25 (coverage targets of Billing)": the
 * changes after `since` through `asOf`, or null when there were none.
 */
export function requirementChangesText(
  changes: readonly RequirementChange[],
  since: IsoDate,
  asOf: IsoDate,
): string | null {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const change of changes) {
    if (change.on <= since || change.on > asOf) continue;
    const what =
      change.kind === 'role-requirements'
        ? `requirements of ${change.name}`
        : `coverage targets of ${change.name}`;
    const part = `${shortDate(change.on, asOf)} (${what})`;
    if (seen.has(part)) continue;
    seen.add(part);
    parts.push(part);
  }
  if (parts.length === 0) return null;
  const list =
    parts.length === 1
      ? parts[0]
      : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Requirements changed on ${list}.`;
}

/** "As recorded on Nov 3: staff ready 80% (8 of 10), ...", from that day's snapshot, or null. */
export function recordedFiguresText(
  points: readonly ReadinessSnapshot[],
  day: IsoDate,
  asOf: IsoDate,
): string | null {
  const point = points.find((candidate) => candidate.takenOn === day);
  if (!point) return null;
  const [row] = trendRows([point]);
  return (
    `As recorded on ${shortDate(day, asOf)}, under the requirements of that day: staff ready ` +
    `${row.staffReady}, requirements met ${row.requirementsMet}, coverage targets met ${row.targetsMet}.`
  );
}
