import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { LoginResponse } from '@him/contracts';
import { storeSession, TEST_TOKEN, testUser } from '../../../testing/auth-session';
import { AuthService, LOGIN_URL, LOGOUT_URL, SESSION_STORAGE_KEY } from './auth.service';

describe('AuthService', () => {
  let http: HttpTestingController;

  function createService(): AuthService {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(AuthService);
  }

  beforeEach(() => sessionStorage.clear());
  afterEach(() => http.verify());

  it('posts the credentials and stores the token and user on login', () => {
    const auth = createService();
    const response: LoginResponse = { accessToken: 'token-123', user: testUser('manager') };
    let signedIn: unknown;

    auth.login('manager@hospital.test', 'secret').subscribe((user) => (signedIn = user));
    const request = http.expectOne(LOGIN_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'manager@hospital.test', password: 'secret' });
    request.flush(response);

    expect(signedIn).toEqual(response.user);
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.accessToken()).toBe('token-123');
    expect(auth.user()?.role).toBe('manager');
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual(response);
  });

  it('stores nothing when login fails', () => {
    const auth = createService();

    auth.login('manager@hospital.test', 'wrong').subscribe({ error: () => undefined });
    http
      .expectOne(LOGIN_URL)
      .flush({ message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });

    expect(auth.isAuthenticated()).toBe(false);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('restores the session from sessionStorage after a reload', () => {
    storeSession(testUser('admin'), 'stored-token');
    const auth = createService();

    expect(auth.accessToken()).toBe('stored-token');
    expect(auth.user()?.email).toBe('admin@hospital.test');
  });

  it('ignores a stored JWT that has already expired', () => {
    const payload = btoa(JSON.stringify({ sub: 'user-admin', exp: 1 })).replace(/=+$/, '');
    storeSession(testUser('admin'), `header.${payload}.signature`);
    const auth = createService();

    expect(auth.isAuthenticated()).toBe(false);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('clears the session and goes to the sign-in page on logout', () => {
    storeSession(testUser('manager'));
    const auth = createService();
    const navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);

    auth.logout();

    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.user()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigateByUrl).toHaveBeenCalledWith('/login');
    // the API is told to revoke the token, with the token the session had
    const revoke = http.expectOne(LOGOUT_URL);
    expect(revoke.request.method).toBe('POST');
    expect(revoke.request.headers.get('Authorization')).toBe(`Bearer ${TEST_TOKEN}`);
    revoke.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('ends the session on logout even when the API cannot be reached', () => {
    storeSession(testUser('staff'));
    const auth = createService();
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    auth.logout();
    http.expectOne(LOGOUT_URL).error(new ProgressEvent('error'));

    expect(auth.isAuthenticated()).toBe(false);
  });
});
