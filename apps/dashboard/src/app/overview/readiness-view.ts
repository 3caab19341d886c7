import type { Figures, IsoDate, ReadinessResponse, TargetsMet } from '@him/contracts';
import { requirementLabel, NO_FIGURE, wholePercent } from '@him/domain';
import { type RequirementCatalog } from '../core/catalog/requirement-catalog';

/** One figure as the page shows it: the number, and a line that says what it counts or why it is missing. */
export interface FigureView {
  value: string;
  detail: string;
  /** the change against the comparison date (30 days before), when both figures exist */
  change?: FigureChange | null;
}

/** A figure's change in percentage points, in words ("Up 5 points since May 2") and as a direction for the arrow. */
export interface FigureChange {
  direction: 'up' | 'down' | 'same';
  points: number;
  text: string;
}

export interface HeadlineFigures {
  staffReady: FigureView;
  requirementsMet: FigureView;
  targetsMet: FigureView;
}

export interface TeamRow {
  teamId: string;
  name: string;
  activeStaff: number;
  staffReady: FigureView;
  requirementsMet: FigureView;
  targetsMet: FigureView;
  /** the unrounded figures, to sort worst first and flag teams below target */
  staffReadyPct: number | null;
  requirementsMetPct: number | null;
  targets: TargetsMet;
}

export interface ForecastRow {
  days: number;
  when: string;
  date: IsoDate;
  staffReadyPct: number | null;
  requirementsMetPct: number | null;
  staffReady: string;
  requirementsMet: string;
  targetsMet: string;
  lapsedCredentials: number;
}

export interface CoverageGapRow {
  key: string;
  teamName: string;
  requirement: string;
  holders: number;
  minHolders: number;
  gap: number;
  holderNames: string;
  /** the current holders, each linked to their profile */
  holderMembers: MemberLink[];
}

export interface MemberLink {
  staffId: string;
  name: string;
}

export interface SinglePointRow {
  key: string;
  teamName: string;
  requirement: string;
  staffId: string;
  staffName: string;
}

/** An active member who does not meet every requirement of their role (R6). */
export interface NotReadyRow {
  staffId: string;
  name: string;
  teamName: string;
  met: number;
  total: number;
  /** the requirements not met, in words */
  missing: string[];
}

export interface OverviewView {
  asOf: IsoDate;
  /** the date the changes are measured against, or null while it is not loaded */
  comparedWith: IsoDate | null;
  notReady: NotReadyRow[];
  isEmpty: boolean;
  activeStaff: number;
  onLeave: number;
  headline: HeadlineFigures;
  teams: TeamRow[];
  forecast: ForecastRow[];
  coverageGaps: CoverageGapRow[];
  singlePoints: SinglePointRow[];
}

export function formatTargetsMet(targets: TargetsMet): string {
  return targets.total === 0 ? NO_FIGURE : `${targets.met} of ${targets.total}`;
}

export function buildOverviewView(
  readiness: ReadinessResponse,
  catalog: RequirementCatalog,
  /**
   * the same figures on an earlier date, to show each figure's change against it (the summary
   * form is enough: no member rows are read)
   */
  previous: (Figures & Pick<ReadinessResponse, 'asOf' | 'teams'>) | null = null,
): OverviewView {
  const teamNames = new Map(readiness.teams.map((team) => [team.teamId, team.name]));
  const memberNames = new Map(readiness.members.map((member) => [member.staffId, member.name]));
  for (const member of readiness.onLeave ?? []) {
    memberNames.set(member.staffId, member.name);
  }
  const teamName = (teamId: string) => teamNames.get(teamId) ?? 'Unknown team';
  const staffName = (staffId: string) => memberNames.get(staffId) ?? 'Unknown staff member';

  const since = previous ? shortDate(previous.asOf, readiness.asOf) : '';
  const withChanges = (
    figures: { staffReady: FigureView; requirementsMet: FigureView; targetsMet: FigureView },
    now: Figures,
    before: Figures | undefined,
  ) =>
    before
      ? {
          staffReady: {
            ...figures.staffReady,
            change: figureChange(now.staffReadyPct, before.staffReadyPct, since),
          },
          requirementsMet: {
            ...figures.requirementsMet,
            change: figureChange(now.requirementsMetPct, before.requirementsMetPct, since),
          },
          targetsMet: {
            ...figures.targetsMet,
            change: figureChange(
              targetsFraction(now.targetsMet),
              targetsFraction(before.targetsMet),
              since,
            ),
          },
        }
      : figures;
  const previousTeams = new Map((previous?.teams ?? []).map((team) => [team.teamId, team]));

  return {
    asOf: readiness.asOf,
    comparedWith: previous?.asOf ?? null,
    isEmpty: readiness.teams.length === 0 && readiness.members.length === 0,
    activeStaff: readiness.members.length,
    onLeave: readiness.onLeave?.length ?? 0,
    headline: withChanges(
      {
        staffReady: staffReadyFigure(readiness, readiness.members.length),
        requirementsMet: requirementsMetFigure(readiness, readiness.members.length),
        targetsMet: targetsMetFigure(readiness.targetsMet),
      },
      readiness,
      previous ?? undefined,
    ),
    notReady: readiness.members
      .filter((member) => !member.ready)
      .map((member) => ({
        staffId: member.staffId,
        name: member.name,
        teamName: teamName(member.teamId),
        met: member.met,
        total: member.total,
        missing: member.missing.map((requirement) => requirementLabel(requirement, catalog)),
      }))
      .sort((a, b) => a.teamName.localeCompare(b.teamName) || a.name.localeCompare(b.name)),
    teams: readiness.teams.map((team) => ({
      teamId: team.teamId,
      name: team.name,
      activeStaff: team.activeStaff,
      staffReadyPct: team.staffReadyPct,
      requirementsMetPct: team.requirementsMetPct,
      targets: team.targetsMet,
      ...withChanges(
        {
          staffReady: staffReadyFigure(team, team.activeStaff),
          requirementsMet: requirementsMetFigure(team, team.activeStaff),
          targetsMet: targetsMetFigure(team.targetsMet),
        },
        team,
        previousTeams.get(team.teamId),
      ),
    })),
    forecast: forecastRows(readiness),
    coverageGaps: readiness.targets
      .filter((target) => target.gap > 0)
      .sort((a, b) => b.gap - a.gap || teamName(a.teamId).localeCompare(teamName(b.teamId)))
      .map((target, index) => ({
        key: `${target.teamId}:${index}`,
        teamName: teamName(target.teamId),
        requirement: requirementLabel(target.requirement, catalog),
        holders: target.holders,
        minHolders: target.minHolders,
        gap: target.gap,
        holderNames: (target.holderIds ?? []).map(staffName).join(', ') || 'No one',
        holderMembers: (target.holderIds ?? []).map((staffId) => ({
          staffId,
          name: staffName(staffId),
        })),
      })),
    singlePoints: readiness.singlePointsOfFailure
      .map((point, index) => ({
        key: `${point.teamId}:${point.staffId}:${index}`,
        teamName: teamName(point.teamId),
        requirement: requirementLabel(point.requirement, catalog),
        staffId: point.staffId,
        staffName: staffName(point.staffId),
      }))
      .sort(
        (a, b) =>
          a.teamName.localeCompare(b.teamName) || a.requirement.localeCompare(b.requirement),
      ),
  };
}

