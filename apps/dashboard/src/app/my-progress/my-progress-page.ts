import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

/**
 * Staff members' start page. Their own credentials and CE progress come in a later
 * release; until then the page says so plainly instead of showing made-up figures.
 */
@Component({
  selector: 'him-my-progress-page',
  imports: [MatCardModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>My progress</h1>
    <mat-card appearance="outlined" class="notice">
      <mat-card-content>
        <p class="notice-label">
          <strong>Not available yet.</strong> This page is coming in a later release.
        </p>
        <p>When it is ready, it will show you:</p>
        <ul>
          <li>your credentials, whether each is current, and when each expires;</li>
          <li>
            your continuing-education hours for each certifying body, and what is still due this
            cycle;
          </li>
          <li>
            the skills and credentials your role requires, and which of them you already meet.
          </li>
        </ul>
        <p>Until then, ask your manager for your readiness details.</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    h1 {
      margin: 8px 0 16px;
      font: var(--mat-sys-headline-medium);
    }
    .notice {
      max-width: 720px;
      background: var(--mat-sys-surface-container-lowest);
    }
    .notice-label {
      margin-top: 0;
    }
  `,
})
export class MyProgressPage {}
