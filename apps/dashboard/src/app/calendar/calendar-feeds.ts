import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { CalendarToken, CalendarTokenScope, CreatedCalendarToken } from '@him/contracts';
import { type FormField, serverFormErrors, showServerErrors } from '../core/api/form-errors';
import { httpErrorMessage } from '../core/api/http-error-message';
import { createLoader } from '../core/api/loader';
import { AuthService } from '../core/auth/auth.service';
import { ConfirmInline } from '../shared/confirm-inline/confirm-inline';
import { LoadStatus } from '../shared/load-status/load-status';
import { type StatusBadge, StatusChip } from '../shared/status/status-chip';
import { ICON_BLOCK, ICON_EVENT } from '../shared/status/status-icons';
import { CalendarFeedsApi } from './calendar-feeds-api';
import { ConfirmedAction } from '../shared/confirm-inline/confirmed-action';
import { FormAlert } from '../shared/form-alert/form-alert';

const FIELDS: Record<string, FormField> = {
  label: { label: 'Name' },
  scope: { label: 'Deadlines' },
};

interface ScopeOption {
  value: CalendarTokenScope;
  label: string;
  hint: string;
}

interface FeedRow {
  feed: CalendarToken;
  name: string;
  badge: StatusBadge;
  details: string;
  active: boolean;
}

/**
 * The signed-in user's calendar feeds: subscribe a calendar app to credential expiries and
 * CE cycle ends. A new feed's address is shown once (the server keeps only a hash of it),
 * with a copy button and how to subscribe; revoking asks for confirmation first.
 */
