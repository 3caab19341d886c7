import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CeActivity, CeGroup, IsoDate } from '@him/contracts';
import { CeGroupCard } from './ce-group-card';

/** A member's CE groups as cards (R11 to R15), or why none is due. */
@Component({
  selector: 'him-ce-progress',
  imports: [CeGroupCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (groups().length === 0) {
      <p class="empty-panel">{{ emptyText() }}</p>
    } @else {
      @if (intro(); as text) {
        <p class="section-intro">{{ text }}</p>
      }
      <ul class="card-grid">
        @for (group of groups(); track group.issuingBody + group.cycleEnd) {
          <li><him-ce-group-card [group]="group" [asOf]="asOf()" [activities]="activities()" /></li>
        }
      </ul>
    }
  `,
  styleUrl: '../page.scss',
})
export class CeProgress {
  readonly groups = input.required<readonly CeGroup[]>();
  readonly asOf = input.required<IsoDate>();
  /** when no CE is due */
  readonly emptyText = input.required<string>();
  readonly intro = input<string | null>(null);
  /** the member's CE activities: each group then charts its hours by date */
  readonly activities = input<readonly CeActivity[] | null>(null);
}
