/**
 * The API is served on the same origin as the dashboard (the NestJS server also serves
 * the built dashboard; `nx serve` proxies `/api` to it), so every call is a relative URL.
 */
export const API_BASE_URL = '/api/v1';

export function apiUrl(path: string): string {
  return `${API_BASE_URL}/${path.replace(/^\/+/, '')}`;
}

/** True for requests to our own API, the only ones that may carry the access token. */
export function isApiRequest(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}
