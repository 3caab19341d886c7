import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import {
  ActivatedRoute,
  NavigationEnd,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { homePathFor, ROLE_LABELS, routeAllowsUser } from '../core/auth/roles';
import { PRODUCT_NAME } from '../core/page-title-strategy';
import { NotificationBell } from '../notifications/notification-bell';
import { navEntryOf, navIconPath } from './nav-entry';

interface NavLink {
  path: string;
  label: string;
  iconPath: string | null;
}

/** Narrow screens get an overlay navigation drawer instead of a fixed side column. */
const NARROW_SCREEN = '(max-width: 959.98px)';

@Component({
  selector: 'him-shell',
  imports: [
    MatToolbarModule,
    MatSidenavModule,
    MatButtonModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    NotificationBell,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly mainContent = viewChild.required<ElementRef<HTMLElement>>('mainContent');

  protected readonly productName = PRODUCT_NAME;
  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_LABELS[role] : '';
  });
  protected readonly homePath = computed(() => homePathFor(this.user()?.role));

  /** The shell's child routes that have `data.nav` and that the user may open. */
  protected readonly navLinks = computed<NavLink[]>(() => {
    const user = this.user();
    return (this.route.routeConfig?.children ?? []).flatMap((child) => {
      const nav = navEntryOf(child.data);
      if (!nav || !routeAllowsUser(child.data, user)) {
        return [];
      }
      return [{ path: `/${child.path}`, label: nav.label, iconPath: navIconPath(nav) }];
    });
  });

  protected readonly isNarrowScreen = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly navigationDrawerOpen = signal(false);
  protected readonly sidenavOpened = computed(
    () => !this.isNarrowScreen() || this.navigationDrawerOpen(),
  );

  constructor() {
    // After each navigation to another page, move focus to the new page so keyboard and
    // screen-reader users start there instead of on the link they used. A page that only keeps
    // its state in the address (`?surveyDate=`, `?team=`) stays where the user is working.
    let path: string | null = null;
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((event) => {
        const previous = path;
        path = event.urlAfterRedirects.split(/[?#]/)[0];
        if (previous === null || previous === path) {
          return;
        }
        this.navigationDrawerOpen.set(false);
        this.mainContent().nativeElement.focus();
      });
  }

  protected skipToMainContent(event: Event): void {
    event.preventDefault();
    this.mainContent().nativeElement.focus();
  }

  protected toggleNavigationDrawer(): void {
    this.navigationDrawerOpen.update((open) => !open);
  }

  protected closeNavigationDrawer(): void {
    this.navigationDrawerOpen.set(false);
  }

  protected logOut(): void {
    this.auth.logout();
  }
}
