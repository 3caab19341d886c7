import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CeActivity, CeGroup, IsoDate } from '@him/contracts';
import { StatusChip } from '../status/status-chip';
import { CePaceChart } from './ce-pace-chart';
import { ceGroupView } from './ce-group-view';

/**
 * One CE group (R11 to R15): approved hours against the requirement as a bar and in words,
 * the pace for today as a marker and in words, the status in words with an icon, the
 * cycle, and each minimum with its own earned and required hours.
 */
@Component({
  selector: 'him-ce-group-card',
  imports: [MatCardModule, MatProgressBarModule, StatusChip, CePaceChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let card = view();
    <mat-card appearance="outlined" class="ce-card">
      <mat-card-content>
        <div class="ce-card__header">
          <h3 class="ce-card__title">{{ card.title }}</h3>
          <him-status-chip [badge]="card.status" />
        </div>
        <p class="ce-card__hours">{{ card.hoursText }}</p>
        <div class="ce-card__bar">
          <mat-progress-bar
            mode="determinate"
            [value]="card.earnedPercent"
            [attr.aria-label]="card.title + ' approved CE hours'"
            [attr.aria-valuetext]="card.hoursText"
          />
          <span
            class="ce-card__pace-marker"
            aria-hidden="true"
            [style.left.%]="card.pacePercent"
          ></span>
        </div>
        <p class="ce-card__pace">
          <span class="ce-card__pace-key" aria-hidden="true"></span>{{ card.paceText }} ·
          {{ card.remainingText }}
        </p>
        <p class="ce-card__meaning">{{ card.status.meaning }}</p>
        @if (activities(); as loaded) {
          <him-ce-pace-chart
            class="ce-card__chart"
            [group]="group()"
            [activities]="loaded"
            [asOf]="asOf()"
            [title]="card.title"
          />
        }
        <dl class="ce-card__facts">
          <div>
            <dt>Cycle:</dt>
            &ngsp;
            <dd>{{ card.cycleText }} ({{ card.cycleEndText }})</dd>
          </div>
        </dl>
        @if (card.minimums.length > 0) {
          <h4 class="ce-card__minimums-heading">Minimums</h4>
          <ul class="ce-card__minimums">
            @for (minimum of card.minimums; track minimum.label) {
              <li>
                <span class="ce-card__minimum-label">{{ minimum.label }}:</span>
                <span>{{ minimum.text }}</span>
                <him-status-chip [badge]="minimum.badge" />
              </li>
            }
          </ul>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .ce-card {
      height: 100%;
      background: var(--mat-sys-surface-container-lowest);
    }
    .ce-card__header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .ce-card__title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .ce-card__hours {
      margin: 12px 0 8px;
      font: var(--mat-sys-title-large);
    }
    .ce-card__bar {
      position: relative;
      padding: 6px 0;
    }
    .ce-card__pace-marker {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 3px;
      margin-left: -1px;
      background: var(--mat-sys-on-surface);
      border-radius: 2px;
    }
    .ce-card__pace {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      margin: 8px 0 4px;
      font: var(--mat-sys-body-medium);
    }
    .ce-card__pace-key {
      display: inline-block;
      width: 3px;
      height: 14px;
      background: var(--mat-sys-on-surface);
      border-radius: 2px;
    }
    .ce-card__chart {
      margin: 0 0 8px;
    }
    .ce-card__meaning {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .ce-card__facts {
      margin: 0;
      dt {
        display: inline;
        font-weight: 500;
      }
      dd {
        display: inline;
        margin: 0;
      }
    }
    .ce-card__minimums-heading {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-small);
    }
    .ce-card__minimums {
      display: grid;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
      }
    }
    .ce-card__minimum-label {
      font-weight: 500;
    }
  `,
})
export class CeGroupCard {
  readonly group = input.required<CeGroup>();
  /** the day the status is for (the pace and days left depend on it) */
  readonly asOf = input.required<IsoDate>();
  /** the member's CE activities, for the chart of hours by date (none drawn until loaded) */
  readonly activities = input<readonly CeActivity[] | null>(null);

  protected readonly view = computed(() => ceGroupView(this.group(), this.asOf()));
}
