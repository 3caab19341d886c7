import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CalendarToken,
  CreateCalendarTokenRequest,
  CreatedCalendarToken,
  Page,
} from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from '../core/api/api-url';
import { MAX_PAGE_SIZE } from '../core/api/page-params';

/** The signed-in user's calendar feed tokens (`/calendar-tokens`). */
@Injectable({ providedIn: 'root' })
export class CalendarFeedsApi {
  private readonly http = inject(HttpClient);

  /** Newest first, revoked ones included; never the secret. */
  list(): Observable<CalendarToken[]> {
    return this.http
      .get<Page<CalendarToken>>(apiUrl('calendar-tokens'), {
        params: { limit: MAX_PAGE_SIZE, offset: 0 },
      })
      .pipe(map((page) => page.items ?? []));
  }

  /** The answer carries the secret and the feed path: the only time they are seen. */
  create(request: CreateCalendarTokenRequest): Observable<CreatedCalendarToken> {
    return this.http.post<CreatedCalendarToken>(apiUrl('calendar-tokens'), request);
  }

  revoke(id: string): Observable<CalendarToken> {
    return this.http.delete<CalendarToken>(apiUrl(`calendar-tokens/${encodeURIComponent(id)}`));
  }
}
