import type {
  Figures,
  IsoDate,
  MemberReadiness,
  ReadinessResponse,
  TargetsMet,
} from '@him/contracts';
import { requirementLabel, type RequirementCatalog } from '../core/catalog/requirement-catalog';

export const NO_FIGURE = '—';

/** One figure as the page shows it: the number, and a line that says what it counts or why it is missing. */
export interface FigureView {
  value: string;
  detail: string;
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

export interface OverviewView {
  asOf: IsoDate;
  isEmpty: boolean;
  activeStaff: number;
  onLeave: number;
  headline: HeadlineFigures;
  teams: TeamRow[];
  forecast: ForecastRow[];
  coverageGaps: CoverageGapRow[];
  singlePoints: SinglePointRow[];
}

/**
 * A fraction in [0, 1] as a whole percentage. R8 figures are exact and rounded only for
 * display; the rounding never shows 100% for "not everyone" or 0% for "someone", because a
 * director reads those two numbers as absolute.
 */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) {
    return NO_FIGURE;
  }
  let percent = Math.round(fraction * 100);
  if (percent === 100 && fraction < 1) {
    percent = 99;
  } else if (percent === 0 && fraction > 0) {
    return '<1%';
  }
  return `${percent}%`;
}

export function formatTargetsMet(targets: TargetsMet): string {
  return targets.total === 0 ? NO_FIGURE : `${targets.met} of ${targets.total}`;
}

export function buildOverviewView(
  readiness: ReadinessResponse,
  catalog: RequirementCatalog,
): OverviewView {
  const teamNames = new Map(readiness.teams.map((team) => [team.teamId, team.name]));
  const memberNames = new Map(readiness.members.map((member) => [member.staffId, member.name]));
  for (const member of readiness.onLeave ?? []) {
    memberNames.set(member.staffId, member.name);
  }
  const teamName = (teamId: string) => teamNames.get(teamId) ?? 'Unknown team';
  const staffName = (staffId: string) => memberNames.get(staffId) ?? 'Unknown staff member';

  return {
    asOf: readiness.asOf,
    isEmpty: readiness.teams.length === 0 && readiness.members.length === 0,
    activeStaff: readiness.members.length,
    onLeave: readiness.onLeave?.length ?? 0,
    headline: {
      staffReady: staffReadyFigure(readiness, readiness.members, readiness.members.length),
      requirementsMet: requirementsMetFigure(
        readiness,
        readiness.members,
        readiness.members.length,
      ),
      targetsMet: targetsMetFigure(readiness.targetsMet),
    },
    teams: readiness.teams.map((team) => {
      const members = readiness.members.filter((member) => member.teamId === team.teamId);
      // Team members are countable only when the list agrees with the team's own head count.
      const countable = members.length === team.activeStaff ? members : null;
      return {
        teamId: team.teamId,
        name: team.name,
        activeStaff: team.activeStaff,
        staffReady: staffReadyFigure(team, countable, team.activeStaff),
        requirementsMet: requirementsMetFigure(team, countable, team.activeStaff),
        targetsMet: targetsMetFigure(team.targetsMet),
      };
    }),
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
    staffReady: formatPercent(point.staffReadyPct),
    requirementsMet: formatPercent(point.requirementsMetPct),
    targetsMet: formatTargetsMet(point.targetsMet),
    lapsedCredentials: point.lapsed?.length ?? 0,
  }));
}

function staffReadyFigure(
  figures: Figures,
  members: MemberReadiness[] | null,
  activeStaff: number,
): FigureView {
  if (figures.staffReadyPct === null || activeStaff === 0) {
    return { value: NO_FIGURE, detail: 'no active staff' };
  }
  const ready = members?.filter((member) => member.ready).length;
  const derivable =
    members && members.length > 0 && agrees(figures.staffReadyPct, ready ?? 0, members.length);
  return {
    value: formatPercent(figures.staffReadyPct),
    detail: derivable
      ? `${ready} of ${members.length} active staff ready`
      : 'of active staff ready',
  };
}

function requirementsMetFigure(
  figures: Figures,
  members: MemberReadiness[] | null,
  activeStaff: number,
): FigureView {
  if (activeStaff === 0) {
    return { value: NO_FIGURE, detail: 'no active staff' };
  }
  if (figures.requirementsMetPct === null) {
    return { value: NO_FIGURE, detail: 'no role requirements apply' };
  }
  const met = members?.reduce((sum, member) => sum + member.met, 0) ?? 0;
  const total = members?.reduce((sum, member) => sum + member.total, 0) ?? 0;
  const derivable = members && total > 0 && agrees(figures.requirementsMetPct, met, total);
  return {
    value: formatPercent(figures.requirementsMetPct),
    detail: derivable ? `${met} of ${total} requirements met` : 'of role requirements met',
  };
}

function targetsMetFigure(targets: TargetsMet): FigureView {
  if (targets.total === 0) {
    return { value: NO_FIGURE, detail: 'no coverage targets' };
  }
  return {
    value: `${targets.met} of ${targets.total}`,
    detail: `${formatPercent(targets.met / targets.total)} of coverage targets met`,
  };
}

/** The API's fraction and the counts we derived from its member list describe the same thing. */
function agrees(fraction: number, numerator: number, denominator: number): boolean {
  return Math.abs(fraction - numerator / denominator) < 1e-9;
}
