import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CeMinimum,
  CeRule,
  CoverageTarget,
  CredentialType,
  Department,
  Page,
  Requirement,
  Role,
  Skill,
  SkillCategory,
  SkillLevel,
  Staff,
  StaffStatus,
  Team,
  User,
  UserRole,
} from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from './api-url';
import { MAX_PAGE_SIZE } from './page-params';

/** A PATCH carries the version read; a stale one answers 409 (API.md). */
export type Change<T> = Partial<T> & { version: number };

export interface NewSkill {
  name: string;
  category: SkillCategory;
  description?: string | null;
}

export interface NewCredentialType {
  code: string;
  name: string;
  issuingBody: string;
  baseCeus: number;
  evidencesSkills: SkillLevel[];
}

export interface NewCeRule {
  issuingBody: string;
  cycleMonths: number;
  extraPerAdditional: number;
  cap: number | null;
  minimums: CeMinimum[];
}

export interface NewRole {
  name: string;
  description?: string | null;
  requirements: Requirement[];
}

export interface NewTeam {
  name: string;
  managerStaffIds: string[];
  coverageTargets: CoverageTarget[];
}

export interface NewUser {
  email: string;
  role: UserRole;
  staffId?: string | null;
  password: string;
}

export interface UserChange {
  role?: UserRole;
  staffId?: string | null;
  active?: boolean;
  password?: string;
  version: number;
}

export interface NewStaff {
  name: string;
  email: string;
  employeeId?: string | null;
  teamId: string;
  roleId: string;
  status: StaffStatus;
  hireDate: string;
}

export interface DepartmentChange {
  name?: string;
  timeZone?: string;
  requireVerification?: boolean;
  expiryWarningDays?: number;
  reminderLeadDays?: number[];
  version: number;
}

/** A catalog resource the admin area writes: `/skills`, `/credential-types`, `/roles` … */
export class CatalogResource<T, New> {
  constructor(
    private readonly http: HttpClient,
    private readonly path: string,
  ) {}

  list(): Observable<T[]> {
    return this.http
      .get<Page<T>>(apiUrl(this.path), { params: { limit: MAX_PAGE_SIZE, offset: 0 } })
      .pipe(map((page) => page.items ?? []));
  }

  create(body: New): Observable<T> {
    return this.http.post<T>(apiUrl(this.path), body);
  }

  update(key: string, change: Change<New>): Observable<T> {
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

  readonly skills = new CatalogResource<Skill, NewSkill>(this.http, 'skills');
  readonly credentialTypes = new CatalogResource<CredentialType, NewCredentialType>(
    this.http,
    'credential-types',
  );
  /** keyed by issuing body, not id */
  readonly ceRules = new CatalogResource<CeRule, NewCeRule>(this.http, 'ce-rules');
  readonly roles = new CatalogResource<Role, NewRole>(this.http, 'roles');
  readonly teams = new CatalogResource<Team, NewTeam>(this.http, 'teams');
  readonly staff = new CatalogResource<Staff, NewStaff>(this.http, 'staff');

  listUsers(): Observable<User[]> {
    return this.http
      .get<Page<User>>(apiUrl('users'), { params: { limit: MAX_PAGE_SIZE, offset: 0 } })
      .pipe(map((page) => page.items ?? []));
  }

  createUser(user: NewUser): Observable<User> {
    return this.http.post<User>(apiUrl('users'), user);
  }

  /** An admin cannot demote or deactivate themselves: 409. */
  updateUser(userId: string, change: UserChange): Observable<User> {
    return this.http.patch<User>(apiUrl(`users/${encodeURIComponent(userId)}`), change);
  }

  updateDepartment(change: DepartmentChange): Observable<Department> {
    return this.http.patch<Department>(apiUrl('department'), change);
  }
}
