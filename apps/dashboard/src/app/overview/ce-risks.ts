import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DataTable, memberLink, type TableColumn } from '../shared/data-table/data-table';
import type { CeRiskRow } from './director-lists-view';

/** R15: CE groups behind pace or at risk of missing the cycle's hours. */
@Component({
  selector: 'him-ce-risks',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">No CE group is behind or at risk.</p>
    } @else {
      <him-data-table
        [rows]="rows()"
        [columns]="columns"
        [trackBy]="key"
        label="CE groups behind or at risk table"
        caption="CE groups behind or at risk, at risk first"
      />
    }
  `,
  styleUrl: './overview-tables.scss',
})
export class CeRisks {
  readonly rows = input.required<CeRiskRow[]>();

  protected readonly columns: TableColumn<CeRiskRow>[] = [
    { key: 'member', header: 'Member', link: (row) => memberLink(row.staffId, row.staffName) },
    { key: 'body', header: 'Issuing body', text: (row) => row.issuingBody },
    { key: 'credentials', header: 'Credentials', text: (row) => row.credentials },
    { key: 'earned', header: 'Earned', numeric: true, text: (row) => row.earned },
    { key: 'pace', header: 'Pace', numeric: true, text: (row) => row.pace },
    { key: 'cycleEnd', header: 'Cycle ends', text: (row) => row.cycleEnd },
    { key: 'status', header: 'Status', badge: (row) => row.status },
  ];
  protected readonly key = (row: CeRiskRow) => row.key;
}
