import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  IsoDate,
  MemberReadinessAnswer,
  ReadinessResponse,
  ReadinessSummaryResponse,
  SkillsMatrixResponse,
} from '@him/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { queryParams } from './page-params';

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

  /** Members x skills on `asOf` with the R2 level and the level each role requires. */
  getSkillsMatrix(filter: { asOf?: IsoDate; teamId?: string }): Observable<SkillsMatrixResponse> {
    return this.http.get<SkillsMatrixResponse>(apiUrl('skills-matrix'), {
      params: queryParams(filter),
    });
  }
}
