import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CeActivity, CeReviewDecision, CeReviewStatus, EvidenceFile } from '@him/contracts';
import { formatHours, ceCategoryLabel } from '@him/domain';
import { RecordEvidence } from '../../evidence/record-evidence';
import { ConfirmInline } from '../confirm-inline/confirm-inline';
import { type StatusBadge, StatusChip } from '../status/status-chip';
import { ICON_CANCEL, ICON_CHECK_CIRCLE, ICON_HOURGLASS } from '../status/status-icons';

export const CE_REVIEW_BADGES: Record<CeReviewStatus, StatusBadge> = {
  submitted: { label: 'Submitted — awaiting review', tone: 'info', icon: ICON_HOURGLASS },
  approved: { label: 'Approved', tone: 'success', icon: ICON_CHECK_CIRCLE },
  rejected: { label: 'Rejected', tone: 'danger', icon: ICON_CANCEL },
};

interface ActivityRow {
  activity: CeActivity;
  id: string;
  title: string;
  details: string;
  categories: string;
  forCredentials: string;
  badge: StatusBadge;
  reviewNote: string | null;
}

/**
 * A member's CE log, newest first, each entry with its review status in words; with
 * `showEvidence`, each activity's certificate files with an upload, and `evidenceChanged`
 * with the activity's new `hasEvidence`.
 */
@Component({
  selector: 'him-ce-activity-list',
  imports: [ConfirmInline, MatButtonModule, RecordEvidence, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">{{ emptyText() }}</p>
    } @else {
      <ul class="record-list">
        @for (row of rows(); track row.id) {
          <li class="record" [attr.data-activity]="row.id">
            <div class="record__head">
              <span class="record__title">{{ row.title }}</span>
              <him-status-chip [badge]="row.badge" />
            </div>
            <p class="record__details">{{ row.details }}</p>
            @if (row.categories) {
              <p class="record__details">Categories: {{ row.categories }}</p>
            }
            @if (row.forCredentials) {
              <p class="record__details">For: {{ row.forCredentials }}</p>
            }
            @if (row.reviewNote) {
              <p class="record__details">Reviewer's note: {{ row.reviewNote }}</p>
            }
            @if (ownActions() && row.activity.status === 'submitted') {
              <div class="own-actions">
                @if (confirmingWithdraw() !== row.id) {
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Edit ' + row.title"
                    (click)="edit.emit(row.activity)"
                  >
                    Edit
                  </button>
                }
                <him-confirm-inline
                  action="Withdraw"
                  [name]="row.title"
                  [question]="
                    'Withdraw “' +
                    row.title +
                    '”? It is removed from your CE log, with its certificate, and is no longer reviewed.'
                  "
                  confirmLabel="Withdraw activity"
                  busyLabel="Withdrawing…"
                  [confirming]="confirmingWithdraw() === row.id"
                  [busy]="withdrawingId() === row.id"
                  (asked)="confirmingWithdraw.set(row.id)"
                  (confirmed)="withdraw.emit(row.activity)"
                  (cancelled)="confirmingWithdraw.set(null)"
                />
              </div>
            }
            @if (reviewable() && row.activity.status === 'submitted') {
              <div class="own-actions">
                <button
                  mat-stroked-button
                  type="button"
                  [attr.aria-label]="'Approve ' + row.title"
                  (click)="review.emit({ activity: row.activity, decision: 'approved' })"
                >
                  Approve
                </button>
                <button
                  mat-stroked-button
                  type="button"
                  [attr.aria-label]="'Reject ' + row.title"
                  (click)="review.emit({ activity: row.activity, decision: 'rejected' })"
                >
                  Reject
                </button>
              </div>
            }
            @if (showEvidence()) {
              <him-record-evidence
                class="record__evidence"
                [canUpload]="canUploadEvidence()"
                [target]="{ kind: 'ce-activity', id: row.id }"
                [hasEvidence]="row.activity.hasEvidence"
                noun="Certificate"
                label="Certificate"
                [recordName]="row.title"
                (filesChanged)="showEvidenceChange(row.activity, $event)"
              />
            }
          </li>
        }
      </ul>
    }
  `,
  styleUrl: '../record-list.scss',
  styles: `
    .own-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px;
    }
    .own-actions > button {
      margin-top: 8px;
    }
    .own-actions him-confirm-inline {
      flex: 1 1 auto;
    }
  `,
})
export class CeActivityList {
  readonly activities = input.required<CeActivity[]>();
  /** credential id → what to call it ("CCS") */
  readonly credentialLabels = input<ReadonlyMap<string, string>>(new Map());
  /** Show each activity's certificate files, with an upload (off where no one needs them). */
  readonly showEvidence = input(false);
  readonly emptyText = input('No CE activities logged yet.');
  /** May the viewer attach certificates (false: the files are shown, not added)? */
  readonly canUploadEvidence = input(true);
  /** Offer Approve and Reject on the activities awaiting review (a reviewer of the member's team). */
  readonly reviewable = input(false);
  readonly review = output<{ activity: CeActivity; decision: CeReviewDecision }>();

  /** Offer Edit and Withdraw on the activities still awaiting review (the member's own log). */
  readonly ownActions = input(false);
  /** the activity whose withdrawal is being sent */
  readonly withdrawingId = input<string | null>(null);
  readonly edit = output<CeActivity>();
  /** confirmed: withdraw this activity */
  readonly withdraw = output<CeActivity>();
  protected readonly confirmingWithdraw = signal<string | null>(null);

  /** The activity with its `hasEvidence` after a file was attached or deleted. */
  readonly evidenceChanged = output<CeActivity>();

  protected readonly rows = computed<ActivityRow[]>(() => {
    const labels = this.credentialLabels();
    return [...this.activities()]
      .sort((a, b) => (a.completedOn < b.completedOn ? 1 : a.completedOn > b.completedOn ? -1 : 0))
      .map((activity) => ({
        activity,
        id: activity.id,
        title: activity.title,
        details: `${activity.provider} · ${activity.completedOn} · ${formatHours(activity.hours)} ${
          activity.hours === 1 ? 'hour' : 'hours'
        }`,
        categories: activity.categories.map(ceCategoryLabel).join(', '),
        forCredentials: activity.credentialIds
          .map((id) => labels.get(id) ?? 'a credential no longer listed')
          .join(', '),
        badge: CE_REVIEW_BADGES[activity.status],
        reviewNote: activity.reviewNote,
      }));
  });

  protected showEvidenceChange(activity: CeActivity, files: EvidenceFile[]): void {
    const hasEvidence = files.length > 0;
    if (activity.hasEvidence !== hasEvidence) {
      this.evidenceChanged.emit({ ...activity, hasEvidence });
    }
  }
}
