import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor, ROLE_LABELS } from '../core/auth/roles';

/** Where the role guard sends a signed-in user who opened a page their role may not see. */
@Component({
  selector: 'him-forbidden-page',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>You don't have access to this page</h1>
    <p>
      Your account's role ({{ roleLabel() }}) cannot open that page. If you think you need it, ask
      your department's administrator.
    </p>
    <a mat-flat-button [routerLink]="homePath()">Go to your start page</a>
  `,
  styles: `
    h1 {
      margin: 8px 0 16px;
      font: var(--mat-sys-headline-medium);
    }
  `,
})
export class ForbiddenPage {
  private readonly user = inject(AuthService).user;
  protected readonly homePath = computed(() => homePathFor(this.user()?.role));
  protected readonly roleLabel = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_LABELS[role] : 'unknown';
  });
}
