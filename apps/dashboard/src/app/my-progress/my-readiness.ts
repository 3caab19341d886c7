import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import type { IsoDate } from '@him/contracts';
import { forkJoin } from 'rxjs';
import { createLoader } from '../core/api/loader';
import { ReadinessApi } from '../core/api/readiness-api';
import { StaffApi } from '../core/api/staff-api';
import { CatalogApi } from '../core/catalog/catalog-api';
import { RequirementCatalogApi } from '../core/catalog/requirement-catalog';
import { LoadStatus } from '../shared/load-status/load-status';
import { type StatusBadge, StatusChip } from '../shared/status/status-chip';
import { ICON_CHECK_CIRCLE, ICON_ERROR } from '../shared/status/status-icons';
import { requirementsView } from '../staff-profile/requirements-view';

const READY: StatusBadge = { label: 'Ready', tone: 'success', icon: ICON_CHECK_CIRCLE };
const NOT_READY: StatusBadge = { label: 'Not ready', tone: 'danger', icon: ICON_ERROR };

/** The top of My progress: am I ready, and which of my role's requirements I meet and miss (R6). */
@Component({
  selector: 'him-my-readiness',
  imports: [LoadStatus, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-load-status what="your readiness" [of]="facts" />
    @if (view(); as readiness) {
      <p class="verdict" data-testid="my-readiness-summary">
        @if (readiness.ready !== null) {
          <him-status-chip [badge]="readiness.ready ? ready : notReady" />
        }
        <span>As of {{ asOf() }} ({{ roleName() }}): {{ readiness.summary }}</span>
      </p>
      @if (readiness.rows.length > 0) {
        <ul class="requirement-list" aria-label="Your role's requirements">
          @for (row of readiness.rows; track row.key) {
            <li>
              <him-status-chip [badge]="row.badge" />
              <span>{{ row.label }}</span>
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .verdict {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0 0 12px;
      font: var(--mat-sys-title-medium);
    }
    .requirement-list {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 8px;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
      }
    }
  `,
})
export class MyReadiness {
  private readonly readinessApi = inject(ReadinessApi);
  private readonly staffApi = inject(StaffApi);
  private readonly catalogApi = inject(CatalogApi);
  private readonly requirementCatalogApi = inject(RequirementCatalogApi);

  readonly staffId = input.required<string>();
  readonly asOf = input.required<IsoDate>();

  protected readonly ready = READY;
  protected readonly notReady = NOT_READY;

  protected readonly facts = createLoader(
    () =>
      forkJoin({
        answer: this.readinessApi.getMemberReadiness(this.staffId(), this.asOf()),
        staff: this.staffApi.getStaff(this.staffId()),
        roles: this.catalogApi.roles(),
        catalog: this.requirementCatalogApi.getRequirementCatalog(),
      }),
    'your readiness',
  );

  private readonly role = computed(() => {
    const facts = this.facts.value();
    return facts?.roles.find((role) => role.id === facts.staff.roleId);
  });
  protected readonly roleName = computed(() => this.role()?.name ?? 'your role');
  protected readonly view = computed(() => {
    const facts = this.facts.value();
    return facts
      ? requirementsView(
          facts.staff.status,
          this.role(),
          facts.answer.readiness ?? undefined,
          facts.catalog,
        )
      : null;
  });

  constructor() {
    effect(() => {
      this.staffId();
      this.asOf();
      untracked(() => this.facts.load());
    });
  }
}
