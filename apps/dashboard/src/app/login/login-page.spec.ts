import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter, Router } from '@angular/router';
import type { AuthConfiguration, LoginResponse } from '@him/contracts';
import { testUser } from '../../testing/auth-session';
import {
  AUTH_CONFIG_URL,
  AuthService,
  LOGIN_URL,
  SSO_COMPLETE_URL,
} from '../core/auth/auth.service';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let page: HTMLElement;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  const PASSWORDS_ONLY: AuthConfiguration = {
    passwordSignIn: true,
    passwordReset: false,
    singleSignOn: null,
  };

  async function createPage(
    returnUrl?: string,
    config: AuthConfiguration = PASSWORDS_ONLY,
    query: Record<string, string> = {},
  ): Promise<void> {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: ActivatedRoute,
          useValue: {
            snapshot: {
              queryParamMap: convertToParamMap({ ...(returnUrl ? { returnUrl } : {}), ...query }),
            },
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    page = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne(AUTH_CONFIG_URL).flush(config);
    await fixture.whenStable();
  }

  function field(label: 'Email' | 'Password'): HTMLInputElement {
    const input = page.querySelector<HTMLInputElement>(
      label === 'Email'
        ? 'input[autocomplete="username"]'
        : 'input[autocomplete="current-password"]',
    );
    if (!input) {
      throw new Error(`no ${label} field`);
    }
    return input;
  }

  function type(label: 'Email' | 'Password', value: string): void {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function submitButton(): HTMLButtonElement {
    return page.querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
  }

  async function submit(): Promise<void> {
    submitButton().click();
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('labels both fields and sets their autocomplete purpose', async () => {
    await createPage();

    const labels = Array.from(page.querySelectorAll('mat-label')).map((label) =>
      label.textContent?.trim(),
    );
    expect(labels).toEqual(['Email', 'Password']);
    expect(field('Email').type).toBe('email');
    expect(field('Password').type).toBe('password');
    expect(page.querySelector('h1')?.textContent).toContain('Sign in');
  });

  it('explains what is missing instead of submitting an empty form', async () => {
    await createPage();

    await submit();

    expect(page.textContent).toContain('Enter your email address.');
    expect(page.textContent).toContain('Enter your password.');
    expect(document.activeElement).toBe(field('Email'));
    http.expectNone(LOGIN_URL);
  });

  it('rejects an email address without an @', async () => {
    await createPage();
    type('Email', 'manager');
    type('Password', 'secret');

    await submit();

    expect(page.textContent).toContain('Enter an email address like name@hospital.org.');
    http.expectNone(LOGIN_URL);
  });

  it('submits the credentials, disables the button meanwhile, and opens the start page', async () => {
    await createPage();
    type('Email', ' manager@hospital.test ');
    type('Password', 'secret');

    await submit();
    const request = http.expectOne(LOGIN_URL);
    expect(request.request.body).toEqual({ email: 'manager@hospital.test', password: 'secret' });
    expect(submitButton().getAttribute('aria-disabled')).toBe('true');
    expect(submitButton().textContent).toContain('Signing in');

    const response: LoginResponse = { accessToken: 'token-1', user: testUser('manager') };
    request.flush(response);
    await fixture.whenStable();

    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
    expect(navigateByUrl).toHaveBeenCalledWith('/overview');
    expect(submitButton().getAttribute('aria-disabled')).not.toBe('true');
  });

  it('returns to the page the user was sent away from', async () => {
    await createPage('/overview?asOf=2025-06-01');
    type('Email', 'manager@hospital.test');
    type('Password', 'secret');

    await submit();
    http.expectOne(LOGIN_URL).flush({ accessToken: 'token-1', user: testUser('manager') });
    await fixture.whenStable();

    expect(navigateByUrl).toHaveBeenCalledWith('/overview?asOf=2025-06-01');
  });

  it('ignores a return address outside the app', async () => {
    await createPage('//evil.example/phish');
    type('Email', 'staff@hospital.test');
    type('Password', 'secret');

    await submit();
    http.expectOne(LOGIN_URL).flush({ accessToken: 'token-1', user: testUser('staff') });
    await fixture.whenStable();

    expect(navigateByUrl).toHaveBeenCalledWith('/my-progress');
  });

  it('shows one generic message on 401 and clears the password', async () => {
    await createPage();
    type('Email', 'manager@hospital.test');
    type('Password', 'wrong');

    await submit();
    http
      .expectOne(LOGIN_URL)
      .flush(
        { statusCode: 401, message: 'Invalid credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();

    const alert = page.querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('Email or password is incorrect.');
    expect(field('Password').value).toBe('');
    expect(field('Email').value).toBe('manager@hospital.test');
    expect(navigateByUrl).not.toHaveBeenCalled();
    expect(submitButton().getAttribute('aria-disabled')).not.toBe('true');
  });

  it('says the server cannot be reached when the request fails without a response', async () => {
    await createPage();
    type('Email', 'manager@hospital.test');
    type('Password', 'secret');

    await submit();
    http.expectOne(LOGIN_URL).error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();

    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'The server could not be reached',
    );
  });

  describe('with single sign-on', () => {
    const SSO: AuthConfiguration = {
      passwordSignIn: true,
      passwordReset: true,
      singleSignOn: { providerName: 'Riverside Health', startUrl: '/api/v1/auth/oidc/start' },
    };

    function providerButton(): HTMLAnchorElement | null {
      return page.querySelector<HTMLAnchorElement>('a.sso-button');
    }

    it("offers the provider's button, coming back to the page the user was sent from", async () => {
      await createPage('/overview?asOf=2025-06-01', SSO);

      expect(providerButton()?.textContent?.trim()).toBe('Sign in with Riverside Health');
      expect(providerButton()?.getAttribute('href')).toBe(
        '/api/v1/auth/oidc/start?returnTo=%2Foverview%3FasOf%3D2025-06-01',
      );
      expect(page.querySelector('form')).not.toBeNull();
      expect(page.querySelector('a[href="/forgot-password"]')?.textContent).toContain(
        'Forgot password?',
      );
    });

    it('shows only the button when password sign-in is off', async () => {
      await createPage(undefined, { ...SSO, passwordSignIn: false });

      expect(providerButton()).not.toBeNull();
      expect(page.querySelector('form')).toBeNull();
    });

    it('keeps the password form for the break-glass admin at /login?password', async () => {
      await createPage(undefined, { ...SSO, passwordSignIn: false }, { password: '' });

      expect(page.querySelector('form')).not.toBeNull();
    });

    it("trades the provider's ticket for a session and opens the page it came from", async () => {
      await createPage(undefined, SSO, { ssoTicket: 'ticket-1' });

      const request = http.expectOne(SSO_COMPLETE_URL);
      expect(request.request.body).toEqual({ ticket: 'ticket-1' });
      request.flush({ accessToken: 'token-1', user: testUser('manager'), returnTo: '/coverage' });
      await fixture.whenStable();

      expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
      expect(navigateByUrl).toHaveBeenCalledWith('/coverage');
    });

    it('says why the provider sign-in was refused', async () => {
      await createPage(undefined, SSO, { ssoError: 'inactive' });

      expect(page.querySelector('[role="alert"]')?.textContent).toContain(
        'Your HIM Readiness account is deactivated',
      );
    });
  });

  it('says to ask an admin when no e-mail is configured for password resets', async () => {
    await createPage();

    expect(page.textContent).toContain('Ask an admin of your department to set a new one.');
    expect(page.querySelector('a[href="/forgot-password"]')).toBeNull();
  });
});
