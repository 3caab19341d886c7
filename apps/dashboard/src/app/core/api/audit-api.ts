import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEvent, Page } from '@him/contracts';
import { forkJoin, map, Observable, of } from 'rxjs';
import { apiUrl } from './api-url';
import { MAX_PAGE_SIZE } from './page-params';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  /** The audit trail of one record (R16), newest first. */
  listForRecord(entityId: string): Observable<AuditEvent[]> {
    return this.http
      .get<Page<AuditEvent>>(apiUrl('audit'), {
        params: { entityId, limit: MAX_PAGE_SIZE, offset: 0 },
      })
      .pipe(map((page) => page.items ?? []));
  }

  /**
   * The trails of several records merged, newest first. The API filters by one record id
   * at a time, so this asks once per record (a member has a handful of credentials).
   */
  listForRecords(entityIds: readonly string[]): Observable<AuditEvent[]> {
    const unique = [...new Set(entityIds)];
    if (unique.length === 0) {
      return of([]);
    }
    return forkJoin(unique.map((id) => this.listForRecord(id))).pipe(
      map((trails) =>
        trails
          .flat()
          .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id.localeCompare(a.id))),
      ),
    );
  }
}
