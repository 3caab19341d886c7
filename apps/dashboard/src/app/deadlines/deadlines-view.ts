import type { Deadline, DeadlinesResponse, IsoDate } from '@him/contracts';
import { hoursText } from '@him/domain';

export type StackBy = 'team' | 'body';

/** One month of the chart: what falls due in it. */
export interface MonthBucket {
  /** YYYY-MM */
  month: string;
  /** "Mar 2027" */
  label: string;
  /** "March 2027" */
  longLabel: string;
  deadlines: Deadline[];
  expiries: number;
  ceCycleEnds: number;
  hoursMissing: number;
}

export interface StackSeries {
  name: string;
  counts: number[];
}

/** At most this many series; the rest are added up as "Other teams" / "Other bodies". */
export const MAX_SERIES = 7;

const monthFormat = (month: 'short' | 'long') =>
  new Intl.DateTimeFormat('en-US', { month, year: 'numeric', timeZone: 'UTC' });
const SHORT = monthFormat('short');
const LONG = monthFormat('long');

function monthsFrom(from: IsoDate, until: IsoDate): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const last = until.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** Every calendar month from asOf's through `until`'s, each with its deadlines (none too). */
export function monthBuckets(response: DeadlinesResponse): MonthBucket[] {
  return monthsFrom(response.asOf, response.until).map((month) => {
    const deadlines = response.deadlines.filter((d) => d.date.startsWith(month));
    const day = new Date(`${month}-01T00:00:00Z`);
    return {
      month,
      label: SHORT.format(day),
      longLabel: LONG.format(day),
      deadlines,
      expiries: deadlines.filter((d) => d.kind === 'credential-expiry').length,
      ceCycleEnds: deadlines.filter((d) => d.kind === 'ce-cycle-end').length,
      hoursMissing: deadlines.reduce((sum, d) => sum + (d.hoursMissing ?? 0), 0),
    };
  });
}

/**
 * The stacks of the chart: deadlines per month by team or by issuing body, the largest
 * series first, those beyond MAX_SERIES added up as one.
 */
export function stackSeries(
  buckets: readonly MonthBucket[],
  by: StackBy,
  teamNames: ReadonlyMap<string, string>,
): StackSeries[] {
  const nameOf = (d: Deadline) =>
    by === 'team' ? (teamNames.get(d.teamId) ?? 'No team') : d.issuingBody || 'No issuing body';
  const totals = new Map<string, number[]>();
  buckets.forEach((bucket, m) => {
    for (const deadline of bucket.deadlines) {
      const name = nameOf(deadline);
      let counts = totals.get(name);
      if (!counts) {
        counts = buckets.map(() => 0);
        totals.set(name, counts);
      }
      counts[m] += 1;
    }
  });
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  const series = [...totals.entries()]
    .map(([name, counts]) => ({ name, counts }))
    .sort((a, b) => sum(b.counts) - sum(a.counts) || a.name.localeCompare(b.name, 'en'));
  if (series.length <= MAX_SERIES) return series;
  const kept = series.slice(0, MAX_SERIES - 1);
  const rest = series.slice(MAX_SERIES - 1);
  kept.push({
    name: by === 'team' ? 'Other teams' : 'Other issuing bodies',
    counts: buckets.map((_, m) => rest.reduce((total, s) => total + s.counts[m], 0)),
  });
  return kept;
}

/** What falls due, in words: "RHIA expires (not verified)", "AHIMA CE cycle ends (RHIA): 12.5 hours still missing". */
export function deadlineInWords(deadline: Deadline): string {
  if (deadline.kind === 'credential-expiry') {
    return `${deadline.credentials} expires${deadline.verified === false ? ' (not verified)' : ''}`;
  }
  return `${deadline.issuingBody} CE cycle ends (${deadline.credentials}): ${hoursText(deadline.hoursMissing ?? 0)} still missing`;
}
