import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor } from '../core/auth/roles';

@Component({
  selector: 'him-not-found-page',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Page not found</h1>
    <p>There is no page at this address. Check the link, or start again from your start page.</p>
    <a mat-flat-button [routerLink]="homePath()">Go to your start page</a>
  `,
  styles: `
    h1 {
      margin: 8px 0 16px;
      font: var(--mat-sys-headline-medium);
    }
  `,
})
export class NotFoundPage {
  private readonly user = inject(AuthService).user;
  protected readonly homePath = computed(() => homePathFor(this.user()?.role));
}
