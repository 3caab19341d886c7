import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CeActivity,
  CeActivityQueueItem,
  CeGroup,
  CreateCeActivityRequest,
  IsoDate,
  Page,
  ReviewCeActivityRequest,
  UpdateCeActivityRequest,
} from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { MAX_PAGE_SIZE, queryParams } from './page-params';

export interface CeReviewQueue {
  items: CeActivityQueueItem[];
  total: number;
}

@Injectable({ providedIn: 'root' })
export class CeApi {
  private readonly http = inject(HttpClient);

  /** CE status per CE group on `asOf` (R11 to R15); staff accounts get only their own. */
  getCeStatus(filter: {
    asOf?: IsoDate;
    staffId?: string;
    teamId?: string;
  }): Observable<CeGroup[]> {
    return this.http.get<CeGroup[]>(apiUrl('ce-status'), { params: queryParams(filter) });
  }

  /** The member's CE log, newest first. */
  listForMember(staffId: string): Observable<CeActivity[]> {
    return this.http
      .get<Page<CeActivity>>(apiUrl(`staff/${encodeURIComponent(staffId)}/ce-activities`), {
        params: { limit: MAX_PAGE_SIZE, offset: 0 },
      })
      .pipe(map((page) => page.items ?? []));
  }

  /** Logs an activity; a member's own entry is `submitted` until a reviewer approves it. */
  log(staffId: string, activity: CreateCeActivityRequest): Observable<CeActivity> {
    return this.http.post<CeActivity>(
      apiUrl(`staff/${encodeURIComponent(staffId)}/ce-activities`),
      activity,
    );
  }

  /** Changes an activity; the member may while it is submitted (afterwards the API answers 409). */
  update(activityId: string, change: UpdateCeActivityRequest): Observable<CeActivity> {
    return this.http.patch<CeActivity>(
      apiUrl(`ce-activities/${encodeURIComponent(activityId)}`),
      change,
    );
  }

  /** Withdraws (deletes) an activity, its certificate with it; the audit trail keeps it. */
  remove(activityId: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`ce-activities/${encodeURIComponent(activityId)}`));
  }

  /** Submitted activities of the teams the caller reviews, oldest first. */
  getReviewQueue(teamId?: string): Observable<CeReviewQueue> {
    return this.http
      .get<Page<CeActivityQueueItem>>(apiUrl('ce-activities'), {
        params: queryParams({ status: 'submitted', teamId, limit: MAX_PAGE_SIZE, offset: 0 }),
      })
      .pipe(map((page) => ({ items: page.items ?? [], total: page.total ?? 0 })));
  }

  review(activityId: string, decision: ReviewCeActivityRequest): Observable<CeActivity> {
    return this.http.post<CeActivity>(
      apiUrl(`ce-activities/${encodeURIComponent(activityId)}/review`),
      decision,
    );
  }
}
