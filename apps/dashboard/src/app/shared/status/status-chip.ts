import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon } from '../icon/icon';

/**
 * How a status reads at a glance. Each tone is an M3 container/on-container pair (at least
 * 4.5:1 contrast); the chip's words and icon carry the meaning, the tone only repeats it.
 */
export type StatusTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

export interface StatusBadge {
  /** the status in words: "Expiring in 12 days", "Submitted — awaiting review" */
  label: string;
  tone: StatusTone;
  /** an SVG path from `status-icons.ts` */
  icon: string;
}

/** A non-interactive status chip: icon, words and a tone, so colour is never the only cue. */
@Component({
  selector: 'him-status-chip',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="status-chip" [class]="'status-chip--' + badge().tone">
      <svg [himIcon]="badge().icon" size="18"></svg>
      <span class="status-chip__label">{{ badge().label }}</span>
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
      max-width: 100%;
    }
    .status-chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 28px;
      max-width: 100%;
      padding: 2px 10px 2px 6px;
      border-radius: 8px;
      border: 1px solid transparent;
      font: var(--mat-sys-label-large);
      line-height: 1.3;
    }
    svg {
      flex: 0 0 auto;
    }
    .status-chip__label {
      /* Not "anywhere": that lets a table column shrink a chip to one letter per line. */
      overflow-wrap: break-word;
    }
    .status-chip--success {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .status-chip--info {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .status-chip--warning {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .status-chip--danger {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .status-chip--neutral {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      border-color: var(--mat-sys-outline-variant);
    }
    @media (forced-colors: active) {
      .status-chip {
        border-color: CanvasText;
      }
    }
  `,
})
export class StatusChip {
  readonly badge = input.required<StatusBadge>();
}
