import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { storeSession, TEST_TOKEN, testUser } from '../../../testing/auth-session';
import { draftKey } from '../forms/draft-storage';
import { FormDrafts } from '../forms/form-drafts';
import { authInterceptor } from './auth.interceptor';
import { AuthService, LOGIN_URL, SESSION_STORAGE_KEY } from './auth.service';

describe('authInterceptor', () => {
  let http: HttpClient;
  let httpTesting: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    sessionStorage.clear();
    storeSession(testUser('manager'));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpTesting = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => httpTesting.verify());

  it('adds the bearer token to API calls', () => {
    http.get('/api/v1/readiness').subscribe();

    const request = httpTesting.expectOne('/api/v1/readiness');
    expect(request.request.headers.get('Authorization')).toBe(`Bearer ${TEST_TOKEN}`);
    request.flush({});
  });

  it('does not send the token to other origins or with the sign-in call', () => {
    http.get('https://example.org/data').subscribe();
    http.post(LOGIN_URL, {}).subscribe();

    expect(
      httpTesting.expectOne('https://example.org/data').request.headers.has('Authorization'),
    ).toBe(false);
    expect(httpTesting.expectOne(LOGIN_URL).request.headers.has('Authorization')).toBe(false);
  });

  it('on a 401 ends the session and sends the user to sign in, returning to the current page', () => {
    jest.spyOn(router, 'url', 'get').mockReturnValue('/overview?asOf=2025-06-01');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    let failure: unknown;

    http.get('/api/v1/readiness').subscribe({ error: (error: unknown) => (failure = error) });
    httpTesting
      .expectOne('/api/v1/readiness')
      .flush({}, { status: 401, statusText: 'Unauthorized' });

    expect((failure as HttpErrorResponse).status).toBe(401);
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { returnUrl: '/overview?asOf=2025-06-01' },
    });
  });

  it('on a 401 lets open forms keep their drafts before ending the session and navigating', () => {
    jest.spyOn(router, 'url', 'get').mockReturnValue('/my-progress');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const auth = TestBed.inject(AuthService);
    const seen: { userId: string; signedIn: boolean; navigated: boolean }[] = [];
    auth.sessionExpiring.subscribe((user) => {
      seen.push({
        userId: user.id,
        signedIn: auth.isAuthenticated(),
        navigated: navigate.mock.calls.length > 0,
      });
      TestBed.inject(FormDrafts).save('ce-activity.staff-1', { title: 'Coding update' });
    });

    http.get('/api/v1/readiness').subscribe({ error: () => undefined });
    httpTesting
      .expectOne('/api/v1/readiness')
      .flush({}, { status: 401, statusText: 'Unauthorized' });

    expect(seen).toEqual([{ userId: 'user-manager', signedIn: true, navigated: false }]);
    expect(
      JSON.parse(sessionStorage.getItem(draftKey('user-manager', 'ce-activity.staff-1')) ?? 'null'),
    ).toEqual({ title: 'Coding update' });
    expect(auth.isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { returnUrl: '/my-progress' },
    });
  });

  it('tells forms only once when several calls fail with a 401 together', () => {
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const expiring = jest.fn();
    TestBed.inject(AuthService).sessionExpiring.subscribe(expiring);

    http.get('/api/v1/readiness').subscribe({ error: () => undefined });
    http.get('/api/v1/department').subscribe({ error: () => undefined });
    httpTesting
      .expectOne('/api/v1/readiness')
      .flush({}, { status: 401, statusText: 'Unauthorized' });
    httpTesting
      .expectOne('/api/v1/department')
      .flush({}, { status: 401, statusText: 'Unauthorized' });

    expect(expiring).toHaveBeenCalledTimes(1);
  });

  it('leaves a 401 from the sign-in call to the sign-in page', () => {
    const navigate = jest.spyOn(router, 'navigate');

    http.post(LOGIN_URL, {}).subscribe({ error: () => undefined });
    httpTesting.expectOne(LOGIN_URL).flush({}, { status: 401, statusText: 'Unauthorized' });

    expect(navigate).not.toHaveBeenCalled();
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
  });

  it('passes other errors through without ending the session', () => {
    const navigate = jest.spyOn(router, 'navigate');

    http.get('/api/v1/readiness').subscribe({ error: () => undefined });
    httpTesting.expectOne('/api/v1/readiness').flush({}, { status: 403, statusText: 'Forbidden' });

    expect(navigate).not.toHaveBeenCalled();
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
  });
});
