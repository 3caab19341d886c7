import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { IsoDate, ReadinessResponse } from '@him/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';

@Injectable({ providedIn: 'root' })
export class ReadinessApi {
  private readonly http = inject(HttpClient);

  /** Department readiness on `asOf` (R8) with its forecast (R9); `teamId` narrows it to one team. */
  getReadiness(asOf: IsoDate, teamId?: string): Observable<ReadinessResponse> {
    const params: Record<string, string> = { asOf };
    if (teamId) {
      params['teamId'] = teamId;
    }
    return this.http.get<ReadinessResponse>(apiUrl('readiness'), { params });
  }
}
