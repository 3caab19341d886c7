import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, Staff, StaffDetail, StaffStatus } from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { MAX_PAGE_SIZE, queryParams } from './page-params';

export interface StaffFilter {
  teamId?: string;
  roleId?: string;
  status?: StaffStatus;
  q?: string;
}

@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  /**
   * One member, with what the caller may do to them (`can`); another department's, or (for
   * staff) anyone but oneself, answers 404.
   */
  getStaff(staffId: string): Observable<StaffDetail> {
    return this.http.get<StaffDetail>(apiUrl(`staff/${encodeURIComponent(staffId)}`));
  }

  /** Members matching the filter (staff accounts get only themselves). */
  listStaff(filter: StaffFilter = {}): Observable<Staff[]> {
    return this.http
      .get<Page<Staff>>(apiUrl('staff'), {
        params: queryParams({ ...filter, limit: MAX_PAGE_SIZE, offset: 0 }),
      })
      .pipe(map((page) => page.items ?? []));
  }

  /** Deletes a record created by mistake (admins; 409 while anything refers to it). */
  deleteStaff(staffId: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`staff/${encodeURIComponent(staffId)}`));
  }
}
