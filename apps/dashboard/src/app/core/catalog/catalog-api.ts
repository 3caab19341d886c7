import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CeRule, CredentialType, Page, Role, Skill, Team } from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from '../api/api-url';
import { MAX_PAGE_SIZE } from '../api/page-params';

/**
 * The department's catalog, readable by every role. Unlike `RequirementCatalogApi` (names
 * as a convenience), these calls fail when the API fails: forms cannot offer choices they
 * could not load.
 */
@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);

  skills(): Observable<Skill[]> {
    return this.listAll<Skill>('skills');
  }

  credentialTypes(): Observable<CredentialType[]> {
    return this.listAll<CredentialType>('credential-types');
  }

  ceRules(): Observable<CeRule[]> {
    return this.listAll<CeRule>('ce-rules');
  }

  roles(): Observable<Role[]> {
    return this.listAll<Role>('roles');
  }

  teams(): Observable<Team[]> {
    return this.listAll<Team>('teams');
  }

  private listAll<T>(resource: string): Observable<T[]> {
    return this.http
      .get<Page<T>>(apiUrl(resource), { params: { limit: MAX_PAGE_SIZE, offset: 0 } })
      .pipe(map((page) => page.items ?? []));
  }
}
