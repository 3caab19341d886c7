import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEvent, Page } from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { MAX_PAGE_SIZE } from './page-params';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  /**
   * A member's whole audit trail (R16), newest first: their staff record and every
   * credential, assessment and CE activity of theirs, in one call.
   */
  listForMember(staffId: string): Observable<AuditEvent[]> {
    return this.http
      .get<Page<AuditEvent>>(apiUrl('audit'), {
        params: { staffId, limit: MAX_PAGE_SIZE, offset: 0 },
      })
      .pipe(map((page) => page.items ?? []));
  }
}
