import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Department } from '@him/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';

@Injectable({ providedIn: 'root' })
export class DepartmentApi {
  private readonly http = inject(HttpClient);

  /** The caller's department settings: time zone, expiry warning window (R10) ... */
  getDepartment(): Observable<Department> {
    return this.http.get<Department>(apiUrl('department'));
  }
}
