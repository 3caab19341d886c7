import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { IsoDate, TrainingGapsResponse } from '@him/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../core/api/api-url';
import { queryParams } from '../core/api/page-params';

export type GapsFilter = {
  asOf: IsoDate;
  /** undefined: a manager's own teams, every team for an admin */
  teamId?: string;
};

@Injectable({ providedIn: 'root' })
export class TrainingGapsApi {
  private readonly http = inject(HttpClient);

  gaps(filter: GapsFilter): Observable<TrainingGapsResponse> {
    return this.http.get<TrainingGapsResponse>(apiUrl('readiness/gaps'), {
      params: queryParams(filter),
    });
  }

  csv(filter: GapsFilter): Observable<Blob> {
    return this.http.get(apiUrl('readiness/gaps'), {
      params: queryParams({ ...filter, format: 'csv' }),
      responseType: 'blob',
    });
  }
}
