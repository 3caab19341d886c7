import { BadRequestException, Injectable } from '@nestjs/common';
import type { IsoDate, ReadinessComparison, ReadinessTeamComparison } from '@him/contracts';
import { addMonthsClamped, daysBetween, isIsoDate } from '@him/domain';
import { AccessPolicy, type Caller, type MemberScope } from '../auth/access-policy';
import type { RequestUser } from '../auth/request-user';
import { MAX_FORECAST_DAYS, todayIn } from '@him/domain';
import type {
  AnalysisQuery,
  CeStatusQuery,
  ExpirationsQuery,
  MemberReadinessQuery,
  ReadinessQuery,
  ReassessmentsDueQuery,
  SurveyWindowQuery,
} from './analysis.dto';
import { AnalysisCache } from './analysis-cache';
import {
  memberJson,
  readinessGzip,
  SUMMARY_COMPARISONS_TAIL,
  type ReadinessResult,
  type RulesTask,
} from './rules-task';

/** An answer already serialized, sent as it is (the cache's bytes, no second JSON.stringify). */
export interface RawJson {
  json: Uint8Array | string;
  /** the JSON gzipped, or how to get it when a client asks for gzip */
  gzip?: Uint8Array | (() => Promise<Uint8Array>);
  /** the department data version it was computed at (the ETag) */
  version: number;
}

