import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ExpirationRow } from './director-lists-view';

/** R10: credentials that expire in the next days, soonest first. */
@Component({
  selector: 'him-expiring-credentials',
  imports: [MatTableModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">No credential expires in the next {{ withinDays() }} days.</p>
    } @else {
      <div class="table-scroll" role="region" aria-label="Expiring credentials table" tabindex="0">
        <table mat-table [dataSource]="rows()" [trackBy]="trackRow">
          <caption class="cdk-visually-hidden">
            Credentials expiring in the next
            {{
              withinDays()
            }}
            days, soonest first
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
          <ng-container matColumnDef="team">
            <th mat-header-cell *matHeaderCellDef scope="col">Team</th>
            <td mat-cell *matCellDef="let row">{{ row.teamName }}</td>
          </ng-container>
          <ng-container matColumnDef="credential">
            <th mat-header-cell *matHeaderCellDef scope="col">Credential</th>
            <td mat-cell *matCellDef="let row">{{ row.credential }}</td>
          </ng-container>
          <ng-container matColumnDef="expiresOn">
            <th mat-header-cell *matHeaderCellDef scope="col">Expires on</th>
            <td mat-cell *matCellDef="let row">{{ row.expiresOn }}</td>
          </ng-container>
          <ng-container matColumnDef="daysLeft">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Days left</th>
            <td mat-cell *matCellDef="let row" class="numeric">{{ row.daysLeftText }}</td>
          </ng-container>
          <ng-container matColumnDef="verification">
            <th mat-header-cell *matHeaderCellDef scope="col">Verification</th>
            <td mat-cell *matCellDef="let row">{{ row.verification }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styleUrl: './overview-tables.scss',
})
export class ExpiringCredentials {
  readonly rows = input.required<ExpirationRow[]>();
  readonly withinDays = input.required<number>();

  protected readonly columns = [
    'member',
    'team',
    'credential',
    'expiresOn',
    'daysLeft',
    'verification',
  ];
  protected readonly trackRow = (_index: number, row: ExpirationRow) => row.credentialId;
}
