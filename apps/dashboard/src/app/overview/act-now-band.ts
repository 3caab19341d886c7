import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { CeGroup, Department, IsoDate, ReadinessResponse } from '@him/contracts';
import { CeApi } from '../core/api/ce-api';
import { ExpirationsApi } from '../core/api/expirations-api';
import { createLoader } from '../core/api/loader';
import { LoadStatus } from '../shared/load-status/load-status';
import { actNowGroups, type ActNowGroup } from './act-now-view';
import { directoryOf } from './director-lists-view';

/** Every credential with an expiry date (the API's longest window), for the unverified ones. */
const ALL_EXPIRING_DAYS = 3650;
/** Items shown per group before "Show all". */
const FIRST_ITEMS = 5;

/**
 * The top of the overview: what needs the director or manager this week, each item with its
 * person and one action (the profile, the review queue, verifying a credential).
 */
@Component({
  selector: 'him-act-now-band',
  imports: [MatButtonModule, RouterLink, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="act-now" aria-labelledby="act-now-heading">
      <h2 id="act-now-heading">Act now</h2>
      <him-load-status what="credentials to act on" [of]="expirations" />
      <him-load-status what="the review queue" [of]="reviewQueue" />
      @if (groups(); as loaded) {
        <p class="act-now-summary">{{ summary() }}</p>
        <div class="act-now-groups">
          @for (group of loaded; track group.key) {
            <section
              class="act-now-group"
              [class.has-items]="group.items.length > 0"
              [attr.aria-labelledby]="'act-now-' + group.key"
              [attr.data-testid]="'act-now-' + group.key"
            >
              <h3 [id]="'act-now-' + group.key">
                {{ group.heading }}
                <span class="count">({{ group.items.length }})</span>
              </h3>
              @if (group.items.length === 0) {
                <p class="none">{{ group.none }}</p>
              } @else {
                <ul>
                  @for (item of shown(group); track item.key) {
                    <li>
                      <span class="who"
                        >{{ item.staffName }}
                        @if (item.teamName) {
                          <span class="team">, {{ item.teamName }}</span>
                        }
                      </span>
                      <span class="what">{{ item.what }}</span>
                      <a
                        mat-stroked-button
                        class="action"
                        [routerLink]="item.link"
                        [attr.aria-label]="item.actionLabel"
                        >{{ item.action }}</a
                      >
                    </li>
                  }
                </ul>
                @if (group.items.length > firstItems) {
                  <button
                    mat-button
                    type="button"
                    [attr.aria-expanded]="expanded().has(group.key)"
                    (click)="toggleGroup(group.key)"
                  >
                    @if (expanded().has(group.key)) {
                      Show the first {{ firstItems }}
                    } @else {
                      Show all {{ group.items.length }}
                    }
                  </button>
                }
              }
            </section>
          }
        </div>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .act-now h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-headline-small);
    }
    .act-now-summary {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .act-now-groups {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr));
      gap: 16px;
    }
    .act-now-group {
      padding: 12px 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .act-now-group.has-items {
      border-left: 6px solid var(--mat-sys-error);
    }
    h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .none {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 10px;
    }
    li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      column-gap: 8px;
      align-items: center;
    }
    .who {
      font-weight: 600;
      grid-column: 1;
    }
    .team {
      font-weight: 400;
    }
    .what {
      grid-column: 1;
      overflow-wrap: anywhere;
    }
    .action {
      grid-column: 2;
      grid-row: 1 / span 2;
    }
  `,
})
export class ActNowBand {
  private readonly expirationsApi = inject(ExpirationsApi);
  private readonly ceApi = inject(CeApi);

  readonly asOf = input.required<IsoDate>();
  readonly readiness = input.required<ReadinessResponse>();
  readonly department = input<Department | null>(null);
  /** only these teams' members (a manager's own teams), or null for the whole department */
  readonly teamIds = input<ReadonlySet<string> | null>(null);
  /** the overview's CE status on asOf, or null while it loads */
  readonly ceGroups = input<readonly CeGroup[] | null>(null);

  protected readonly firstItems = FIRST_ITEMS;
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

  protected readonly expirations = createLoader(
    () => this.expirationsApi.getExpirations({ asOf: this.asOf(), withinDays: ALL_EXPIRING_DAYS }),
    'credentials to act on',
  );
  protected readonly reviewQueue = createLoader(
    () => this.ceApi.getReviewQueue(),
    'the review queue',
  );

  protected readonly groups = computed<ActNowGroup[] | null>(() => {
    const expirations = this.expirations.value();
    const readiness = this.readiness();
    if (!expirations) {
      return null;
    }
    const memberTeams = new Map<string, string>();
    for (const member of [...readiness.members, ...(readiness.onLeave ?? [])]) {
      memberTeams.set(member.staffId, member.teamId);
    }
    const teamIds = this.teamIds();
    return actNowGroups({
      asOf: this.asOf(),
      expirations: teamIds
        ? expirations.filter((expiration) => teamIds.has(expiration.teamId))
        : expirations,
      requireVerification: this.department()?.requireVerification ?? false,
      ceGroups: (this.ceGroups() ?? []).filter(
        (group) => !teamIds || memberTeams.has(group.staffId),
      ),
      reviewQueue: this.reviewQueue.value()?.items ?? [],
      timeZone: this.department()?.timeZone ?? 'UTC',
      names: directoryOf(readiness),
      memberTeams,
    });
  });

  protected readonly summary = computed(() => {
    const total = (this.groups() ?? []).reduce((sum, group) => sum + group.items.length, 0);
    return total === 0
      ? `Nothing needs acting on as of ${this.asOf()}.`
      : `${total} ${total === 1 ? 'item needs' : 'items need'} acting on as of ${this.asOf()}.`;
  });

  constructor() {
    effect(() => {
      this.asOf();
      untracked(() => this.expirations.load());
    });
    this.reviewQueue.load();
  }

  protected shown(group: ActNowGroup) {
    return this.expanded().has(group.key) ? group.items : group.items.slice(0, FIRST_ITEMS);
  }

  protected toggleGroup(key: string): void {
    const next = new Set(this.expanded());
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded.set(next);
  }
}
