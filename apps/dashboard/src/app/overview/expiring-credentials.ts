import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DataTable, memberLink, type TableColumn } from '../shared/data-table/data-table';
import type { ExpirationRow } from './director-lists-view';

/** R10: credentials that expire in the next days, soonest first. */
@Component({
  selector: 'him-expiring-credentials',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">No credential expires in the next {{ withinDays() }} days.</p>
    } @else {
      <him-data-table
        [rows]="rows()"
        [columns]="columns"
        [trackBy]="credentialId"
        label="Expiring credentials table"
        [caption]="'Credentials expiring in the next ' + withinDays() + ' days, soonest first'"
      />
    }
  `,
  styleUrl: './overview-tables.scss',
})
export class ExpiringCredentials {
  readonly rows = input.required<ExpirationRow[]>();
  readonly withinDays = input.required<number>();

  protected readonly columns: TableColumn<ExpirationRow>[] = [
    { key: 'member', header: 'Member', link: (row) => memberLink(row.staffId, row.staffName) },
    { key: 'team', header: 'Team', text: (row) => row.teamName },
    { key: 'credential', header: 'Credential', text: (row) => row.credential },
    { key: 'expiresOn', header: 'Expires on', text: (row) => row.expiresOn },
    { key: 'daysLeft', header: 'Days left', numeric: true, text: (row) => row.daysLeftText },
    { key: 'verification', header: 'Verification', text: (row) => row.verification },
  ];
  protected readonly credentialId = (row: ExpirationRow) => row.credentialId;
}
