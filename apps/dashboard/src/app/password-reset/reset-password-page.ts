import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { finalize } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LoginCard, LoginError } from '../login/login-card';

const MIN_LENGTH = 12;

function sameAsPassword(control: AbstractControl): ValidationErrors | null {
  const password = control.parent?.get('password')?.value;
  return control.value && control.value !== password ? { different: true } : null;
}

/** The page of the e-mailed link: choose a new password (the API applies the password policy). */
@Component({
  selector: 'him-reset-password-page',
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
    <him-login-card heading="Choose a new password">
      @if (done()) {
        <p class="login-intro" role="status">
          Your password is set, and you are signed out everywhere else. Sign in with your new
          password.
        </p>
        <p class="forgot"><a routerLink="/login">Sign in</a></p>
      } @else if (!token) {
        <p class="login-intro">
          This link is incomplete. Open the link of the e-mail again, or ask for a new one.
        </p>
        <p class="forgot"><a routerLink="/forgot-password">Ask for a new link</a></p>
      } @else {
        <p class="login-intro">
          At least {{ minLength }} characters. A passphrase of three or four unrelated words is easy
          to remember and hard to guess.
        </p>
        <him-login-error [message]="errorMessage()" />
        <form [formGroup]="form" (ngSubmit)="setPassword()" novalidate>
          <mat-form-field class="full-width">
            <mat-label>New password</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="new-password"
              required
            />
            @if (form.controls.password.hasError('required')) {
              <mat-error>Enter a new password.</mat-error>
            } @else if (form.controls.password.hasError('minlength')) {
              <mat-error>Use at least {{ minLength }} characters.</mat-error>
            }
          </mat-form-field>
          <mat-form-field class="full-width">
            <mat-label>New password again</mat-label>
            <input
              matInput
              type="password"
              formControlName="confirmation"
              autocomplete="new-password"
              required
            />
            @if (form.controls.confirmation.hasError('required')) {
              <mat-error>Enter the new password again.</mat-error>
            } @else if (form.controls.confirmation.hasError('different')) {
              <mat-error>The two passwords are not the same.</mat-error>
            }
          </mat-form-field>
          <button
            mat-flat-button
            type="submit"
            class="submit-button"
            [disabled]="submitting()"
            disabledInteractive
          >
            {{ submitting() ? 'Saving…' : 'Set the new password' }}
          </button>
        </form>
        @if (linkUnusable()) {
          <p class="forgot"><a routerLink="/forgot-password">Ask for a new link</a></p>
        }
      }
    </him-login-card>
  `,
  styleUrl: '../login/login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage {
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly minLength = MIN_LENGTH;
  protected readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get('token');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    password: ['', [Validators.required, Validators.minLength(MIN_LENGTH)]],
    confirmation: ['', [Validators.required, sameAsPassword]],
  });
  protected readonly submitting = signal(false);
  protected readonly done = signal(false);
  protected readonly linkUnusable = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected setPassword(): void {
    if (this.submitting() || !this.token) return;
    this.form.controls.confirmation.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.errorMessage.set(null);
    this.auth
      .resetPassword(this.token, this.form.getRawValue().password)
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.done.set(true),
        error: (error: unknown) => this.showError(error),
      });
  }

  private showError(error: unknown): void {
    const lines: unknown =
      error instanceof HttpErrorResponse ? (error.error as { message?: unknown })?.message : null;
    const first = Array.isArray(lines) && typeof lines[0] === 'string' ? lines[0] : '';
    if (first.startsWith('password ')) {
      this.errorMessage.set(`This password ${first.slice('password '.length)}.`);
    } else if (first.startsWith('token ')) {
      this.linkUnusable.set(true);
      this.errorMessage.set(
        'This link cannot be used any more: it was already used, has expired (links work for 30 minutes) or a newer one was sent. Ask for a new link.',
      );
    } else {
      this.errorMessage.set('The password could not be set right now. Try again in a moment.');
    }
  }
}
