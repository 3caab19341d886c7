import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { homePathFor } from '../../core/auth/roles';

/** A page that cannot be shown: its heading, why (projected), and the way to the start page. */
@Component({
  selector: 'him-dead-end',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ heading() }}</h1>
    <ng-content />
    <a mat-flat-button [routerLink]="homePath()">Go to your start page</a>
  `,
  styles: `
    :host {
      display: block;
    }
    h1 {
      margin: 8px 0 16px;
      font: var(--mat-sys-headline-medium);
    }
  `,
})
export class DeadEnd {
  readonly heading = input.required<string>();

  private readonly user = inject(AuthService).user;
  protected readonly homePath = computed(() => homePathFor(this.user()?.role));
}
