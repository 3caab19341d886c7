import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import type {
  AuthConfiguration,
  AuthUser,
  LoginRequest,
  LoginResponse,
  LogoutResponse,
  PasswordResetCompleteRequest,
  PasswordResetRequest,
  SingleSignOnCompleteRequest,
  SingleSignOnResponse,
} from '@him/contracts';
import { map, Observable, Subject, tap } from 'rxjs';
import { apiUrl } from '../api/api-url';
import { removeDraftsOf } from '../forms/draft-storage';

export const LOGIN_URL = apiUrl('auth/login');
export const LOGOUT_URL = apiUrl('auth/logout');
export const AUTH_CONFIG_URL = apiUrl('auth/config');
export const SSO_COMPLETE_URL = apiUrl('auth/oidc/complete');
export const PASSWORD_RESET_URL = apiUrl('auth/password-reset');
export const PASSWORD_RESET_COMPLETE_URL = apiUrl('auth/password-reset/complete');
export const SESSION_STORAGE_KEY = 'him.session';

interface Session {
  accessToken: string;
  user: AuthUser;
}

/**
 * The signed-in user and their access token. The session lives in sessionStorage: it
 * survives a reload but not closing the tab, which suits shared hospital workstations.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly session = signal<Session | null>(readStoredSession());
  private readonly expiring = new Subject<AuthUser>();

  readonly user = computed(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly isAuthenticated = computed(() => this.session() !== null);

  /**
   * Emits the user whose session the API has just refused (a 401), while they are still
   * signed in: the moment for open forms to keep what was typed (`keepDraft`).
   */
  readonly sessionExpiring: Observable<AuthUser> = this.expiring.asObservable();

  login(email: string, password: string): Observable<AuthUser> {
    const body: LoginRequest = { email, password };
    return this.http.post<LoginResponse>(LOGIN_URL, body).pipe(
      tap((response) =>
        this.startSession({ accessToken: response.accessToken, user: response.user }),
      ),
      map((response) => response.user),
    );
  }

  /** How people sign in here: the provider's button, password sign-in, "Forgot password?". */
  configuration(): Observable<AuthConfiguration> {
    return this.http.get<AuthConfiguration>(AUTH_CONFIG_URL);
  }

  /** Trades the ticket the identity provider's redirect brought for a session; answers where to go. */
  completeSingleSignOn(ticket: string): Observable<{ user: AuthUser; returnTo: string | null }> {
    const body: SingleSignOnCompleteRequest = { ticket };
    return this.http.post<SingleSignOnResponse>(SSO_COMPLETE_URL, body).pipe(
      tap((response) =>
        this.startSession({ accessToken: response.accessToken, user: response.user }),
      ),
      map((response) => ({ user: response.user, returnTo: response.returnTo })),
    );
  }

  /** Asks for a one-time link by e-mail; answers the API's words (the same for every address). */
  requestPasswordReset(email: string): Observable<string> {
    const body: PasswordResetRequest = { email };
    return this.http
      .post<{ message: string }>(PASSWORD_RESET_URL, body)
      .pipe(map((response) => response.message));
  }

  resetPassword(token: string, password: string): Observable<void> {
    const body: PasswordResetCompleteRequest = { token, password };
    return this.http.post<void>(PASSWORD_RESET_COMPLETE_URL, body);
  }

  /**
   * Ends the session and returns to the sign-in page; the user's form drafts go with it. The API
   * revokes the token (`POST /auth/logout`), so a copy of it left in this browser is worthless;
   * the session here ends whatever the API answers. A session begun at the identity provider
   * then ends there too: the browser goes to the provider's sign-out, which sends it back here.
   */
  logout(): void {
    const user = this.user();
    const token = this.accessToken();
    if (user) {
      removeDraftsOf(user.id);
    }
    if (token) {
      this.http
        .post<LogoutResponse | null>(LOGOUT_URL, null, {
          headers: { Authorization: `Bearer ${token}` },
        })
        .subscribe({
          next: (response) => {
            const endSession = response?.endSessionUrl;
            if (endSession && /^https?:\/\//.test(endSession)) {
              this.document.location.assign(endSession);
            }
          },
          error: () => undefined,
        });
    }
    this.clearSession();
    void this.router.navigateByUrl('/login');
  }

  /**
   * The API no longer accepts the session: tells `sessionExpiring` listeners first (so forms
   * save their drafts under this user), then forgets the session without navigating.
   */
  endExpiredSession(): void {
    const user = this.user();
    try {
      if (user) {
        this.expiring.next(user);
      }
    } finally {
      this.clearSession();
    }
  }

  /** Forgets the token and user without navigating (the caller decides where to go). */
  clearSession(): void {
    this.session.set(null);
    try {
      sessionStorage.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // Storage can be unavailable (privacy settings); the in-memory session is already gone.
    }
  }

  private startSession(session: Session): void {
    this.session.set(session);
    try {
      sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Without storage the session lasts until the page is reloaded.
    }
  }
}

function readStoredSession(): Session | null {
  try {
    const stored = sessionStorage.getItem(SESSION_STORAGE_KEY);
    if (!stored) {
      return null;
    }
    const session = JSON.parse(stored) as Partial<Session>;
    if (
      typeof session.accessToken !== 'string' ||
      !session.user ||
      tokenHasExpired(session.accessToken)
    ) {
      sessionStorage.removeItem(SESSION_STORAGE_KEY);
      return null;
    }
    return session as Session;
  } catch {
    return null;
  }
}

/**
 * A JWT whose `exp` has passed would only earn a 401 on the first call; drop it up front.
 * A token that is not a readable JWT is left for the API to judge.
 */
function tokenHasExpired(token: string, nowMs = Date.now()): boolean {
  try {
    const payload = token.split('.')[1];
    if (!payload) {
      return false;
    }
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp: unknown = JSON.parse(json).exp;
    return typeof exp === 'number' && exp * 1000 <= nowMs;
  } catch {
    return false;
  }
}
