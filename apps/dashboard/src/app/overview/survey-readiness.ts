import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { LapsedRow, SurveyView } from './director-lists-view';

/** R9 for the survey date: the figures that day and the credentials that will have lapsed. */
@Component({
  selector: 'him-survey-readiness',
  imports: [MatTableModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="survey-assumption">
      Assumes nobody renews or earns a credential and nobody is assessed after {{ asOf() }}.
    </p>
    <dl class="survey-figures">
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
      <div
        class="table-scroll"
        role="region"
        aria-label="Credentials lapsed by the survey table"
        tabindex="0"
      >
        <table
          mat-table
          [dataSource]="survey().lapsed"
          [trackBy]="trackRow"
          aria-labelledby="survey-lapsed-heading"
        >
          <ng-container matColumnDef="member">
            <th mat-header-cell *matHeaderCellDef scope="col">Member</th>
            <th
              *matCellDef="let row"
              scope="row"
              class="row-header mat-mdc-cell mdc-data-table__cell"
            >
              <a [routerLink]="['/staff', row.staffId]">{{ row.staffName }}</a>
            </th>
          </ng-container>
          <ng-container matColumnDef="credential">
            <th mat-header-cell *matHeaderCellDef scope="col">Credential</th>
            <td mat-cell *matCellDef="let row">{{ row.credential }}</td>
          </ng-container>
          <ng-container matColumnDef="expiresOn">
            <th mat-header-cell *matHeaderCellDef scope="col">Expires on</th>
            <td mat-cell *matCellDef="let row">{{ row.expiresOn }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styleUrl: './overview-tables.scss',
  styles: `
    .survey-assumption {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .survey-figures {
      display: flex;
      flex-wrap: wrap;
      gap: 24px;
      margin: 0 0 16px;
      dt {
        font: var(--mat-sys-title-small);
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        font: var(--mat-sys-headline-small);
      }
    }
    .table-heading {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class SurveyReadiness {
  readonly survey = input.required<SurveyView>();
  readonly asOf = input.required<string>();

  protected readonly columns = ['member', 'credential', 'expiresOn'];
  protected readonly trackRow = (_index: number, row: LapsedRow) => row.key;
}
