import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Heatmap } from './coverage-view';

/**
 * A heatmap as a table: each cell says its count in words and its colour intensity only
 * repeats it. Column and row headers carry `scope`, the caption explains a cell.
 */
@Component({
  selector: 'him-heatmap-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (heatmap().skills.length === 0) {
      <p class="empty-note">No role requires a skill level, so there is nothing to count.</p>
    } @else if (heatmap().rows.length === 0) {
      <p class="empty-note">{{ emptyText() }}</p>
    } @else {
      <div class="table-scroll" role="region" [attr.aria-label]="regionLabel()" tabindex="0">
        <table class="heatmap">
          <caption>
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ rowHeading() }}</th>
              @for (skill of heatmap().skills; track skill.id) {
                <th scope="col">{{ skill.name }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of heatmap().rows; track row.id) {
              <tr>
                <th scope="row" class="row-header">
                  {{ row.name }}
                  <span class="cell-detail">{{ row.members }} active</span>
                </th>
                @for (cell of row.cells; track cell.skillId) {
                  <td
                    class="heat"
                    [class]="'heat heat--' + (cell.intensity < 0 ? 'none' : cell.intensity)"
                    [attr.data-skill]="cell.skillId"
                  >
                    @if (cell.requiredLevel === null) {
                      <span class="heat-muted">{{ cell.text }}</span>
                    } @else {
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
  `,
  styleUrl: '../overview/overview-tables.scss',
  styles: `
    .heatmap {
      border-collapse: collapse;
      background: var(--mat-sys-surface-container-lowest);
    }
    caption {
      caption-side: top;
      padding: 12px 16px;
      text-align: left;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    th,
    td {
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    thead th {
      font: var(--mat-sys-title-small);
      text-align: left;
    }
    .heat {
      min-width: 120px;
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
    /* Intensity repeats the count; the light steps keep dark text, the darkest white text (4.5:1). */
    .heat--0 {
      background: var(--mat-sys-surface-container-lowest);
    }
    .heat--1 {
      background: color-mix(in srgb, var(--mat-sys-primary) 12%, white);
    }
    .heat--2 {
      background: color-mix(in srgb, var(--mat-sys-primary) 25%, white);
    }
    .heat--3 {
      background: color-mix(in srgb, var(--mat-sys-primary) 40%, white);
    }
    .heat--4 {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .heat--none {
      background: var(--mat-sys-surface-container);
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
}
