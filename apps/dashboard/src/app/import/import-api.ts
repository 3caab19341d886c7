import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportFileFormat, ImportKind, ImportMode, ImportResult } from '@him/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from '../core/api/api-url';
import { type DownloadedFile, downloadFile } from '../core/api/file-download';

/** `GET /import/:kind/template` and `POST /import/:kind` (docs/import.md). */
@Injectable({ providedIn: 'root' })
export class ImportApi {
  private readonly http = inject(HttpClient);

  /** The template as a file; fetched (not linked) so that the request carries the access token. */
  downloadTemplate(kind: ImportKind, format: ImportFileFormat): Observable<DownloadedFile> {
    return downloadFile(
      this.http,
      `import/${encodeURIComponent(kind)}/template`,
      new HttpParams().set('format', format),
      `${kind}-import-template.${format}`,
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
