import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Expiration, IsoDate } from '@him/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { queryParams } from './page-params';

@Injectable({ providedIn: 'root' })
export class ExpirationsApi {
  private readonly http = inject(HttpClient);

  /** Credentials current on `asOf` that expire within `withinDays` after it (R10), soonest first. */
  getExpirations(filter: {
    asOf?: IsoDate;
    withinDays?: number;
    teamId?: string;
  }): Observable<Expiration[]> {
    return this.http.get<Expiration[]>(apiUrl('expirations'), { params: queryParams(filter) });
  }
}
