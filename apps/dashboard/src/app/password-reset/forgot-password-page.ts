import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { finalize } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LoginCard, LoginError } from '../login/login-card';

/** "Forgot password?": asks for a one-time link by e-mail; the answer is the same for every address. */
@Component({
  selector: 'him-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    LoginCard,
    LoginError,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    RouterLink,
  ],
  template: `
    <him-login-card heading="Forgot password">
      @if (sentMessage(); as sent) {
        <p class="login-intro" role="status">{{ sent }}</p>
      } @else {
        <p class="login-intro">
          Enter the e-mail address of your account. We will send you a link to choose a new
          password.
        </p>
        <him-login-error [message]="errorMessage()" />
        <form [formGroup]="form" (ngSubmit)="sendResetLink()" novalidate>
          <mat-form-field class="full-width">
            <mat-label>Email</mat-label>
            <input
              matInput
              type="email"
              formControlName="email"
              autocomplete="username"
              inputmode="email"
              spellcheck="false"
              required
            />
            @if (form.controls.email.hasError('required')) {
              <mat-error>Enter your email address.</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>Enter an email address like name&#64;hospital.org.</mat-error>
            }
          </mat-form-field>
          <button
            mat-flat-button
            type="submit"
            class="submit-button"
            [disabled]="submitting()"
            disabledInteractive
          >
            {{ submitting() ? 'Sending…' : 'Send the link' }}
          </button>
        </form>
      }
      <p class="forgot"><a routerLink="/login">Back to sign in</a></p>
    </him-login-card>
  `,
  styleUrl: '../login/login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly submitting = signal(false);
  protected readonly sentMessage = signal<string | null>(null);
  protected readonly errorMessage = signal<string | null>(null);

  protected sendResetLink(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.errorMessage.set(null);
    this.auth
      .requestPasswordReset(this.form.getRawValue().email.trim())
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (message) => this.sentMessage.set(message),
        error: (error: unknown) => {
          const status = error instanceof HttpErrorResponse ? error.status : -1;
          this.errorMessage.set(
            status === HttpStatusCode.NotFound
              ? 'Password reset by e-mail is not available here. Ask an admin of your department to set a new password.'
              : status === HttpStatusCode.TooManyRequests
                ? 'Too many requests. Wait 15 minutes and try again.'
                : 'The link could not be sent right now. Try again in a moment.',
          );
        },
      });
  }
}