/** "As of" the chosen date, then each forecast horizon (R9). */
export function forecastRows(readiness: ReadinessResponse): ForecastRow[] {
  const points = [...readiness.forecast].sort((a, b) => a.days - b.days);
  const startsAtAsOf = points.some((point) => point.days === 0);
  const asOfPoint = { ...readiness, days: 0, date: readiness.asOf, lapsed: [] };
  return (startsAtAsOf ? points : [asOfPoint, ...points]).map((point) => ({
    days: point.days,
    when: point.days === 0 ? 'As of date' : `In ${point.days} days`,
    date: point.date,
    staffReadyPct: point.staffReadyPct,
    requirementsMetPct: point.requirementsMetPct,
    staffReady: wholePercent(point.staffReadyPct),
    requirementsMet: wholePercent(point.requirementsMetPct),
    targetsMet: formatTargetsMet(point.targetsMet),
    lapsedCredentials: point.lapsed?.length ?? 0,
  }));
}

function staffReadyFigure(figures: Figures, activeStaff: number): FigureView {
  if (figures.staffReadyPct === null || activeStaff === 0) {
    return { value: NO_FIGURE, detail: 'no active staff' };
  }
  const counts = figures.staffReady;
  return {
    value: wholePercent(figures.staffReadyPct),
    detail:
      counts && agrees(figures.staffReadyPct, counts.ready, counts.total)
        ? `${counts.ready} of ${counts.total} active staff ready`
        : 'of active staff ready',
  };
}

function requirementsMetFigure(figures: Figures, activeStaff: number): FigureView {
  if (activeStaff === 0) {
    return { value: NO_FIGURE, detail: 'no active staff' };
  }
  if (figures.requirementsMetPct === null) {
    return { value: NO_FIGURE, detail: 'no role requirements apply' };
  }
  const counts = figures.requirementsMet;
  return {
    value: wholePercent(figures.requirementsMetPct),
    detail:
      counts && agrees(figures.requirementsMetPct, counts.met, counts.total)
        ? `${counts.met} of ${counts.total} requirements met`
        : 'of role requirements met',
  };
}

function targetsMetFigure(targets: TargetsMet): FigureView {
  if (targets.total === 0) {
    return { value: NO_FIGURE, detail: 'no coverage targets' };
  }
  return {
    value: `${targets.met} of ${targets.total}`,
    detail: `${wholePercent(targets.met / targets.total)} of coverage targets met`,
  };
}

/** The API's fraction and the counts it sent beside it describe the same thing. */
function agrees(fraction: number, numerator: number, denominator: number): boolean {
  return denominator > 0 && Math.abs(fraction - numerator / denominator) < 1e-9;
}

/** Percentage-point change of a fraction; null when either figure is missing. */
export function figureChange(
  now: number | null,
  before: number | null,
  since: string,
): FigureChange | null {
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) {
    return null;
  }
  const points = Math.round((now - before) * 100);
  if (points === 0) {
    return { direction: 'same', points, text: `No change since ${since}` };
  }
  const size = Math.abs(points);
  const unit = size === 1 ? 'point' : 'points';
  return points > 0
    ? { direction: 'up', points, text: `Up ${size} ${unit} since ${since}` }
    : { direction: 'down', points, text: `Down ${size} ${unit} since ${since}` };
}

function targetsFraction(targets: TargetsMet): number | null {
  return targets.total === 0 ? null : targets.met / targets.total;
}

const SHORT_DATE = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const SHORT_DATE_WITH_YEAR = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "May 2" (with the year when it differs from `relativeTo`'s): a calendar date, never shifted by time zone. */
export function shortDate(date: IsoDate, relativeTo?: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  const instant = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(instant.getTime())) {
    return date;
  }
  const sameYear = relativeTo !== undefined && relativeTo.slice(0, 4) === date.slice(0, 4);
  return (sameYear ? SHORT_DATE : SHORT_DATE_WITH_YEAR).format(instant);
}
