import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { AuthService } from './auth.service';
import { homePathFor, routeAllowsUser } from './roles';

/** Signed-in users only; anyone else goes to the sign-in page and comes back after. */
export const authGuard: CanActivateFn = (_route, state) => {
  return inject(AuthService).isAuthenticated() || signInPage(inject(Router), state.url);
};

/**
 * Users whose role is in the route's `data.roles` (a route without `roles` is open to every
 * signed-in user) and, for `data.needsStaffRecord` pages, whose account is linked to a staff
 * record; others see the "no access" page rather than a page that would fail. A route
 * about one member (`data.notFoundWhenDenied`) answers "not found" instead, as the API does,
 * so a typed URL does not even confirm that the member exists.
 */
export const roleGuard: CanActivateFn = (route, state) => {
  const router = inject(Router);
  const user = inject(AuthService).user();
  if (!user) {
    return signInPage(router, state.url);
  }
  if (routeAllowsUser(route.data, user)) return true;
  return router.createUrlTree([route.data['notFoundWhenDenied'] ? '/not-found' : '/forbidden']);
};

/** The sign-in page is for signed-out users; a signed-in user goes to their start page. */
export const signedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return !auth.isAuthenticated() || inject(Router).parseUrl(homePathFor(auth.user()?.role));
};

function signInPage(router: Router, returnUrl: string): UrlTree {
  const queryParams = returnUrl && returnUrl !== '/' ? { returnUrl } : {};
  return router.createUrlTree(['/login'], { queryParams });
}
