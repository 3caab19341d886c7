import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  OnInit,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter } from 'rxjs';
import { NotificationsApi } from './notifications-api';

const REFRESH_MS = 60_000;

/** The top bar's bell: the unread count, in its accessible name too; opens the notifications page. */
@Component({
  selector: 'him-notification-bell',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a
      mat-icon-button
      class="bell"
      routerLink="/notifications"
      [attr.aria-label]="label()"
      [title]="label()"
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
        <path
          fill="currentColor"
          d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z"
        />
      </svg>
      @if (count() > 0) {
        <span class="badge" aria-hidden="true">{{ count() > 99 ? '99+' : count() }}</span>
      }
    </a>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    /* 36px, so that the phone's top bar still fits beside the menu, the name and Log out */
    .bell {
      position: relative;
      --mat-icon-button-state-layer-size: 36px;
      width: 36px;
      height: 36px;
      padding: 6px;
    }
    .badge {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      border-radius: 9px;
      background: #b3261e;
      color: #fff;
      font-size: 11px;
      font-weight: 600;
      line-height: 18px;
      text-align: center;
    }
  `,
})
export class NotificationBell implements OnInit {
  private readonly notifications = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly count = computed(() => this.notifications.unread() ?? 0);
  protected readonly label = computed(() => {
    const n = this.count();
    return n === 0 ? 'Notifications, none unread' : `Notifications, ${n} unread`;
  });

  ngOnInit(): void {
    this.notifications.refreshUnread();
    const timer = setInterval(() => this.notifications.refreshUnread(), REFRESH_MS);
    this.destroyRef.onDestroy(() => clearInterval(timer));
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.notifications.refreshUnread());
  }
}
