import { type HttpClient, HttpErrorResponse, type HttpParams } from '@angular/common/http';
import { catchError, from, map, type Observable, switchMap, throwError } from 'rxjs';
import { apiUrl } from './api-url';

/** A file the API sent, with the name to save it under. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * `GET path` as a file, fetched (not linked) so that the request carries the access token, and
 * named as the API names it in Content-Disposition, else `fallbackName`.
 */
export function downloadFile(
  http: HttpClient,
  path: string,
  params: HttpParams | Record<string, string | number>,
  fallbackName: string,
): Observable<DownloadedFile> {
  return http.get(apiUrl(path), { params, responseType: 'blob', observe: 'response' }).pipe(
    map((response) => ({
      blob: response.body ?? new Blob([]),
      fileName: fileNameFrom(response.headers.get('Content-Disposition')) ?? fallbackName,
    })),
  );
}

/** `attachment; filename="compliance-x.csv"` -> `compliance-x.csv` */
export function fileNameFrom(contentDisposition: string | null): string | null {
  const match = /filename="?([^";]+)"?/i.exec(contentDisposition ?? '');
  return match ? match[1] : null;
}

/**
 * A failed download's body is a Blob too: this reads it back into the API's JSON error, so the
 * page can say which field was wrong.
 */
export function withJsonErrors<T>(request: Observable<T>): Observable<T> {
  return request.pipe(
    catchError((error: unknown) =>
      from(withJsonBody(error)).pipe(switchMap((e) => throwError(() => e))),
    ),
  );
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
