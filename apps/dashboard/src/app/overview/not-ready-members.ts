import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { NotReadyRow } from './readiness-view';

/** R6: the active members behind "Staff ready" and "Requirements met", with what each is missing. */
@Component({
  selector: 'him-not-ready-members',
  imports: [MatTableModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (members().length === 0) {
      <p class="empty-note">Every active member meets all of their role's requirements.</p>
    } @else {
      <div class="table-scroll" role="region" aria-label="Members not ready table" tabindex="0">
        <table mat-table [dataSource]="members()" [trackBy]="trackMember">
          <caption class="cdk-visually-hidden">
            Active members who do not meet every requirement of their role
          </caption>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">Member</th>
            <th
              *matCellDef="let member"
              scope="row"
              class="row-header mat-mdc-cell mdc-data-table__cell"
            >
              <a [routerLink]="['/staff', member.staffId]">{{ member.name }}</a>
            </th>
          </ng-container>
          <ng-container matColumnDef="team">
            <th mat-header-cell *matHeaderCellDef scope="col">Team</th>
            <td mat-cell *matCellDef="let member">{{ member.teamName }}</td>
          </ng-container>
          <ng-container matColumnDef="met">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Requirements met</th>
            <td mat-cell *matCellDef="let member" class="numeric">
              {{ member.met }} of {{ member.total }}
            </td>
          </ng-container>
          <ng-container matColumnDef="missing">
            <th mat-header-cell *matHeaderCellDef scope="col">Missing</th>
            <td mat-cell *matCellDef="let member">
              <ul class="plain-list">
                @for (requirement of member.missing; track $index) {
                  <li>{{ requirement }}</li>
                }
              </ul>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let member; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styleUrl: './overview-tables.scss',
})
export class NotReadyMembers {
  readonly members = input.required<NotReadyRow[]>();

  protected readonly columns = ['name', 'team', 'met', 'missing'];
  protected readonly trackMember = (_index: number, member: NotReadyRow) => member.staffId;
}
