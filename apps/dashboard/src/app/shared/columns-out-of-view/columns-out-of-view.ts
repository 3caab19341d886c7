import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import {
  type ColumnsOutOfViewCount,
  columnsOutOfView,
  columnsOutOfViewText,
} from './columns-out-of-view-count';

/**
 * Says in words how many columns of a wide table are out of view ("5 more skills to the
 * right"), updated as the box scrolls, resizes or its columns change. The box holds one
 * table; its data column headers carry `data-column`, a sticky row header `sticky-col`.
 * Polite live region: a screen reader hears the new count once scrolling pauses.
 */
@Component({
  selector: 'him-columns-out-of-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="columns-out-of-view" aria-live="polite" data-testid="columns-out-of-view">
    {{ text() }}
  </p>`,
  styles: `
    .columns-out-of-view {
      margin: 0 0 4px;
      min-height: 1.25rem;
      text-align: right;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ColumnsOutOfView {
  /** the scrolling box that holds the table */
  readonly box = input.required<HTMLElement>();
  /** what one column is called: "skill" */
  readonly one = input.required<string>();
  /** what several are called: "skills" */
  readonly other = input.required<string>();

  private readonly count = signal<ColumnsOutOfViewCount>(
    { left: 0, right: 0, total: 0 },
    { equal: (a, b) => a.left === b.left && a.right === b.right && a.total === b.total },
  );
  protected readonly text = computed(() =>
    columnsOutOfViewText(this.count(), { one: this.one(), other: this.other() }),
  );

  constructor() {
    effect((onCleanup) => {
      const box = this.box();
      let frame = 0;
      // One measure per frame, however many scroll and resize events arrive in it.
      const schedule = () => {
        if (frame === 0) {
          frame = requestAnimationFrame(() => {
            frame = 0;
            this.count.set(measure(box));
          });
        }
      };
      box.addEventListener('scroll', schedule, { passive: true });
      const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
      resize?.observe(box);
      const table = box.querySelector('table');
      if (table) {
        resize?.observe(table);
      }
      // Filters add and remove columns, possibly without changing the table's width.
      const mutation =
        typeof MutationObserver === 'undefined' ? null : new MutationObserver(schedule);
      mutation?.observe(box, { childList: true, subtree: true });
      schedule();
      onCleanup(() => {
        box.removeEventListener('scroll', schedule);
        resize?.disconnect();
        mutation?.disconnect();
        cancelAnimationFrame(frame);
      });
    });
  }
}

function measure(box: HTMLElement): ColumnsOutOfViewCount {
  const boxRect = box.getBoundingClientRect();
  const inner = boxRect.left + box.clientLeft;
  const rowHeader = box.querySelector('thead th.sticky-col');
  const visible = {
    left: rowHeader ? rowHeader.getBoundingClientRect().right : inner,
    right: inner + box.clientWidth,
  };
  const columns = Array.from(box.querySelectorAll('thead th[data-column]'), (header) => {
    const rect = header.getBoundingClientRect();
    return { left: rect.left, right: rect.right };
  });
  return columnsOutOfView(columns, visible);
}
