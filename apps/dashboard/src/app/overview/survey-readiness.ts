import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DataTable, memberLink, type TableColumn } from '../shared/data-table/data-table';
import type { LapsedRow, SurveyView } from './director-lists-view';

/** R9 for the survey date: the figures that day and the credentials that will have lapsed. */
@Component({
  selector: 'him-survey-readiness',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="assumption">
      Assumes nobody renews or earns a credential and nobody is assessed after {{ asOf() }}.
    </p>
    <dl class="figures">
      <div>
        <dt>Staff ready</dt>
        <dd>{{ survey().staffReady }}</dd>
      </div>
      <div>
        <dt>Requirements met</dt>
        <dd>{{ survey().requirementsMet }}</dd>
      </div>
      <div>
        <dt>Coverage targets met</dt>
        <dd>{{ survey().targetsMet }}</dd>
      </div>
    </dl>
    <h3 id="survey-lapsed-heading" class="table-heading">Who will have lapsed by then</h3>
    @if (survey().lapsed.length === 0) {
      <p class="empty-note">
        No credential that is current today lapses by {{ survey().surveyDate }}.
      </p>
    } @else {
      <him-data-table
        [rows]="survey().lapsed"
        [columns]="columns"
        [trackBy]="key"
        label="Credentials lapsed by the survey table"
        labelledBy="survey-lapsed-heading"
      />
    }
  `,
  styleUrl: './overview-tables.scss',
  styles: `
    .table-heading {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class SurveyReadiness {
  readonly survey = input.required<SurveyView>();
  readonly asOf = input.required<string>();

  protected readonly columns: TableColumn<LapsedRow>[] = [
    { key: 'member', header: 'Member', link: (row) => memberLink(row.staffId, row.staffName) },
    { key: 'team', header: 'Team', text: (row) => row.teamName },
    { key: 'credential', header: 'Credential', text: (row) => row.credential },
    { key: 'expiresOn', header: 'Expires on', text: (row) => row.expiresOn },
  ];
  protected readonly key = (row: LapsedRow) => row.key;
}
