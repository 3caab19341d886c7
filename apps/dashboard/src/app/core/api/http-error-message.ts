import { HttpErrorResponse } from '@angular/common/http';

/**
 * A sentence a person can act on for a failed API call. 401 never reaches a page: the
 * auth interceptor sends the user to the sign-in page first.
 */
export function httpErrorMessage(error: unknown, what: string): string {
  if (!(error instanceof HttpErrorResponse)) {
    return `Something went wrong while loading ${what}.`;
  }
  switch (error.status) {
    case 0:
      return `The server could not be reached, so ${what} could not be loaded. Check your connection and try again.`;
    case 400:
      return validationMessage(error) ?? `The server could not load ${what} for this request.`;
    case 403:
      return `Your account does not have access to ${what}.`;
    case 404:
      return `${capitalise(what)} could not be found.`;
    default:
      return error.status >= 500
        ? `The server had a problem loading ${what} (error ${error.status}). Try again in a moment.`
        : `Something went wrong while loading ${what} (error ${error.status}).`;
  }
}

/** API.md: 400 answers `{statusCode, error, message: [human-readable lines]}`. */
function validationMessage(error: HttpErrorResponse): string | null {
  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message) && message.every((line) => typeof line === 'string')) {
      return message.join(' ');
    }
    if (typeof message === 'string') {
      return message;
    }
  }
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