/**
 * The analysis endpoints: the department's readiness, skills matrix and CE status are computed
 * once per data version and scope (AnalysisCache) off the event loop (RulesPool) from the facts
 * FactsRepository loads; AccessPolicy.memberScope says whose figures the caller gets (staff: only
 * their own, computed over their own records and cached under their own scope).
 */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly cache: AnalysisCache,
  ) {}

  async readiness(user: RequestUser, query: ReadinessQuery, signal: AbortSignal): Promise<RawJson> {
    const summary = query.view === 'summary';
    if (!summary) {
      for (const field of ['compare', 'members', 'limit', 'offset'] as const) {
        if (query[field] !== undefined) {
          throw new BadRequestException([`${field} needs view=summary`]);
        }
      }
    }
    const { timeZone, version } = await this.cache.departmentState(user.departmentId);
    const asOf = query.asOf ?? todayIn(timeZone, new Date());
    const extraDates: IsoDate[] = [];
    if (query.surveyDate) {
      const days = daysBetween(asOf, query.surveyDate);
      if (days < 0 || days > MAX_FORECAST_DAYS) {
        throw new BadRequestException([
          `surveyDate must be between asOf and ${MAX_FORECAST_DAYS} days after it`,
        ]);
      }
      extraDates.push(query.surveyDate);
    }
    const compare = query.compare ? query.compare.split(',') : [];
    for (const date of compare) {
      if (!isIsoDate(date) || Math.abs(daysBetween(asOf, date)) > MAX_FORECAST_DAYS) {
        throw new BadRequestException([
          `compare must hold calendar dates within ${MAX_FORECAST_DAYS} days of asOf (${date})`,
        ]);
      }
    }
    const scope = await this.readinessScope(user, query);
    const readinessOn = (day: IsoDate, dates: IsoDate[]) =>
      this.cache.answer(
        { kind: 'readiness', scope, asOf: day, teamId: query.teamId, extraDates: dates, version },
        signal,
      ) as Promise<ReadinessResult>;
    if (!summary) {
      const { json } = await readinessOn(asOf, extraDates);
      return { json, gzip: readinessGzip(json), version };
    }

    const [result, ...others] = await Promise.all([
      readinessOn(asOf, extraDates),
      ...compare.map((day) => readinessOn(day, [])),
    ]);
    if (compare.length === 0 && !query.members) {
      return { json: result.summaryBytes, gzip: readinessGzip(result.summaryBytes), version };
    }
    return { json: summaryWith(result, others, query), version };
  }

  /**
   * Whom a readiness covers: what the query names (AccessPolicy.memberScope), or with
   * `teams=managed` the teams the caller manages (nobody's when they manage none).
   */
  async readinessScope(
    user: RequestUser,
    query: Pick<ReadinessQuery, 'teamId' | 'teams'>,
  ): Promise<MemberScope> {
    if (query.teams !== 'managed') return this.access.memberScope(user, query);
    if (query.teamId !== undefined) {
      throw new BadRequestException(['teams cannot be combined with teamId']);
    }
    const scope = await this.access.memberScope(user, 'managed-teams');
    return scope.kind === 'none'
      ? { kind: 'teams', departmentId: scope.departmentId, teamIds: [] }
      : scope;
  }

  /**
   * The department's figures and every team's on one day, as GET /readiness computes them (the
   * same cached computation), for the daily snapshots.
   */
  async departmentFigures(
    departmentId: string,
    day: IsoDate,
  ): Promise<{ figures: ReadinessComparison; teams: ReadinessResult['teams'] }> {
    const { version } = await this.cache.departmentState(departmentId);
    const result = (await this.cache.answer(
      {
        kind: 'readiness',
        scope: { kind: 'department', departmentId },
        asOf: day,
        extraDates: [],
        version,
      },
      new AbortController().signal,
    )) as ReadinessResult;
    return { figures: result.figures, teams: result.teams };
  }

  /**
   * R6 for one member: what a staff member sees of their own readiness, and others of those they
   * may see. Cached per data version like the rest, but computed in the process: one member's
   * facts take a few small queries, less than a worker thread's round trip and never worth
   * queueing behind a department's computation.
   */
  async memberReadiness(
    user: RequestUser,
    staffId: string,
    query: MemberReadinessQuery,
    signal: AbortSignal,
  ): Promise<RawJson> {
    const { timeZone, version } = await this.cache.departmentState(user.departmentId);
    const asOf = query.asOf ?? todayIn(timeZone, new Date());
    // 404 for a member the caller may not see; staff see only themselves.
    const scope = await this.access.memberScope(user, { staffId });
    return this.answer({ kind: 'member-readiness', scope, asOf, staffId, version }, signal);
  }

  async skillsMatrix(
    user: RequestUser,
    query: AnalysisQuery,
    signal: AbortSignal,
  ): Promise<RawJson> {
    return this.cached('skills-matrix', user, query, query, signal);
  }

  async ceStatus(user: RequestUser, query: CeStatusQuery, signal: AbortSignal): Promise<RawJson> {
    // The scope holds only the members asked about; the team narrows a member asked about too.
    return this.cached('ce-status', user, query, query, signal);
  }

  async expirations(
    user: RequestUser,
    query: ExpirationsQuery,
    signal: AbortSignal,
  ): Promise<RawJson> {
    const { timeZone, version } = await this.cache.departmentState(user.departmentId);
    const asOf = query.asOf ?? todayIn(timeZone, new Date());
    const scope = await this.access.memberScope(user, query);
    return this.answer(
      {
        kind: 'expirations',
        scope,
        asOf,
        teamId: query.teamId,
        withinDays: query.withinDays,
        version,
      },
      signal,
    );
  }

  /**
   * R17: the lowest figures over [from, to] under the assumptions of R9, for the same scope as
   * /readiness. The window opens on or after asOf and lasts at most three years (a survey comes
   * 18 to 36 months after the last one).
   */
  async surveyWindow(
    user: RequestUser,
    query: SurveyWindowQuery,
    signal: AbortSignal,
  ): Promise<RawJson> {
    const { timeZone, version } = await this.cache.departmentState(user.departmentId);
    const asOf = query.asOf ?? todayIn(timeZone, new Date());
    const problems: string[] = [];
    if (query.from < asOf) problems.push(`from must be on or after asOf (${asOf})`);
    if (query.to < query.from) problems.push('to must be on or after from');
    else if (query.to > addMonthsClamped(query.from, MAX_WINDOW_MONTHS))
      problems.push('to must be at most three years after from');
    if (problems.length > 0) throw new BadRequestException(problems);
    const scope = await this.access.memberScope(user, query);
    return this.answer(
      {
        kind: 'survey-window',
        scope,
        asOf,
        teamId: query.teamId,
        from: query.from,
        to: query.to,
        version,
      },
      signal,
    );
  }

  /**
   * R2 reassessments due: latest assessments of needed skills whose counting period ends within
   * the window (default the department's warning window) or has ended; staff get their own.
   */
  async reassessmentsDue(
    user: RequestUser,
    query: ReassessmentsDueQuery,
    signal: AbortSignal,
  ): Promise<RawJson> {
    const { timeZone, version } = await this.cache.departmentState(user.departmentId);
    const asOf = query.asOf ?? todayIn(timeZone, new Date());
    const scope = await this.access.memberScope(user, query);
    return this.answer(
      {
        kind: 'reassessments-due',
        scope,
        asOf,
        teamId: query.teamId,
        withinDays: query.withinDays,
        version,
      },
      signal,
    );
  }

  /**
   * What falls due in the next twelve months (credential expiries, CE cycle ends with hours
   * missing) for the deadlines chart. One team when asked (AccessPolicy checks it); otherwise a
   * manager's own teams and an admin's whole department.
   */
  async deadlines(user: RequestUser, query: AnalysisQuery, signal: AbortSignal): Promise<RawJson> {
    const { timeZone, version } = await this.cache.departmentState(user.departmentId);
    const asOf = query.asOf ?? todayIn(timeZone, new Date());
    const scope = await this.access.memberScope(
      user,
      query.teamId ? { teamId: query.teamId } : 'managed-teams',
    );
    return this.answer({ kind: 'deadlines', scope, asOf, teamId: query.teamId, version }, signal);
  }

  /** The cached answer of a task, as the bytes to send. */
  private async answer(task: RulesTask, signal: AbortSignal): Promise<RawJson> {
    const result = await this.cache.answer(task, signal);
    const gzip = result.kind === 'json' ? result.gzip : readinessGzip(result.json);
    return { json: result.json, gzip, version: task.version };
  }

  private async cached(
    kind: 'skills-matrix' | 'ce-status',
    user: Caller,
    query: AnalysisQuery,
    scopeRequest: { teamId?: string; staffId?: string },
    signal: AbortSignal,
  ): Promise<RawJson> {
    const { timeZone, version } = await this.cache.departmentState(user.departmentId);
    const asOf = query.asOf ?? todayIn(timeZone, new Date());
    const scope: MemberScope = await this.access.memberScope(user, scopeRequest);
    return this.answer({ kind, scope, asOf, teamId: query.teamId, version }, signal);
  }
}

