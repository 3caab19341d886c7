import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  type TemplateRef,
} from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { type StatusBadge, StatusChip } from '../status/status-chip';

/** A link in a cell: a member's profile, a team's matrix. */
export interface TableLink {
  text: string;
  route: readonly (string | number)[];
}

/** A member's name, linked to their profile. */
export function memberLink(staffId: string, name: string): TableLink {
  return { text: name, route: ['/staff', staffId] };
}

/**
 * One column of a data table: its header and what a row shows in it, as one of text (with an
 * optional second line), a link, a list of links, a list of lines, a status chip or, for
 * anything else, the page's own template (with the row as `$implicit`).
 */
export interface TableColumn<T> {
  /** the column's id (unique in the table) */
  key: string;
  header: string;
  /** numbers: right-aligned, tabular digits */
  numeric?: boolean;
  text?: (row: T) => string | number;
  /** a second, smaller line under the text */
  detail?: (row: T) => string | null | undefined;
  link?: (row: T) => TableLink;
  /** links separated by commas; `empty` when there are none */
  links?: (row: T) => readonly TableLink[];
  /** one line per item; `empty` when there are none */
  list?: (row: T) => readonly string[];
  /** what a cell of `links` or `list` says when it has none */
  empty?: string;
  badge?: (row: T) => StatusBadge;
  template?: TemplateRef<{ $implicit: T }>;
}

/**
 * A table of the dashboard: a focusable scroll region (keyboard users can scroll a wide
 * table), its first column heading each row, numbers aligned, and a caption or heading that
 * names it for screen readers. The page gives the rows and the columns.
 */
@Component({
  selector: 'him-data-table',
  imports: [MatTableModule, NgTemplateOutlet, RouterLink, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-scroll" role="region" [attr.aria-label]="label()" tabindex="0">
      <table
        mat-table
        [dataSource]="rows()"
        [trackBy]="trackRow"
        [attr.aria-labelledby]="labelledBy()"
        [class.cards-on-phone]="cardsOnPhone()"
      >
        @if (caption(); as text) {
          <caption class="cdk-visually-hidden">
            {{
              text
            }}
          </caption>
        }
        @if (rowHeader(); as header) {
          <ng-container [matColumnDef]="header.key">
            <th mat-header-cell *matHeaderCellDef scope="col" [class.numeric]="header.numeric">
              {{ header.header }}
            </th>
            <th
              *matCellDef="let row"
              scope="row"
              class="row-header mat-mdc-cell mdc-data-table__cell"
              [class.numeric]="header.numeric"
              [attr.data-label]="header.header"
            >
              <ng-container *ngTemplateOutlet="cell; context: { $implicit: header, row: row }" />
            </th>
          </ng-container>
        }
        @for (column of cellColumns(); track column.key) {
          <ng-container [matColumnDef]="column.key">
            <th mat-header-cell *matHeaderCellDef scope="col" [class.numeric]="column.numeric">
              {{ column.header }}
            </th>
            <td
              mat-cell
              *matCellDef="let row"
              [class.numeric]="column.numeric"
              [attr.data-label]="column.header"
            >
              <ng-container *ngTemplateOutlet="cell; context: { $implicit: column, row: row }" />
            </td>
          </ng-container>
        }
        <tr mat-header-row *matHeaderRowDef="columnKeys()"></tr>
        <tr mat-row *matRowDef="let row; columns: columnKeys()"></tr>
      </table>
    </div>

    <ng-template #cell let-column let-row="row">
      @if (column.template) {
        <ng-container *ngTemplateOutlet="column.template; context: { $implicit: row }" />
      } @else if (column.link) {
        @let link = column.link(row);
        <a [routerLink]="link.route">{{ link.text }}</a>
      } @else if (column.links) {
        @let links = column.links(row);
        @if (links.length === 0) {
          {{ column.empty ?? '' }}
        } @else {
          <ul class="cell-links">
            @for (link of links; track $index) {
              <li>
                <a [routerLink]="link.route">{{ link.text }}</a>
              </li>
            }
          </ul>
        }
      } @else if (column.list) {
        <ul class="cell-list" [class.cell-list--bullets]="bullets()">
          @for (item of column.list(row); track $index) {
            <li>{{ item }}</li>
          } @empty {
            @if (column.empty) {
              <li>{{ column.empty }}</li>
            }
          }
        </ul>
      } @else if (column.badge) {
        <him-status-chip [badge]="column.badge(row)" />
      } @else if (column.detail) {
        <span class="cell-value">{{ column.text?.(row) }}</span>
        @if (column.detail(row); as detail) {
          <span class="cell-detail">{{ detail }}</span>
        }
      } @else {
        {{ column.text?.(row) }}
      }
    </ng-template>
  `,
  styleUrl: './data-table.scss',
})
export class DataTable<T> {
  readonly rows = input.required<readonly T[]>();
  /** the first column heads each row */
  readonly columns = input.required<readonly TableColumn<T>[]>();
  /** the scroll region's name: "Expiring credentials table" */
  readonly label = input.required<string>();
  /** a caption for screen readers, when no heading names the table */
  readonly caption = input<string | null>(null);
  /** the id of the heading that names the table */
  readonly labelledBy = input<string | null>(null);
  /** what identifies a row across reloads */
  readonly trackBy = input<(row: T) => unknown>((row) => row);
  /** lists as bullets (the overview's) rather than plain lines (the admin lists') */
  readonly bullets = input(false);
  /** on a phone, each row as a card with its cells labelled (tables too wide for the screen) */
  readonly cardsOnPhone = input(false);

  protected readonly rowHeader = computed(() => this.columns()[0] ?? null);
  protected readonly cellColumns = computed(() => this.columns().slice(1));
  protected readonly columnKeys = computed(() => this.columns().map((column) => column.key));
  protected readonly trackRow = (_index: number, row: T) => this.trackBy()(row);
}
