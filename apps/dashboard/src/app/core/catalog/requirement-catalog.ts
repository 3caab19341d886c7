import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CredentialType, Page, Skill } from '@him/contracts';
import type { RequirementNames } from '@him/domain';
import { catchError, forkJoin, map, Observable, of } from 'rxjs';
import { apiUrl } from '../api/api-url';

/** Names for the ids inside a `Requirement`, so people read "CCS or CPC", not UUIDs. */
export type RequirementCatalog = RequirementNames;

export const EMPTY_REQUIREMENT_CATALOG: RequirementCatalog = {
  skillNames: new Map(),
  credentialTypeCodes: new Map(),
};

/** API.md: lists answer at most 500 items per page. */
const CATALOG_PAGE_SIZE = 500;

@Injectable({ providedIn: 'root' })
export class RequirementCatalogApi {
  private readonly http = inject(HttpClient);

  /**
   * Skills and credential types of the caller's department. Names are a convenience: when
   * either list cannot be read the labels fall back to short ids instead of failing the page.
   */
  getRequirementCatalog(): Observable<RequirementCatalog> {
    return forkJoin({
      skills: this.listAll<Skill>('skills'),
      credentialTypes: this.listAll<CredentialType>('credential-types'),
    }).pipe(map(({ skills, credentialTypes }) => requirementCatalogOf(skills, credentialTypes)));
  }

  private listAll<T>(resource: string): Observable<T[]> {
    return this.http
      .get<Page<T>>(apiUrl(resource), { params: { limit: CATALOG_PAGE_SIZE, offset: 0 } })
      .pipe(
        map((page) => page.items ?? []),
        catchError(() => of([] as T[])),
      );
  }
}

/** The names a page needs for requirement labels, from skill and credential type lists it already has. */
export function requirementCatalogOf(
  skills: readonly Pick<Skill, 'id' | 'name'>[],
  credentialTypes: readonly Pick<CredentialType, 'id' | 'code'>[],
): RequirementCatalog {
  return {
    skillNames: new Map(skills.map((skill) => [skill.id, skill.name])),
    credentialTypeCodes: new Map(credentialTypes.map((type) => [type.id, type.code])),
  };
}
