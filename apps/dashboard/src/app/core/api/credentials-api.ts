import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateCredentialRequest,
  Credential,
  Page,
  SelfReportedCredentialRequest,
  TeamManagerContact,
  UpdateCredentialRequest,
} from '@him/contracts';
import { EMPTY, expand, map, Observable, reduce } from 'rxjs';
import { apiUrl } from './api-url';
import { MAX_PAGE_SIZE, queryParams } from './page-params';

@Injectable({ providedIn: 'root' })
export class CredentialsApi {
  private readonly http = inject(HttpClient);

  /** Every credential of the member, revoked ones included (they keep their history). */
  listForMember(staffId: string): Observable<Credential[]> {
    return this.http
      .get<Page<Credential>>(apiUrl(`staff/${encodeURIComponent(staffId)}/credentials`), {
        params: { limit: MAX_PAGE_SIZE, offset: 0 },
      })
      .pipe(map((page) => page.items ?? []));
  }

  /**
   * Every credential of a team's members (revoked ones included), in one request: the
   * largest page holds a team's. A bigger team's are fetched page by page rather than cut off.
   */
  listForTeam(teamId: string): Observable<Credential[]> {
    const pageAt = (offset: number) =>
      this.http.get<Page<Credential>>(apiUrl('credentials'), {
        params: { teamId, limit: MAX_PAGE_SIZE, offset },
      });
    return pageAt(0).pipe(
      expand((page, index) => {
        const next = (index + 1) * MAX_PAGE_SIZE;
        return (page.items?.length ?? 0) === MAX_PAGE_SIZE && next < page.total
          ? pageAt(next)
          : EMPTY;
      }),
      reduce((all, page) => all.concat(page.items ?? []), [] as Credential[]),
    );
  }

  add(staffId: string, credential: CreateCredentialRequest): Observable<Credential> {
    return this.http.post<Credential>(
      apiUrl(`staff/${encodeURIComponent(staffId)}/credentials`),
      credential,
    );
  }

  /** The member adds a credential they newly earned: stored unverified, for a manager to verify. */
  selfReport(staffId: string, credential: SelfReportedCredentialRequest): Observable<Credential> {
    return this.http.post<Credential>(
      apiUrl(`staff/${encodeURIComponent(staffId)}/credentials/self-reported`),
      credential,
    );
  }

  /** The managers of the member's team: whom the member asks. */
  teamManagers(staffId: string): Observable<TeamManagerContact[]> {
    return this.http.get<TeamManagerContact[]>(
      apiUrl(`staff/${encodeURIComponent(staffId)}/team-managers`),
    );
  }

  /** A PATCH: `version` is the one read (a stale one answers 409); `note` says why, for the audit trail. */
  update(credentialId: string, change: UpdateCredentialRequest): Observable<Credential> {
    return this.http.patch<Credential>(
      apiUrl(`credentials/${encodeURIComponent(credentialId)}`),
      change,
    );
  }

  /** DELETE revokes: the credential stays, with revokedOn and the reason. */
  revoke(credentialId: string, reason?: string): Observable<Credential> {
    return this.http.delete<Credential>(apiUrl(`credentials/${encodeURIComponent(credentialId)}`), {
      params: queryParams({ reason: reason?.trim() }),
    });
  }
}
