import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CeRule,
  Change,
  CreateCeRuleRequest,
  CreateCredentialTypeRequest,
  CreateRoleRequest,
  CreateSkillRequest,
  CreateStaffRequest,
  CreateTeamRequest,
  CreateUserRequest,
  CredentialType,
  Department,
  Page,
  Role,
  Skill,
  Staff,
  Team,
  UpdateDepartmentRequest,
  UpdateUserRequest,
  User,
} from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { MAX_PAGE_SIZE } from './page-params';

/**
 * A catalog resource the admin area writes: `/skills`, `/credential-types`, `/roles` … A PATCH
 * carries the version read; a stale one answers 409 (API.md).
 */
export class CatalogResource<T, CreateBody> {
  constructor(
    private readonly http: HttpClient,
    private readonly path: string,
  ) {}

  list(): Observable<T[]> {
    return this.http
      .get<Page<T>>(apiUrl(this.path), { params: { limit: MAX_PAGE_SIZE, offset: 0 } })
      .pipe(map((page) => page.items ?? []));
  }

  create(body: CreateBody): Observable<T> {
    return this.http.post<T>(apiUrl(this.path), body);
  }

  update(key: string, change: Change<CreateBody>): Observable<T> {
    return this.http.patch<T>(apiUrl(`${this.path}/${encodeURIComponent(key)}`), change);
  }

  remove(key: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`${this.path}/${encodeURIComponent(key)}`));
  }
}

/** The admin's writes to the catalog, accounts, department settings and staff directory. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  readonly skills = new CatalogResource<Skill, CreateSkillRequest>(this.http, 'skills');
  readonly credentialTypes = new CatalogResource<CredentialType, CreateCredentialTypeRequest>(
    this.http,
    'credential-types',
  );
  /** keyed by issuing body, not id */
  readonly ceRules = new CatalogResource<CeRule, CreateCeRuleRequest>(this.http, 'ce-rules');
  readonly roles = new CatalogResource<Role, CreateRoleRequest>(this.http, 'roles');
  readonly teams = new CatalogResource<Team, CreateTeamRequest>(this.http, 'teams');
  readonly staff = new CatalogResource<Staff, CreateStaffRequest>(this.http, 'staff');

  listUsers(): Observable<User[]> {
    return this.http
      .get<Page<User>>(apiUrl('users'), { params: { limit: MAX_PAGE_SIZE, offset: 0 } })
      .pipe(map((page) => page.items ?? []));
  }

  createUser(user: CreateUserRequest): Observable<User> {
    return this.http.post<User>(apiUrl('users'), user);
  }

  /** An admin cannot demote or deactivate themselves: 409. */
  updateUser(userId: string, change: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(apiUrl(`users/${encodeURIComponent(userId)}`), change);
  }

  updateDepartment(change: UpdateDepartmentRequest): Observable<Department> {
    return this.http.patch<Department>(apiUrl('department'), change);
  }
}
