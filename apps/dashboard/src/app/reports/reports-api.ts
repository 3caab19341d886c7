import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ComplianceReportQuery } from '@him/contracts';
import { catchError, from, map, Observable, switchMap, throwError } from 'rxjs';
import { apiUrl } from '../core/api/api-url';
import { queryParams } from '../core/api/page-params';

export interface ReportFile {
  blob: Blob;
  fileName: string;
}

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /**
   * The compliance report as a file (the auth interceptor adds the bearer token). Named as the
   * API names it in Content-Disposition. A failed call's body is a Blob too: it is read back
   * into the API's JSON error so the page can say which field was wrong.
   */
  downloadComplianceReport(query: ComplianceReportQuery): Observable<ReportFile> {
    return this.http
      .get(apiUrl('reports/compliance'), {
        params: queryParams({ ...query }),
        responseType: 'blob',
        observe: 'response',
      })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob([]),
          fileName:
            fileNameFrom(response.headers.get('Content-Disposition')) ??
            `compliance-report-${query.asOf ?? 'today'}.${query.format ?? 'csv'}`,
        })),
        catchError((error: unknown) =>
          from(withJsonBody(error)).pipe(switchMap((e) => throwError(() => e))),
        ),
      );
  }

  /** One member's file (role, credentials with verification, assessments, CE, audit trail) as a PDF. */
  downloadMemberFile(staffId: string, asOf?: string): Observable<ReportFile> {
    return memberFileRequest(this.http, staffId, asOf);
  }
}

/**
 * A member's file as a PDF (`GET /staff/:id/file.pdf`), named as the API names it. Errors as
 * downloadComplianceReport's.
 */
export function memberFileRequest(
  http: HttpClient,
  staffId: string,
  asOf?: string,
): Observable<ReportFile> {
  return http
    .get(apiUrl(`staff/${encodeURIComponent(staffId)}/file.pdf`), {
      params: queryParams({ asOf }),
      responseType: 'blob',
      observe: 'response',
    })
    .pipe(
      map((response) => ({
        blob: response.body ?? new Blob([]),
        fileName:
          fileNameFrom(response.headers.get('Content-Disposition')) ??
          `member-file-${asOf ?? 'today'}.pdf`,
      })),
      catchError((error: unknown) =>
        from(withJsonBody(error)).pipe(switchMap((e) => throwError(() => e))),
      ),
    );
}

/** `attachment; filename="compliance-x.csv"` -> `compliance-x.csv` */
export function fileNameFrom(contentDisposition: string | null): string | null {
  const match = /filename="([^"]+)"/.exec(contentDisposition ?? '');
  return match ? match[1] : null;
}

async function withJsonBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) {
    return error;
  }
  try {
    const body: unknown = JSON.parse(await blobText(error.error));
    return new HttpErrorResponse({
      error: body,
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}

/** Blob.text(), with FileReader where a runtime lacks it (older engines, jsdom). */
function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') {
    return blob.text();
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
