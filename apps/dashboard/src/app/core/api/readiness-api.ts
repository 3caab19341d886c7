import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  IsoDate,
  MemberReadiness,
  MemberReadinessAnswer,
  ReadinessResponse,
  ReadinessSnapshotsRequest,
  ReadinessSnapshotsResponse,
  ReadinessSummaryResponse,
  SkillsMatrixResponse,
} from '@him/contracts';
import { forkJoin, map, Observable, of, switchMap } from 'rxjs';
import { apiUrl } from './api-url';
import { queryParams } from './page-params';

/** The most member rows one summary request returns (the API's `limit` at most). */
export const MEMBER_PAGE_LIMIT = 500;

@Injectable({ providedIn: 'root' })
export class ReadinessApi {
  private readonly http = inject(HttpClient);

  /** One member's readiness on `asOf` (R6); staff accounts may ask only about themselves. */
  getMemberReadiness(staffId: string, asOf: IsoDate): Observable<MemberReadinessAnswer> {
    return this.http.get<MemberReadinessAnswer>(
      apiUrl(`staff/${encodeURIComponent(staffId)}/readiness`),
      { params: { asOf } },
    );
  }

  /** Department readiness on `asOf` (R8) with its forecast (R9); `teamId` narrows it to one team. */
  getReadiness(asOf: IsoDate, teamId?: string): Observable<ReadinessResponse> {
    const params: Record<string, string> = { asOf };
    if (teamId) {
      params['teamId'] = teamId;
    }
    return this.http.get<ReadinessResponse>(apiUrl('readiness'), { params });
  }

  /**
   * The summary form of readiness (no member rows): figures, teams, targets, forecast, single
   * points of failure and the names of the members they mention.
   */
  getReadinessSummary(asOf: IsoDate, teamId?: string): Observable<ReadinessSummaryResponse> {
    const params: Record<string, string> = { asOf, view: 'summary' };
    if (teamId) {
      params['teamId'] = teamId;
    }
    return this.http.get<ReadinessSummaryResponse>(apiUrl('readiness'), { params });
  }

  /**
   * Everything the overview shows of readiness in one request: the summary on `asOf` with every
   * member row (`members=all`; a department of more than MEMBER_PAGE_LIMIT members asks for the
   * further pages), the figures of the `compare` days and, with `surveyDate`, its forecast point;
   * `teams: 'managed'` narrows it to the caller's own teams.
   */
  getReadinessOverview(
    asOf: IsoDate,
    compare: IsoDate[],
    surveyDate: IsoDate | null,
    scope: { teamId?: string; teams?: 'managed' } = {},
  ): Observable<{ summary: ReadinessSummaryResponse; members: MemberReadiness[] }> {
    const base: Record<string, string> = {
      asOf,
      view: 'summary',
      members: 'all',
      limit: String(MEMBER_PAGE_LIMIT),
    };
    if (surveyDate) base['surveyDate'] = surveyDate;
    if (scope.teamId) base['teamId'] = scope.teamId;
    if (scope.teams) base['teams'] = scope.teams;
    const page = (params: Record<string, string>) =>
      this.http.get<ReadinessSummaryResponse>(apiUrl('readiness'), { params });
    const first = compare.length > 0 ? { ...base, compare: compare.join(',') } : base;
    return page(first).pipe(
      switchMap((summary) => {
        const items = summary.memberPage?.items ?? [];
        const total = summary.memberPage?.total ?? items.length;
        const rest: Observable<ReadinessSummaryResponse>[] = [];
        for (
          let offset = items.length;
          items.length > 0 && offset < total;
          offset += items.length
        ) {
          rest.push(page({ ...base, offset: String(offset) }));
        }
        if (rest.length === 0) return of({ summary, members: items });
        return forkJoin(rest).pipe(
          map((pages) => ({
            summary,
            members: [...items, ...pages.flatMap((more) => more.memberPage?.items ?? [])],
          })),
        );
      }),
    );
  }

  /**
   * The figures recorded on each day from `from` through `to` (the rules of that day) and the
   * changes of role requirements and coverage targets in the window.
   */
  getReadinessSnapshots(
    request: ReadinessSnapshotsRequest,
  ): Observable<ReadinessSnapshotsResponse> {
    return this.http.get<ReadinessSnapshotsResponse>(apiUrl('readiness/snapshots'), {
      params: queryParams({
        from: request.from,
        to: request.to,
        teamId: request.teamId,
        teams: request.teams,
      }),
    });
  }

  /** Members x skills on `asOf` with the R2 level and the level each role requires. */
  getSkillsMatrix(filter: { asOf?: IsoDate; teamId?: string }): Observable<SkillsMatrixResponse> {
    return this.http.get<SkillsMatrixResponse>(apiUrl('skills-matrix'), {
      params: queryParams(filter),
    });
  }
}
