import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { PRODUCT_NAME } from '../core/page-title-strategy';

/**
 * The frame of the pages before sign-in (sign in, forgot password, new password): the page's
 * main region with one card, the product's name and the page's heading; the rest is projected.
 */
@Component({
  selector: 'him-login-card',
  imports: [MatCardModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main id="main-content" class="login-layout" tabindex="-1">
      <mat-card class="login-card" appearance="outlined">
        @if (busyLabel(); as label) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="label" />
        }
        <mat-card-content>
          <p class="product-name">{{ productName }}</p>
          <h1 class="login-heading">{{ heading() }}</h1>
          <ng-content />
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styleUrl: './login-card.scss',
})
export class LoginCard {
  readonly heading = input.required<string>();
  /** while a request runs, the name of its progress bar ("Signing in"); null: no bar */
  readonly busyLabel = input<string | null>(null);

  protected readonly productName = PRODUCT_NAME;
}

/** The live region of a sign-in form: empty until a request fails, then what went wrong. */
@Component({
  selector: 'him-login-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="form-error" role="alert">
      @if (message(); as message) {
        <p>{{ message }}</p>
      }
    </div>
  `,
  styleUrl: './login-card.scss',
})
export class LoginError {
  readonly message = input.required<string | null>();
}
