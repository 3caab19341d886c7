import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { StatusChip } from '../shared/status/status-chip';
import type { CeRiskRow } from './director-lists-view';

/** R15: CE groups behind pace or at risk of missing the cycle's hours. */
@Component({
  selector: 'him-ce-risks',
  imports: [MatTableModule, RouterLink, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">No CE group is behind or at risk.</p>
    } @else {
      <div
        class="table-scroll"
        role="region"
        aria-label="CE groups behind or at risk table"
        tabindex="0"
      >
        <table mat-table [dataSource]="rows()" [trackBy]="trackRow">
          <caption class="cdk-visually-hidden">
            CE groups behind or at risk, at risk first
          </caption>
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
          <ng-container matColumnDef="body">
            <th mat-header-cell *matHeaderCellDef scope="col">Issuing body</th>
            <td mat-cell *matCellDef="let row">{{ row.issuingBody }}</td>
          </ng-container>
          <ng-container matColumnDef="credentials">
            <th mat-header-cell *matHeaderCellDef scope="col">Credentials</th>
            <td mat-cell *matCellDef="let row">{{ row.credentials }}</td>
          </ng-container>
          <ng-container matColumnDef="earned">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Earned</th>
            <td mat-cell *matCellDef="let row" class="numeric">{{ row.earned }}</td>
          </ng-container>
          <ng-container matColumnDef="pace">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Pace</th>
            <td mat-cell *matCellDef="let row" class="numeric">{{ row.pace }}</td>
          </ng-container>
          <ng-container matColumnDef="cycleEnd">
            <th mat-header-cell *matHeaderCellDef scope="col">Cycle ends</th>
            <td mat-cell *matCellDef="let row">{{ row.cycleEnd }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
            <td mat-cell *matCellDef="let row"><him-status-chip [badge]="row.status" /></td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styleUrl: './overview-tables.scss',
})
export class CeRisks {
  readonly rows = input.required<CeRiskRow[]>();

  protected readonly columns = [
    'member',
    'body',
    'credentials',
    'earned',
    'pace',
    'cycleEnd',
    'status',
  ];
  protected readonly trackRow = (_index: number, row: CeRiskRow) => row.key;
}
