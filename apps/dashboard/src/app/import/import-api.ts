import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportFileFormat, ImportKind, ImportMode, ImportResult } from '@him/contracts';
import { map, Observable } from 'rxjs';
import { apiUrl } from '../core/api/api-url';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** `GET /import/:kind/template` and `POST /import/:kind` (docs/import.md). */
@Injectable({ providedIn: 'root' })
export class ImportApi {
  private readonly http = inject(HttpClient);

  /** The template as a file; fetched (not linked) so that the request carries the access token. */
  downloadTemplate(kind: ImportKind, format: ImportFileFormat): Observable<DownloadedFile> {
    return this.http
      .get(apiUrl(`import/${encodeURIComponent(kind)}/template`), {
        params: new HttpParams().set('format', format),
        responseType: 'blob',
        observe: 'response',
      })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob([]),
          fileName:
            fileNameFrom(response.headers.get('Content-Disposition')) ??
            `${kind}-import-template.${format}`,
        })),
      );
  }

  /** A dry run (checks, writes nothing) or a commit (all rows or none) of one file. */
  importFile(kind: ImportKind, mode: ImportMode, file: File): Observable<ImportResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportResult>(apiUrl(`import/${encodeURIComponent(kind)}`), body, {
      params: new HttpParams().set('mode', mode),
    });
  }
}

function fileNameFrom(disposition: string | null): string | null {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match ? match[1] : null;
}
