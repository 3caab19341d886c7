import { HttpErrorResponse, HttpInterceptorFn, HttpStatusCode } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { isApiRequest } from '../api/api-url';
import { AuthService, LOGIN_URL, LOGOUT_URL } from './auth.service';

/**
 * Adds `Authorization: Bearer <token>` to calls to our API (never to other origins), and
 * on a 401 from anything but signing in or out ends the session and asks the user to sign
 * in again, coming back to where they were. Open forms keep their drafts first
 * (`AuthService.sessionExpiring`, `keepDraft`), so nothing typed is lost.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  // Sign-in and sign-out carry their own credentials; a 401 from them ends no session.
  const isLoginCall = request.url === LOGIN_URL || request.url === LOGOUT_URL;
  const token = auth.accessToken();

  const authorised =
    token && !isLoginCall && isApiRequest(request.url)
      ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
      : request;

  return next(authorised).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === HttpStatusCode.Unauthorized &&
        !isLoginCall
      ) {
        // Drafts are saved under the user while still signed in, before leaving the page.
        auth.endExpiredSession();
        const returnUrl = router.url;
        const queryParams =
          returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login') ? { returnUrl } : {};
        void router.navigate(['/login'], { queryParams });
      }
      return throwError(() => error);
    }),
  );
};
