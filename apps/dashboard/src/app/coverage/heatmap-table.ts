import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { SkillCategory } from '@him/contracts';
import { ColumnsOutOfView } from '../shared/columns-out-of-view/columns-out-of-view';
import { categoriesOf } from '../shared/grid-filter/grid-filter';
import { GridFilters } from '../shared/grid-filter/grid-filters';
import { GapMarker } from '../shared/gap-marker/gap-marker';
import { filterHeatmap, type Heatmap } from './coverage-view';

/**
 * A heatmap as a table: each cell says its count in words; a gap (members below the level)
 * is the loudest colour and says "Gap" beside an icon, met cells stay quiet. Column and row
 * headers carry `scope` and stay in place while the box scrolls; the caption explains a cell.
 * Filters narrow the skills to a category or to those with a gap.
 */
@Component({
  selector: 'him-heatmap-table',
  imports: [ColumnsOutOfView, GapMarker, GridFilters],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (heatmap().skills.length === 0) {
      <p class="empty-note">No role requires a skill level, so there is nothing to count.</p>
    } @else if (heatmap().rows.length === 0) {
      <p class="empty-note">{{ emptyText() }}</p>
    } @else {
      <him-grid-filters
        [label]="'Filter the ' + regionLabel().toLowerCase()"
        gapLabel="Only skills with a gap"
        [categories]="categories()"
        [(category)]="category"
        [(onlyGaps)]="onlyGaps"
      />
      @if (shown().skills.length === 0) {
        <p class="empty-note" data-testid="no-columns">
          {{ onlyGaps() ? 'No skill here has a gap.' : 'No skill of this category is required.' }}
        </p>
      } @else {
        <!-- the caption's words, shown above the box so the header row starts at its top -->
        <p class="heatmap-caption" aria-hidden="true">{{ caption() }}</p>
        <him-columns-out-of-view [box]="box" one="skill" other="skills" />
        <div
          #box
          class="table-scroll grid-scroll"
          role="region"
          [attr.aria-label]="regionLabel()"
          tabindex="0"
        >
          <table class="heatmap">
            <caption class="cdk-visually-hidden">
              {{
                caption()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="sticky-col">{{ rowHeading() }}</th>
                @for (skill of shown().skills; track skill.id) {
                  <th scope="col" [attr.data-column]="skill.id">{{ skill.name }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of shown().rows; track row.id) {
                <tr>
                  <th scope="row" class="row-header sticky-col">
                    {{ row.name }}
                    <span class="cell-detail">{{ row.members }} active</span>
                  </th>
                  @for (cell of row.cells; track cell.skillId) {
                    <td [class]="'heat heat--' + cell.tone" [attr.data-skill]="cell.skillId">
                      @if (cell.requiredLevel === null) {
                        <span class="heat-muted">{{ cell.text }}</span>
                      } @else {
                        @if (cell.short > 0) {
                          <him-gap-marker [short]="cell.short" />
                        }
                        <span class="heat-count" aria-hidden="true">{{ cell.count }}</span>
                        <span class="heat-text">{{ cell.text }}</span>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
  styleUrl: '../overview/overview-tables.scss',
  styles: `
    .heatmap {
      background: var(--mat-sys-surface-container-lowest);
    }
    .heatmap-caption {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    th,
    td {
      padding: 8px 12px;
      border-right: 1px solid var(--mat-sys-outline-variant);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    thead th {
      font: var(--mat-sys-title-small);
      text-align: left;
      max-width: 160px;
    }
    .row-header {
      min-width: 180px;
    }
    .heat {
      min-width: 104px;
      color: var(--mat-sys-on-surface);
    }
    .heat-count {
      display: block;
      font: var(--mat-sys-title-large);
    }
    .heat-text {
      display: block;
      font: var(--mat-sys-body-small);
    }
    .heat-muted {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    /*
     * Loudness follows the gap, not the share met: nobody at the level is the most saturated
     * cell (white on the error colour), half or more short a strong tint, fewer a light one;
     * met cells stay plain. Every pair keeps 4.5:1, and a gap also says "Gap" in words.
     */
    .heat--gap-all {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    .heat--gap-most {
      background: color-mix(in srgb, var(--mat-sys-error) 40%, white);
      color: var(--mat-sys-on-surface);
    }
    .heat--gap-some {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .heat--met {
      background: var(--mat-sys-surface-container-lowest);
      color: var(--mat-sys-on-surface-variant);
    }
    .heat--empty,
    .heat--not-required {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
    }
    .heat--gap-all .heat-text,
    .heat--gap-all .heat-muted {
      color: inherit;
    }
    @media (forced-colors: active) {
      .heat {
        forced-color-adjust: auto;
      }
    }
  `,
})
export class HeatmapTable {
  readonly heatmap = input.required<Heatmap>();
  readonly caption = input.required<string>();
  readonly rowHeading = input.required<string>();
  readonly regionLabel = input.required<string>();
  readonly emptyText = input('No rows to show.');

  protected readonly category = signal<SkillCategory | null>(null);
  protected readonly onlyGaps = signal(false);
  protected readonly categories = computed(() => categoriesOf(this.heatmap().skills));
  protected readonly shown = computed(() =>
    filterHeatmap(this.heatmap(), { category: this.category(), onlyGaps: this.onlyGaps() }),
  );
}
