import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ComplianceReportQuery } from '@him/contracts';
import type { Observable } from 'rxjs';
import { type DownloadedFile, downloadFile, withJsonErrors } from '../core/api/file-download';
import { queryParams } from '../core/api/page-params';

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /**
   * The compliance report as a file (the auth interceptor adds the bearer token). Named as the
   * API names it in Content-Disposition. A failed call's body is read back into the API's JSON
   * error so the page can say which field was wrong.
   */
  downloadComplianceReport(query: ComplianceReportQuery): Observable<DownloadedFile> {
    return withJsonErrors(
      downloadFile(
        this.http,
        'reports/compliance',
        queryParams({ ...query }),
        `compliance-report-${query.asOf ?? 'today'}.${query.format ?? 'csv'}`,
      ),
    );
  }

  /** One member's file (role, credentials with verification, assessments, CE, audit trail) as a PDF. */
  downloadMemberFile(staffId: string, asOf?: string): Observable<DownloadedFile> {
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
): Observable<DownloadedFile> {
  return withJsonErrors(
    downloadFile(
      http,
      `staff/${encodeURIComponent(staffId)}/file.pdf`,
      queryParams({ asOf }),
      `member-file-${asOf ?? 'today'}.pdf`,
    ),
  );
}
