import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { Router } from '@angular/router';
import { REMINDER_KINDS, type Notice, type ReminderKind } from '@him/contracts';
import { KIND_LABELS, NotificationsApi } from './notifications-api';

/** The caller's notices, newest first: open one (it is marked read), mark read, mark all read. */
@Component({
  selector: 'him-notifications-page',
  imports: [DatePipe, MatButtonModule, MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Notifications</h1>
    <p class="page-intro">
      Reminders before credentials lapse, continuing education that needs attention, reviews
      waiting, and the weekly digest.
    </p>
    <div class="actions">
      <button
        mat-stroked-button
        type="button"
        (click)="markAllRead()"
        [disabled]="(notifications.unread() ?? 0) === 0"
      >
        Mark all read
      </button>
      <p role="status" class="status">{{ status() }}</p>
    </div>
    @if (loading()) {
      <p>Loading notifications…</p>
    } @else if (notices().length === 0) {
      <p>No notifications yet.</p>
    } @else {
      <ul class="notices" aria-label="Notifications">
        @for (notice of notices(); track notice.id) {
          <li class="notice" [class.notice--unread]="!notice.readAt">
            <div class="notice-head">
              <span class="kind">{{ kindLabel(notice.kind) }}</span>
              @if (!notice.readAt) {
                <span class="unread-chip">Unread</span>
              }
              <span class="when">{{ notice.createdAt | date: 'mediumDate' }}</span>
            </div>
            <h2 class="title">
              <a [href]="notice.link" (click)="openNotice($event, notice)">{{ notice.title }}</a>
            </h2>
            <p class="body">{{ notice.body }}</p>
            @if (!notice.readAt) {
              <button mat-button type="button" (click)="markRead(notice)">
                Mark read<span class="cdk-visually-hidden">: {{ notice.title }}</span>
              </button>
            }
          </li>
        }
      </ul>
    }

    <section class="preferences" aria-labelledby="email-heading">
      <h2 id="email-heading">E-mail</h2>
      <p>
        Choose what you also get by e-mail. Every notice stays here, including a lapse of your own
        credential.
      </p>
      @for (kind of kinds; track kind) {
        <mat-checkbox
          [checked]="!optedOut().includes(kind)"
          (change)="toggleEmail(kind, $event.checked)"
        >
          {{ kindLabel(kind) }}
        </mat-checkbox>
      }
    </section>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .actions {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .notices {
      list-style: none;
      padding: 0;
      margin: 16px 0;
    }
    .notice {
      border: 1px solid #c4c7c5;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 12px;
    }
    .notice--unread {
      border-left: 6px solid #0b57d0;
    }
    .notice-head {
      display: flex;
      gap: 12px;
      font-size: 0.875rem;
      color: #444746;
    }
    .unread-chip {
      font-weight: 600;
      color: #0b57d0;
    }
    .title {
      font-size: 1.05rem;
      margin: 4px 0;
    }
    .body {
      white-space: pre-line;
      margin: 4px 0 8px;
    }
    .preferences mat-checkbox {
      display: block;
    }
  `,
})
export class NotificationsPage implements OnInit {
  protected readonly notifications = inject(NotificationsApi);
  private readonly router = inject(Router);
  protected readonly notices = signal<Notice[]>([]);
  protected readonly loading = signal(true);
  protected readonly status = signal('');
  protected readonly optedOut = signal<ReminderKind[]>([]);
  /** the version of the e-mail choices last read or saved */
  private preferencesVersion = 0;
  protected readonly kinds = REMINDER_KINDS;

  ngOnInit(): void {
    this.load();
    this.notifications.preferences().subscribe((p) => {
      this.optedOut.set(p.emailOptOut);
      this.preferencesVersion = p.version;
    });
  }

  protected kindLabel(kind: ReminderKind): string {
    return KIND_LABELS[kind];
  }

  protected openNotice(event: MouseEvent, notice: Notice): void {
    event.preventDefault();
    const go = () => void this.router.navigateByUrl(notice.link);
    if (notice.readAt) go();
    else this.notifications.markRead(notice.id).subscribe({ next: go, error: go });
  }

  protected markRead(notice: Notice): void {
    this.notifications.markRead(notice.id).subscribe(() => {
      this.notices.update((list) =>
        list.map((n) => (n.id === notice.id ? { ...n, readAt: new Date().toISOString() } : n)),
      );
      this.status.set('Marked read.');
    });
  }

  protected markAllRead(): void {
    this.notifications.markAllRead().subscribe((r) => {
      const now = new Date().toISOString();
      this.notices.update((list) => list.map((n) => ({ ...n, readAt: n.readAt ?? now })));
      this.status.set(`${r.marked} marked read.`);
    });
  }

  protected toggleEmail(kind: ReminderKind, wanted: boolean): void {
    const next = wanted
      ? this.optedOut().filter((k) => k !== kind)
      : [...new Set([...this.optedOut(), kind])];
    this.notifications
      .savePreferences({ emailOptOut: next, version: this.preferencesVersion })
      .subscribe((p) => {
        this.optedOut.set(p.emailOptOut);
        this.preferencesVersion = p.version;
        this.status.set('E-mail choices saved.');
      });
  }

  private load(): void {
    this.notifications.list().subscribe({
      next: (page) => {
        this.notices.set(page.items);
        this.loading.set(false);
      },
      error: () => {
        this.loading.set(false);
        this.status.set('The notifications could not be loaded. Reload the page to try again.');
      },
    });
  }
}
