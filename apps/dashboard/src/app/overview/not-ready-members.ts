import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DataTable, memberLink, type TableColumn } from '../shared/data-table/data-table';
import type { NotReadyRow } from './readiness-view';

/** R6: the active members behind "Staff ready" and "Requirements met", with what each is missing. */
@Component({
  selector: 'him-not-ready-members',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (members().length === 0) {
      <p class="empty-note">Every active member meets all of their role's requirements.</p>
    } @else {
      <him-data-table
        [rows]="members()"
        [columns]="columns"
        [trackBy]="staffId"
        [bullets]="true"
        [cardsOnPhone]="true"
        label="Members not ready table"
        caption="Active members who do not meet every requirement of their role"
      />
    }
  `,
  styleUrl: './overview-tables.scss',
})
export class NotReadyMembers {
  readonly members = input.required<NotReadyRow[]>();

  protected readonly columns: TableColumn<NotReadyRow>[] = [
    { key: 'name', header: 'Member', link: (member) => memberLink(member.staffId, member.name) },
    { key: 'team', header: 'Team', text: (member) => member.teamName },
    {
      key: 'met',
      header: 'Requirements met',
      numeric: true,
      text: (member) => `${member.met} of ${member.total}`,
    },
    { key: 'missing', header: 'Missing', list: (member) => member.missing },
  ];
  protected readonly staffId = (member: NotReadyRow) => member.staffId;
}
