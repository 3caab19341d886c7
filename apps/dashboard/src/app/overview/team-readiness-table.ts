import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { StatusChip } from '../shared/status/status-chip';
import { FigureChangeView } from './figure-change';
import type { TeamRow } from './readiness-view';
import { teamsWorstFirst, teamTargetBadge } from './team-order';

/** R8 figures per team, worst first, each team flagged in words when below its coverage targets. */
@Component({
  selector: 'him-team-readiness-table',
  imports: [MatTableModule, RouterLink, FigureChangeView, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (teams().length === 0) {
      <p class="empty-note">No teams are set up in this department yet.</p>
    } @else {
      <div class="table-scroll" role="region" aria-label="Teams table" tabindex="0">
        <table mat-table [dataSource]="sortedTeams()" [trackBy]="trackTeam" class="team-table">
          <caption class="cdk-visually-hidden">
            {{
              caption()
            }}
          </caption>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">Team</th>
            <th
              *matCellDef="let team"
              scope="row"
              class="row-header mat-mdc-cell mdc-data-table__cell"
            >
              <a routerLink="/team-matrix" [queryParams]="{ team: team.teamId }">{{ team.name }}</a>
            </th>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col">Coverage</th>
            <td mat-cell *matCellDef="let team">
              <him-status-chip [badge]="badge(team)" />
            </td>
          </ng-container>
          <ng-container matColumnDef="activeStaff">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Active staff</th>
            <td mat-cell *matCellDef="let team" class="numeric">{{ team.activeStaff }}</td>
          </ng-container>
          <ng-container matColumnDef="staffReady">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Staff ready</th>
            <td mat-cell *matCellDef="let team" class="numeric">
              <span class="cell-value">{{ team.staffReady.value }}</span>
              <span class="cell-detail">{{ team.staffReady.detail }}</span>
              @if (team.staffReady.change; as change) {
                <him-figure-change class="cell-change" [change]="change" />
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="requirementsMet">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Requirements met</th>
            <td mat-cell *matCellDef="let team" class="numeric">
              <span class="cell-value">{{ team.requirementsMet.value }}</span>
              <span class="cell-detail">{{ team.requirementsMet.detail }}</span>
              @if (team.requirementsMet.change; as change) {
                <him-figure-change class="cell-change" [change]="change" />
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="targetsMet">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">
              Coverage targets met
            </th>
            <td mat-cell *matCellDef="let team" class="numeric">
              <span class="cell-value">{{ team.targetsMet.value }}</span>
              <span class="cell-detail">{{ team.targetsMet.detail }}</span>
              @if (team.targetsMet.change; as change) {
                <him-figure-change class="cell-change" [change]="change" />
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let team; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styleUrl: './overview-tables.scss',
  styles: `
    .cell-change {
      display: flex;
      justify-content: flex-end;
    }
  `,
})
export class TeamReadinessTable {
  readonly teams = input.required<TeamRow[]>();
  readonly caption = input('Readiness by team');

  protected readonly sortedTeams = computed(() => teamsWorstFirst(this.teams()));
  protected readonly badge = teamTargetBadge;

  protected readonly columns = [
    'name',
    'status',
    'activeStaff',
    'staffReady',
    'requirementsMet',
    'targetsMet',
  ];
  protected readonly trackTeam = (_index: number, team: TeamRow) => team.teamId;
}
