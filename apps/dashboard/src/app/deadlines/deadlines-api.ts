import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DeadlinesResponse, IsoDate } from '@him/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../core/api/api-url';
import { queryParams } from '../core/api/page-params';

@Injectable({ providedIn: 'root' })
export class DeadlinesApi {
  private readonly http = inject(HttpClient);

  /** What falls due in the twelve months after asOf; without a team: a manager's own teams. */
  deadlines(filter: { asOf: IsoDate; teamId?: string }): Observable<DeadlinesResponse> {
    return this.http.get<DeadlinesResponse>(apiUrl('deadlines'), { params: queryParams(filter) });
  }
}
