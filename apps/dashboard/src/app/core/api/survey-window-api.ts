import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { IsoDate, ReassessmentDue, SurveyWindowResponse } from '@him/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { queryParams } from './page-params';

/** The unannounced-survey window and the competence reassessments due. */
@Injectable({ providedIn: 'root' })
export class SurveyWindowApi {
  private readonly http = inject(HttpClient);

  /** The lowest figures over [from, to], assuming nothing renews after `asOf`. */
  getSurveyWindow(query: {
    asOf: IsoDate;
    from: IsoDate;
    to: IsoDate;
    teamId?: string;
  }): Observable<SurveyWindowResponse> {
    return this.http.get<SurveyWindowResponse>(apiUrl('readiness/window'), {
      params: queryParams(query),
    });
  }

  /** Assessments whose counting period ends within the window or has ended (overdue first). */
  getReassessmentsDue(query: {
    asOf?: IsoDate;
    staffId?: string;
    teamId?: string;
    withinDays?: number;
  }): Observable<ReassessmentDue[]> {
    return this.http.get<ReassessmentDue[]>(apiUrl('reassessments-due'), {
      params: queryParams(query),
    });
  }
}