/**
 * The summary JSON of a computed readiness with the other days' figures and the member page
 * asked for, spliced into the summary serialized once (its empty comparisons come last).
 */
function summaryWith(
  result: ReadinessResult,
  others: ReadinessResult[],
  query: ReadinessQuery,
): Buffer {
  const comparisons: ReadinessComparison[] = others.map((other) => other.figures);
  const comparisonTeams: ReadinessTeamComparison[] = others.map((other) => ({
    asOf: other.figures.asOf,
    teams: other.teams,
  }));
  let tail = `,"comparisons":${JSON.stringify(comparisons)},"comparisonTeams":${JSON.stringify(comparisonTeams)}`;
  if (query.members) {
    const wanted: number[] = [];
    result.memberReady.forEach((ready, i) => {
      if (query.members === 'all' || (ready === 1) === (query.members === 'ready')) wanted.push(i);
    });
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const items = wanted.slice(offset, offset + limit).map((i) => memberJson(result, i));
    tail += `,"memberPage":{"items":[${items.join(',')}],"total":${wanted.length},"limit":${limit},"offset":${offset}}`;
  }
  const { summaryBytes } = result;
  const head = Buffer.from(
    summaryBytes.buffer,
    summaryBytes.byteOffset,
    summaryBytes.byteLength - Buffer.byteLength(SUMMARY_COMPARISONS_TAIL),
  );
  return Buffer.concat([head, Buffer.from(`${tail}}`)]);
}

/** R17: a survey comes 18 to 36 months after the last one; a longer window is refused. */
export const MAX_WINDOW_MONTHS = 36;
