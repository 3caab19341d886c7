import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { catchError, concatMap, from, map, of } from 'rxjs';
import { formatHours, ceCategoryLabel } from '@him/domain';
import type { CeReviewDecision, CeActivityQueueItem } from '@him/contracts';
import { CeApi } from '../core/api/ce-api';
import { serverFormErrors } from '../core/api/form-errors';
import { createLoader } from '../core/api/loader';
import { ExpirationsApi } from '../core/api/expirations-api';
import { injectDepartmentDay } from '../core/department-day';
import { LoadStatus } from '../shared/load-status/load-status';
import { StatusChip, type StatusBadge } from '../shared/status/status-chip';
import { ICON_WARNING } from '../shared/status/status-icons';
import { EvidencePreview } from './evidence-preview';
import { submittedText, URGENT_LAPSE_DAYS, urgentHolders } from './review-urgency';
import { ReviewDialog, type ReviewDialogData, type ReviewDialogResult } from './review-dialog';

type Decision = CeReviewDecision;

interface ReviewOutcome {
  item: CeActivityQueueItem;
  error: string | null;
}

/** Managers' and admins' queue of submitted CE activities: approve or reject, one or many. */
@Component({
  selector: 'him-review-page',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatTableModule,
    RouterLink,
    LoadStatus,
    StatusChip,
    EvidencePreview,
  ],
  templateUrl: './review-page.html',
  styleUrls: ['../shared/page.scss', './review-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewPage {
  private readonly ceApi = inject(CeApi);
  private readonly dialog = inject(MatDialog);
  private readonly liveAnnouncer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);

  private readonly expirationsApi = inject(ExpirationsApi);
  protected readonly queue = createLoader(() => this.ceApi.getReviewQueue(), 'the review queue');
  private readonly departmentDay = injectDepartmentDay((today) => {
    this.lapsing.load();
    this.ceAtRisk.load();
    this.today.set(today);
  });
  private readonly today = signal<string | null>(null);
  /** Holders whose credential lapses within 30 days, or whose CE group is at risk: urgent rows. */
  private readonly lapsing = createLoader(
    () =>
      this.expirationsApi.getExpirations({
        asOf: this.today() ?? undefined,
        withinDays: URGENT_LAPSE_DAYS,
      }),
    'credentials lapsing soon',
  );
  private readonly ceAtRisk = createLoader(
    () => this.ceApi.getCeStatus({ asOf: this.today() ?? undefined }),
    'CE status',
  );
  protected readonly urgent = computed(() =>
    urgentHolders(this.lapsing.value() ?? [], this.ceAtRisk.value() ?? []),
  );
  /** The activity whose certificate shows beside the queue. */
  protected readonly previewed = signal<CeActivityQueueItem | null>(null);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  /** per activity id: why its review failed */
  protected readonly rowErrors = signal<ReadonlyMap<string, string>>(new Map());
  /** while reviews run: how many of how many */
  protected readonly progress = signal<{ done: number; total: number } | null>(null);
  protected readonly summary = signal<{ text: string; failed: boolean } | null>(null);

  protected readonly columns = [
    'select',
    'member',
    'activity',
    'submitted',
    'completedOn',
    'hours',
    'certificate',
    'actions',
  ];
  protected readonly items = computed(() => this.queue.value()?.items ?? []);
  protected readonly allSelected = computed(
    () => this.items().length > 0 && this.items().every((item) => this.selected().has(item.id)),
  );
  protected readonly someSelected = computed(() => this.selected().size > 0 && !this.allSelected());
  protected readonly busy = computed(() => this.progress() !== null);
  protected readonly trackItem = (_index: number, item: CeActivityQueueItem) => item.id;

  constructor() {
    this.queue.load();
  }

  protected submittedOf(item: CeActivityQueueItem): string {
    const zone = this.departmentDay.department.value()?.timeZone ?? 'UTC';
    return submittedText(item, zone, this.today() ?? item.submittedAt.slice(0, 10));
  }

  protected urgentBadge(item: CeActivityQueueItem): StatusBadge | null {
    const reason = this.urgent().get(item.staffId);
    return reason ? { label: `Urgent: ${reason}`, tone: 'danger', icon: ICON_WARNING } : null;
  }

  protected showCertificate(item: CeActivityQueueItem): void {
    this.previewed.set(item);
  }

  protected hoursOf(item: CeActivityQueueItem): string {
    return formatHours(item.hours);
  }

  protected categoriesOf(item: CeActivityQueueItem): string {
    return item.categories.map(ceCategoryLabel).join(', ');
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(new Set(checked ? this.items().map((item) => item.id) : []));
  }

  protected toggleItem(item: CeActivityQueueItem, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) {
      next.add(item.id);
    } else {
      next.delete(item.id);
    }
    this.selected.set(next);
  }

  protected reloadQueue(): void {
    this.selected.set(new Set());
    this.rowErrors.set(new Map());
    this.summary.set(null);
    this.queue.load();
  }

  protected reviewOne(item: CeActivityQueueItem, decision: Decision): void {
    this.confirmAndReview([item], decision, `“${item.title}” by ${item.staffName}`);
  }

  protected reviewSelected(decision: Decision): void {
    const items = this.items().filter((item) => this.selected().has(item.id));
    if (items.length === 0) {
      return;
    }
    this.confirmAndReview(
      items,
      decision,
      items.length === 1
        ? `“${items[0].title}” by ${items[0].staffName}`
        : `${items.length} activities`,
    );
  }

  private confirmAndReview(items: CeActivityQueueItem[], decision: Decision, what: string): void {
    this.dialog
      .open<ReviewDialog, ReviewDialogData, ReviewDialogResult>(ReviewDialog, {
        data: { decision, what },
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (result) {
          this.reviewInTurn(items, decision, result.note);
        }
      });
  }

  /**
   * One call per activity, one after the other (the API reviews one at a time); a failure
   * stays on its row with the reason and does not stop the others.
   */
  private reviewInTurn(items: CeActivityQueueItem[], decision: Decision, note: string): void {
    this.summary.set(null);
    this.progress.set({ done: 0, total: items.length });
    const outcomes: ReviewOutcome[] = [];
    from(items)
      .pipe(
        concatMap((item) =>
          this.ceApi
            .review(item.id, { status: decision, version: item.version, ...(note ? { note } : {}) })
            .pipe(
              map((): ReviewOutcome => ({ item, error: null })),
              catchError((error: unknown) =>
                of<ReviewOutcome>({ item, error: reviewFailure(error) }),
              ),
            ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (outcome) => {
          outcomes.push(outcome);
          this.progress.set({ done: outcomes.length, total: items.length });
        },
        complete: () => this.showOutcomes(outcomes, decision),
      });
  }

  private showOutcomes(outcomes: ReviewOutcome[], decision: Decision): void {
    this.progress.set(null);
    const reviewed = new Set(outcomes.filter((o) => o.error === null).map((o) => o.item.id));
    const failed = outcomes.filter((o) => o.error !== null);
    const queue = this.queue.value();
    if (queue) {
      this.queue.replace({
        items: queue.items.filter((item) => !reviewed.has(item.id)),
        total: Math.max(0, queue.total - reviewed.size),
      });
    }
    const errors = new Map(this.rowErrors());
    for (const outcome of outcomes) {
      if (outcome.error === null) {
        errors.delete(outcome.item.id);
      } else {
        errors.set(outcome.item.id, outcome.error);
      }
    }
    this.rowErrors.set(errors);
    this.selected.set(new Set(failed.map((o) => o.item.id)));

    const verb = decision === 'approved' ? 'approved' : 'rejected';
    const done = `${reviewed.size} ${reviewed.size === 1 ? 'activity' : 'activities'} ${verb}.`;
    const text =
      failed.length === 0
        ? done
        : `${done} ${failed.length} could not be ${verb}; the reason is shown on ${
            failed.length === 1 ? 'its row' : 'each row'
          }, which stays selected.`;
    this.summary.set({ text, failed: failed.length > 0 });
    void this.liveAnnouncer.announce(text, failed.length > 0 ? 'assertive' : 'polite');
  }
}

function reviewFailure(error: unknown): string {
  const errors = serverFormErrors(error, {}, 'review it');
  return errors.staleVersion
    ? 'Changed by someone else since the queue loaded. Reload the queue and try again.'
    : errors.general.join(' ');
}
