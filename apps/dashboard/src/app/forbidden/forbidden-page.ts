import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthService } from '../core/auth/auth.service';
import { ROLE_LABELS } from '../core/auth/roles';
import { DeadEnd } from '../shared/dead-end/dead-end';

/** Where the role guard sends a signed-in user who opened a page their role may not see. */
@Component({
  selector: 'him-forbidden-page',
  imports: [DeadEnd],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-dead-end heading="You don't have access to this page">
      <p>
        Your account's role ({{ roleLabel() }}) cannot open that page. If you think you need it, ask
        your department's administrator.
      </p>
    </him-dead-end>
  `,
})
export class ForbiddenPage {
  private readonly user = inject(AuthService).user;
  protected readonly roleLabel = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_LABELS[role] : 'unknown';
  });
}
