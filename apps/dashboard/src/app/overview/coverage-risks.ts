import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DataTable, memberLink, type TableColumn } from '../shared/data-table/data-table';
import type { CoverageGapRow, SinglePointRow } from './readiness-view';

/** R7: coverage targets short of holders, and requirements only one active member meets. */
@Component({
  selector: 'him-coverage-risks',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="coverage-gaps-heading" class="risk-section">
      <h2 id="coverage-gaps-heading" tabindex="-1">Coverage gaps</h2>
      @if (gaps().length === 0) {
        <p class="empty-note">No coverage gaps: every coverage target has enough active holders.</p>
      } @else {
        <p class="section-intro">Coverage targets with fewer active holders than the team needs.</p>
        <him-data-table
          [rows]="gaps()"
          [columns]="gapColumns"
          [trackBy]="key"
          label="Coverage gaps table"
          labelledBy="coverage-gaps-heading"
        />
      }
    </section>

    <section aria-labelledby="single-points-heading" class="risk-section">
      <h2 id="single-points-heading">Single points of failure</h2>
      @if (singlePoints().length === 0) {
        <p class="empty-note">
          No single points of failure: every requirement a team depends on has more than one holder.
        </p>
      } @else {
        <p class="section-intro">Requirements that exactly one active member of the team meets.</p>
        <him-data-table
          [rows]="singlePoints()"
          [columns]="singlePointColumns"
          [trackBy]="key"
          label="Single points of failure table"
          labelledBy="single-points-heading"
        />
      }
    </section>
  `,
  styleUrl: './overview-tables.scss',
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 32px;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-small);
    }
    .section-intro {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CoverageRisks {
  readonly gaps = input.required<CoverageGapRow[]>();
  readonly singlePoints = input.required<SinglePointRow[]>();

  protected readonly gapColumns: TableColumn<CoverageGapRow>[] = [
    { key: 'team', header: 'Team', text: (gap) => gap.teamName },
    { key: 'requirement', header: 'Requirement', text: (gap) => gap.requirement },
    {
      key: 'holders',
      header: 'Holders',
      numeric: true,
      text: (gap) => `${gap.holders} of ${gap.minHolders} needed`,
    },
    { key: 'gap', header: 'Short by', numeric: true, text: (gap) => gap.gap },
    {
      key: 'holderNames',
      header: 'Current holders',
      links: (gap) => gap.holderMembers.map((member) => memberLink(member.staffId, member.name)),
      empty: 'No one',
    },
  ];
  protected readonly singlePointColumns: TableColumn<SinglePointRow>[] = [
    { key: 'team', header: 'Team', text: (point) => point.teamName },
    { key: 'requirement', header: 'Requirement', text: (point) => point.requirement },
    {
      key: 'staff',
      header: 'Only holder',
      link: (point) => memberLink(point.staffId, point.staffName),
    },
  ];
  protected readonly key = (row: { key: string }) => row.key;
}
