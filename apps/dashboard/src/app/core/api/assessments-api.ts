import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Assessment, CreateAssessmentRequest, Page } from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { MAX_PAGE_SIZE } from './page-params';

@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  /** The member's assessments, newest first. */
  listForMember(staffId: string): Observable<Assessment[]> {
    return this.http
      .get<Page<Assessment>>(apiUrl(`staff/${encodeURIComponent(staffId)}/assessments`), {
        params: { limit: MAX_PAGE_SIZE, offset: 0 },
      })
      .pipe(map((page) => page.items ?? []));
  }

  /** 'self' only for one's own record; 'manager' only by a manager or admin. */
  record(staffId: string, assessment: CreateAssessmentRequest): Observable<Assessment> {
    return this.http.post<Assessment>(
      apiUrl(`staff/${encodeURIComponent(staffId)}/assessments`),
      assessment,
    );
  }
}
