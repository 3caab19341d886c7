import type { CeActivity, CeGroup, IsoDate } from '@him/contracts';
import { daysBetween, formatHours } from '@him/domain';

/** A point of the pace chart: days since the cycle's start, hours. */
export interface PacePoint {
  x: number;
  y: number;
}

export interface CePaceSeries {
  /** the cycle's length in days (the x axis runs 0 to this) */
  cycleDays: number;
  /** approved hours added up by completion date, ending on the as-of date at the group's earned hours */
  earned: PacePoint[];
  /** from no hours at the cycle's start to the required hours at its end */
  pace: PacePoint[];
  /** the required hours, across the cycle */
  requirement: PacePoint[];
  /** "12.5 of 30 hours by 3 December 2026; pace expects 18" */
  sentence: string;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "3 December 2026": a calendar date, never shifted by time zone. */
export function longDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  const instant = new Date(Date.UTC(year, month - 1, day));
  return Number.isNaN(instant.getTime()) ? date : LONG_DATE.format(instant);
}

/**
 * A CE group's hours over its cycle, from the API's numbers: the approved activities it counts
 * (R13) added up by completion date, never above the hours the group counts (a cap of the rules
 * may count less than an activity's hours), and the group's earned hours on the as-of date.
 */
export function cePaceSeries(
  group: CeGroup,
  activities: readonly CeActivity[],
  asOf: IsoDate,
): CePaceSeries {
  const cycleDays = Math.max(1, daysBetween(group.cycleStart, group.cycleEnd));
  const dayOf = (date: IsoDate) =>
    Math.max(0, Math.min(cycleDays, daysBetween(group.cycleStart, date)));
  const counted = new Set(group.countedActivityIds);
  const approved = activities
    .filter((activity) => counted.has(activity.id))
    .sort((a, b) => (a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : 0));
  const earned: PacePoint[] = [{ x: 0, y: 0 }];
  let total = 0;
  for (const activity of approved) {
    total = Math.min(group.earned, total + activity.hours);
    earned.push({ x: dayOf(activity.completedOn), y: round(total) });
  }
  const today = dayOf(asOf);
  if (earned[earned.length - 1].x <= today) earned.push({ x: today, y: round(group.earned) });
  const byDate = asOf < group.cycleEnd ? asOf : group.cycleEnd;
  return {
    cycleDays,
    earned,
    pace: [
      { x: 0, y: 0 },
      { x: cycleDays, y: group.required },
    ],
    requirement: [
      { x: 0, y: group.required },
      { x: cycleDays, y: group.required },
    ],
    sentence:
      `${formatHours(group.earned)} of ${formatHours(group.required)} hours by ${longDate(byDate)}; ` +
      `pace expects ${formatHours(group.pace)}`,
  };
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
