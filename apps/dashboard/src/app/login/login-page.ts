import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AuthConfiguration } from '@him/contracts';
import { finalize } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LoginCard, LoginError } from './login-card';
import { homePathFor } from '../core/auth/roles';

export const WRONG_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';

/** Why the identity provider's sign-in was refused here (`?ssoError=`), in words a person can act on. */
export const SSO_ERRORS: Record<string, string> = {
  'no-account':
    'Your organization account is not set up for HIM Readiness yet. Ask an admin of your department to add you.',
  inactive: 'Your HIM Readiness account is deactivated. Ask an admin of your department.',
  'no-staff-record':
    'Your account has no staff record in HIM Readiness yet. Ask an admin of your department to add you.',
  unavailable:
    'The identity provider cannot be reached right now. Try again in a moment, or ask your IT help desk.',
  expired: 'The sign-in took too long or was started in another window. Try again.',
  failed:
    'Single sign-on did not complete. Try again, or ask your IT help desk if it keeps failing.',
};

@Component({
  selector: 'him-login-page',
  imports: [
    ReactiveFormsModule,
    LoginCard,
    LoginError,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    RouterLink,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput =
    viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly passwordVisible = signal(false);
  protected readonly config = signal<AuthConfiguration | null>(null);
  /** The password form: unless password sign-in is off (its break-glass admin opens `/login?password`). */
  protected readonly showPasswordForm = computed(() => {
    const config = this.config();
    return !config || config.passwordSignIn || this.route.snapshot.queryParamMap.has('password');
  });

  ngOnInit(): void {
    const query = this.route.snapshot.queryParamMap;
    const ticket = query.get('ssoTicket');
    const ssoError = query.get('ssoError');
    if (ticket) {
      this.completeSingleSignOn(ticket);
    } else if (ssoError) {
      this.errorMessage.set(SSO_ERRORS[ssoError] ?? SSO_ERRORS['failed']);
    }
    this.auth
      .configuration()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (config) => this.config.set(config), error: () => undefined });
  }

  /** The provider's sign-in, coming back to the page the user was sent away from. */
  protected singleSignOnUrl(startUrl: string): string {
    const returnTo = this.returnUrl();
    return returnTo ? `${startUrl}?returnTo=${encodeURIComponent(returnTo)}` : startUrl;
  }

  private completeSingleSignOn(ticket: string): void {
    this.submitting.set(true);
    this.auth
      .completeSingleSignOn(ticket)
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: ({ user, returnTo }) =>
          void this.router.navigateByUrl(
            (returnTo && insideApp(returnTo) ? returnTo : null) ?? homePathFor(user.role),
          ),
        error: () => this.errorMessage.set(SSO_ERRORS['expired']),
      });
  }

  protected signIn(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalidField();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.errorMessage.set(null);
    this.auth
      .login(email.trim(), password)
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (user) => void this.router.navigateByUrl(this.returnUrl() ?? homePathFor(user.role)),
        error: (error: unknown) => this.showSignInError(error),
      });
  }

  protected togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }

  private showSignInError(error: unknown): void {
    const status = error instanceof HttpErrorResponse ? error.status : -1;
    if (status === HttpStatusCode.Unauthorized) {
      this.errorMessage.set(WRONG_CREDENTIALS_MESSAGE);
      this.form.controls.password.reset();
      this.passwordInput().nativeElement.focus();
    } else if (status === HttpStatusCode.TooManyRequests) {
      this.errorMessage.set('Too many sign-in attempts. Wait a few minutes and try again.');
    } else if (status === 0) {
      this.errorMessage.set(
        'The server could not be reached. Check your connection and try again.',
      );
    } else {
      this.errorMessage.set('Sign-in is not working right now. Try again in a moment.');
    }
  }

  private focusFirstInvalidField(): void {
    const field = this.form.controls.email.invalid ? this.emailInput() : this.passwordInput();
    field.nativeElement.focus();
  }

  /** Only a path inside this app, so a crafted link cannot send the user elsewhere after sign-in. */
  private returnUrl(): string | null {
    const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
    return returnUrl && insideApp(returnUrl) ? returnUrl : null;
  }
}

function insideApp(url: string): boolean {
  return (
    url.startsWith('/') &&
    !url.startsWith('//') &&
    !url.startsWith('/\\') &&
    !url.startsWith('/login')
  );
}
