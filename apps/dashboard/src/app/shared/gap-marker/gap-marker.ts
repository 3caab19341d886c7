import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Icon } from '../icon/icon';
import { ICON_WARNING } from '../status/status-icons';

/**
 * A gap in a grid cell: a warning icon and the word, so a gap never depends on colour alone;
 * with `short`, how many are missing ("Gap: 2 short").
 */
@Component({
  selector: 'him-gap-marker',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'gap-marker', 'data-testid': 'gap-marker' },
  template: `<svg [himIcon]="icon" size="16"></svg>{{ words() }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-label-medium);
      font-weight: 700;
    }
    svg {
      flex: none;
    }
  `,
})
export class GapMarker {
  /** how many are missing; null: just "Gap" */
  readonly short = input<number | null>(null);

  protected readonly icon = ICON_WARNING;
  protected readonly words = computed(() => {
    const short = this.short();
    return short === null ? 'Gap' : `Gap: ${short} short`;
  });
}
