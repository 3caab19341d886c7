import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { finalize } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor } from '../core/auth/roles';
import { PRODUCT_NAME } from '../core/page-title-strategy';

export const WRONG_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';

@Component({
  selector: 'him-login-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput =
    viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected readonly productName = PRODUCT_NAME;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly passwordVisible = signal(false);

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
    if (
      !returnUrl ||
      !returnUrl.startsWith('/') ||
      returnUrl.startsWith('//') ||
      returnUrl.startsWith('/login')
    ) {
      return null;
    }
    return returnUrl;
  }
}
