import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { IsoDate, ReadinessResponse } from '@him/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';

@Injectable({ providedIn: 'root' })
export class SurveyReadinessApi {
  private readonly http = inject(HttpClient);

  /**
   * Readiness on `asOf` with an extra forecast point on `surveyDate` (R9: "who will have
   * lapsed by the survey"); the survey date is at most about three years after `asOf`.
   */
  getReadinessForSurvey(asOf: IsoDate, surveyDate: IsoDate): Observable<ReadinessResponse> {
    return this.http.get<ReadinessResponse>(apiUrl('readiness'), {
      params: { asOf, surveyDate },
    });
  }
}
