import { HttpClient, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { EvidenceFile, EvidenceTarget, Page } from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from '../core/api/api-url';
import { MAX_PAGE_SIZE } from '../core/api/page-params';

const COLLECTION: Record<EvidenceTarget['kind'], string> = {
  credential: 'credentials',
  'ce-activity': 'ce-activities',
};

/** `/api/v1/evidence/:id`: the download address of a file (it needs the access token). */
export function evidenceUrl(id: string): string {
  return apiUrl(`evidence/${encodeURIComponent(id)}`);
}

/** Evidence files of credentials and CE activities. */
@Injectable({ providedIn: 'root' })
export class EvidenceApi {
  private readonly http = inject(HttpClient);

  list(target: EvidenceTarget): Observable<EvidenceFile[]> {
    return this.http
      .get<Page<EvidenceFile>>(this.collectionUrl(target), {
        params: { limit: MAX_PAGE_SIZE, offset: 0 },
      })
      .pipe(map((page) => page.items ?? []));
  }

  /** Multipart, the one field `file`; upload progress events where the browser reports them. */
  upload(target: EvidenceTarget, file: File): Observable<HttpEvent<EvidenceFile>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<EvidenceFile>(this.collectionUrl(target), body, {
      observe: 'events',
      reportProgress: true,
    });
  }

  /** The content, through HttpClient so the access token goes with it. */
  download(id: string): Observable<Blob> {
    return this.http.get(evidenceUrl(id), { responseType: 'blob' });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(evidenceUrl(id));
  }

  private collectionUrl(target: EvidenceTarget): string {
    return apiUrl(`${COLLECTION[target.kind]}/${encodeURIComponent(target.id)}/evidence`);
  }
}
