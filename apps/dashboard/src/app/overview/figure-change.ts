import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { FigureChange } from './readiness-view';
import { Icon } from '../shared/icon/icon';

// Material Icons (Apache-2.0): arrow_upward, arrow_downward, arrow_right_alt.
const ARROWS: Record<FigureChange['direction'], string> = {
  up: 'M4 12l1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8-8 8z',
  down: 'M20 12l-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8 8-8z',
  same: 'M16.01 11H4v2h12.01v3L20 12l-3.99-4z',
};

/** A figure's change said in words with an arrow; the colour only repeats the direction. */
@Component({
  selector: 'him-figure-change',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="figure-change" [class]="'figure-change--' + change().direction">
      <svg [himIcon]="arrow()" size="16"></svg>
      <span>{{ change().text }}</span>
    </span>
  `,
  styles: `
    :host {
      display: block;
    }
    .figure-change {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    svg {
      flex: 0 0 auto;
    }
    .figure-change--up {
      color: var(--mat-sys-primary);
    }
    .figure-change--down {
      color: var(--mat-sys-error);
    }
  `,
})
export class FigureChangeView {
  readonly change = input.required<FigureChange>();
  protected readonly arrow = computed(() => ARROWS[this.change().direction]);
}