@Component({
  selector: 'him-calendar-feeds',
  imports: [
    FormAlert,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    ConfirmInline,
    LoadStatus,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="section-intro">
      See your credential expiry dates and CE cycle ends in your own calendar, with reminders at
      your department's lead times. Calendar apps check the feed every few hours.
    </p>

    @if (created(); as feed) {
      <div class="created-feed" data-testid="created-feed">
        <h3 #createdHeading tabindex="-1">Your new calendar feed is ready</h3>
        <p>
          <strong>Copy this address now: it is shown only once.</strong> Anyone who has it can see
          these deadlines, so keep it private. If it gets out, revoke the feed and create a new one.
        </p>
        <mat-form-field class="feed-address">
          <mat-label>Feed address</mat-label>
          <input
            matInput
            readonly
            [value]="feedAddress(feed)"
            (focus)="selectAll($event)"
            data-testid="feed-address"
          />
        </mat-form-field>
        <div class="form-actions">
          <button mat-flat-button type="button" (click)="copyFeedAddress(feed)">
            {{ copied() ? 'Copied' : 'Copy address' }}
          </button>
          <a mat-stroked-button [href]="webcalAddress(feed)">Open in my calendar app</a>
          <button mat-button type="button" (click)="dismissCreatedFeed()">Done</button>
        </div>
        @if (copyFailed()) {
          <p class="field-error" role="alert">
            The address could not be copied. Select it in the field above and copy it yourself.
          </p>
        }
        <h4>Subscribe in Outlook / Google Calendar / Apple Calendar</h4>
        <ul class="instructions">
          <li>
            <strong>Outlook:</strong> Add calendar → Subscribe from web, paste the address, then
            Import.
          </li>
          <li>
            <strong>Google Calendar:</strong> Other calendars → + → From URL, paste the address,
            then Add calendar.
          </li>
          <li>
            <strong>Apple Calendar:</strong> File → New Calendar Subscription, paste the address,
            then Subscribe.
          </li>
        </ul>
      </div>
    }

    <h3 class="subheading">New feed</h3>
    <form class="stacked-form" [formGroup]="form" (ngSubmit)="createFeed()" novalidate>
      <him-form-alert [messages]="generalErrors()" />
      <mat-form-field>
        <mat-label>Name (optional)</mat-label>
        <input matInput formControlName="label" maxlength="100" autocomplete="off" />
        <mat-hint>To recognise the feed later, for example “Work phone”.</mat-hint>
        @if (form.controls.label.hasError('maxlength')) {
          <mat-error>Use at most 100 characters.</mat-error>
        } @else if (form.controls.label.hasError('server')) {
          <mat-error>{{ form.controls.label.getError('server') }}</mat-error>
        }
      </mat-form-field>

      @if (scopeOptions().length > 1) {
        <fieldset class="choices">
          <legend id="calendar-scope-legend">Deadlines in the feed</legend>
          <mat-radio-group
            formControlName="scope"
            aria-labelledby="calendar-scope-legend"
            class="scope-options"
          >
            @for (option of scopeOptions(); track option.value) {
              <mat-radio-button [value]="option.value">
                {{ option.label }} <span class="choice-detail">({{ option.hint }})</span>
              </mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
      }
      @if (form.controls.scope.hasError('server')) {
        <p class="field-error" role="alert">{{ form.controls.scope.getError('server') }}</p>
      }
      @if (scopeOptions().length === 0) {
        <p class="field-hint">
          Your account is not linked to a staff record, so it has no deadlines of its own.
        </p>
      }

      <div class="form-actions">
        <button
          mat-flat-button
          type="submit"
          [disabled]="creating() || scopeOptions().length === 0"
        >
          {{ creating() ? 'Creating…' : 'Create feed' }}
        </button>
      </div>
    </form>

    <h3 class="subheading">Your feeds</h3>
    <him-load-status what="your calendar feeds" [of]="feeds" />
    @if (rows(); as list) {
      @if (list.length === 0) {
        <p class="empty-note">You have no calendar feeds yet.</p>
      } @else {
        <ul class="record-list">
          @for (row of list; track row.feed.id) {
            <li class="record" [attr.data-feed]="row.feed.id">
              <div class="record__head">
                <span class="record__title">{{ row.name }}</span>
                <span class="record__chips"><him-status-chip [badge]="row.badge" /></span>
              </div>
              <p class="record__details">{{ row.details }}</p>
              @if (row.active) {
                <him-confirm-inline
                  action="Revoke"
                  [name]="row.name"
                  [question]="
                    'Revoke “' +
                    row.name +
                    '”? Calendars subscribed to it stop updating. This cannot be undone.'
                  "
                  confirmLabel="Revoke feed"
                  busyLabel="Revoking…"
                  [confirming]="revoke.confirming() === row.feed.id"
                  [busy]="revoke.busy()"
                  (asked)="revoke.ask(row.feed.id)"
                  (confirmed)="revokeFeed(row.feed)"
                  (cancelled)="revoke.cancel()"
                />
              }
              @if (revoke.error()?.id === row.feed.id) {
                <p class="field-error" role="alert">{{ revoke.error()?.message }}</p>
              }
            </li>
          }
        </ul>
      }
    }
  `,
  styleUrls: ['../shared/forms.scss', '../shared/record-list.scss'],
  styles: `
    :host {
      display: block;
    }
    .section-intro {
      margin: 0 0 12px;
    }
    .subheading {
      margin: 24px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .created-feed {
      padding: 16px 20px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      h3 {
        margin: 0 0 8px;
        font: var(--mat-sys-title-medium);
      }
      h4 {
        margin: 16px 0 4px;
        font: var(--mat-sys-title-small);
      }
    }
    .feed-address {
      width: 100%;
      margin: 8px 0 12px;
    }
    .instructions {
      margin: 0;
      padding-left: 20px;
    }
    .choices {
      margin: 0;
      padding: 0;
      border: 0;
    }
    .scope-options {
      display: grid;
      gap: 4px;
    }
    .choice-detail {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CalendarFeeds {
  private readonly api = inject(CalendarFeedsApi);
  private readonly auth = inject(AuthService);
  private readonly clipboard = inject(Clipboard);
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);
  private readonly origin = inject(DOCUMENT).location.origin;
  private readonly createdHeading = viewChild<ElementRef<HTMLElement>>('createdHeading');

  protected readonly feeds = createLoader(() => this.api.list(), 'your calendar feeds');

  /** 'self' needs a staff record; 'teams' is for managers (their teams) and admins (the department). */
  protected readonly scopeOptions = computed<ScopeOption[]>(() => {
    const user = this.auth.user();
    const options: ScopeOption[] = [];
    if (user?.staffId) {
      options.push({
        value: 'self',
        label: 'My deadlines',
        hint: 'your credentials and CE cycles',
      });
    }
    if (user?.role === 'manager' || user?.role === 'admin') {
      options.push({
        value: 'teams',
        label: user.role === 'admin' ? "The department's deadlines" : "My teams' deadlines",
        hint:
          user.role === 'admin'
            ? 'every member of the department'
            : 'the members of the teams you manage',
      });
    }
    return options;
  });

  protected readonly form = new FormGroup({
    label: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100)] }),
    scope: new FormControl<CalendarTokenScope>(this.scopeOptions()[0]?.value ?? 'self', {
      nonNullable: true,
    }),
  });

  protected readonly creating = signal(false);
  protected readonly generalErrors = signal<string[]>([]);
  /** The feed just created, with its secret address; forgotten on "Done". */
  protected readonly created = signal<CreatedCalendarToken | null>(null);
  protected readonly copied = signal(false);
  protected readonly copyFailed = signal(false);
  protected readonly revoke = new ConfirmedAction();

  protected readonly rows = computed<FeedRow[] | null>(() => {
    const feeds = this.feeds.value();
    return feeds ? feeds.map((feed) => this.toRow(feed)) : null;
  });

  constructor() {
    this.feeds.load();
  }

  protected createFeed(): void {
    if (this.form.invalid || this.creating()) {
      this.form.markAllAsTouched();
      return;
    }
    const label = this.form.controls.label.value.trim();
    this.creating.set(true);
    this.generalErrors.set([]);
    this.api
      .create({ scope: this.form.controls.scope.value, ...(label ? { label } : {}) })
      .subscribe({
        next: (feed) => {
          this.creating.set(false);
          this.copied.set(false);
          this.copyFailed.set(false);
          this.created.set(feed);
          this.feeds.replace([withoutSecret(feed), ...(this.feeds.value() ?? [])]);
          this.form.controls.label.reset('');
          void this.liveAnnouncer.announce(
            'Calendar feed created. Copy its address now: it is shown only once.',
            'polite',
          );
          afterNextRender(() => this.createdHeading()?.nativeElement.focus(), {
            injector: this.injector,
          });
        },
        error: (error: unknown) => {
          this.creating.set(false);
          this.generalErrors.set(
            showServerErrors(
              this.form,
              serverFormErrors(error, FIELDS, 'create the calendar feed'),
            ),
          );
        },
      });
  }

  protected feedAddress(feed: CreatedCalendarToken): string {
    return `${this.origin}${feed.feedUrl}`;
  }

  /** The same address for calendar apps that register `webcal:` (Apple Calendar, Outlook). */
  protected webcalAddress(feed: CreatedCalendarToken): string {
    return this.feedAddress(feed).replace(/^https?:/, 'webcal:');
  }

  protected copyFeedAddress(feed: CreatedCalendarToken): void {
    const copied = this.clipboard.copy(this.feedAddress(feed));
    this.copied.set(copied);
    this.copyFailed.set(!copied);
    if (copied) {
      void this.liveAnnouncer.announce('Feed address copied.', 'polite');
    }
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  protected dismissCreatedFeed(): void {
    this.created.set(null);
  }

  protected revokeFeed(feed: CalendarToken): void {
    this.revoke.run(
      feed.id,
      this.api.revoke(feed.id),
      (revoked) => {
        this.feeds.replace(
          (this.feeds.value() ?? []).map((item) => (item.id === revoked.id ? revoked : item)),
        );
        if (this.created()?.id === revoked.id) {
          this.created.set(null);
        }
        void this.liveAnnouncer.announce(`${feedName(feed)} revoked.`, 'polite');
      },
      (error) => httpErrorMessage(error, 'the feed'),
      () => this.feeds.load(),
    );
  }

  private toRow(feed: CalendarToken): FeedRow {
    const active = feed.revokedAt === null;
    const scope =
      feed.scope === 'self'
        ? 'My deadlines'
        : this.auth.user()?.role === 'admin'
          ? "The department's deadlines"
          : "My teams' deadlines";
    const used = feed.lastUsedAt
      ? `last read by a calendar ${formatDay(feed.lastUsedAt)}`
      : 'not used yet';
    return {
      feed,
      name: feedName(feed),
      active,
      badge: active
        ? { label: 'Active', tone: 'success', icon: ICON_EVENT }
        : {
            label: `Revoked ${formatDay(feed.revokedAt as string)}`,
            tone: 'neutral',
            icon: ICON_BLOCK,
          },
      details: `${scope} · created ${formatDay(feed.createdAt)} · ${used}`,
    };
  }
}

function feedName(feed: CalendarToken): string {
  return feed.label ?? 'Unnamed feed';
}

function withoutSecret(feed: CreatedCalendarToken): CalendarToken {
  return {
    id: feed.id,
    userId: feed.userId,
    label: feed.label,
    scope: feed.scope,
    createdAt: feed.createdAt,
    lastUsedAt: feed.lastUsedAt,
    revokedAt: feed.revokedAt,
  };
}

/** "24 Nov 2026" in the browser's zone (a timestamp, not a calendar date of the department). */
function formatDay(timestamp: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(timestamp));
}
