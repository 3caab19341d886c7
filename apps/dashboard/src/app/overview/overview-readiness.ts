import type {
  Figures,
  IsoDate,
  MemberReadiness,
  ReadinessResponse,
  ReadinessSummaryResponse,
} from '@him/contracts';
import { DEFAULT_FORECAST_DAYS } from '@him/domain';

/** The figures of an earlier day the overview shows each change against (department and teams). */
export type EarlierFigures = Figures & Pick<ReadinessResponse, 'asOf' | 'teams'>;

/** What the overview shows, from its one readiness request. */
export interface OverviewReadiness {
  /** readiness on the as-of date, every member row, without the survey date's forecast point */
  readiness: ReadinessResponse;
  /** the same with the survey date's forecast point (who and which teams stop being ready), or null */
  survey: ReadinessResponse | null;
  /** the figures on the compared day, or null when the answer has none */
  previous: EarlierFigures | null;
}

/**
 * The overview's parts from the summary answer (`view=summary&members=all&compare=&surveyDate=`)
 * and every member row (its pages): the readiness the page has always shown, the survey's
 * forecast, and the figures of the compared day.
 */
export function overviewReadiness(
  summary: ReadinessSummaryResponse,
  members: MemberReadiness[],
  surveyDate: IsoDate | null,
): OverviewReadiness {
  const survey: ReadinessResponse = {
    asOf: summary.asOf,
    staffReadyPct: summary.staffReadyPct,
    requirementsMetPct: summary.requirementsMetPct,
    targetsMet: summary.targetsMet,
    staffReady: summary.staffReady,
    requirementsMet: summary.requirementsMet,
    teams: summary.teams,
    members,
    onLeave: summary.onLeave ?? [],
    targets: summary.targets,
    singlePointsOfFailure: summary.singlePointsOfFailure,
    forecast: summary.forecast,
  };
  // The as-of figures' forecast has the usual horizons only: a survey date on one of them
  // keeps the point without the survey's detail, any other is left out.
  const forecast = surveyDate
    ? summary.forecast.flatMap((point) => {
        if (point.date !== surveyDate) return [point];
        if (!DEFAULT_FORECAST_DAYS.includes(point.days)) return [];
        const plain = { ...point };
        delete plain.membersNoLongerReady;
        delete plain.targetsFallingShort;
        return [plain];
      })
    : summary.forecast;
  const comparison = summary.comparisons?.[0];
  const comparedTeams = summary.comparisonTeams?.find((day) => day.asOf === comparison?.asOf);
  return {
    readiness: { ...survey, forecast },
    survey: surveyDate ? survey : null,
    previous: comparison ? { ...comparison, teams: comparedTeams?.teams ?? [] } : null,
  };
}
