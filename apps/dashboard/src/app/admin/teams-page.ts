import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import type { CoverageTarget, Team } from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { StaffApi } from '../core/api/staff-api';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';
import { LoadStatus } from '../shared/load-status/load-status';
import {
  type AdminDialogResult,
  confirmThenDelete,
  injectConfirm,
  injectNotify,
} from './admin-support';
import { TeamDialog, type TeamDialogData } from './team-dialog';
import { coverageTargetInWords } from '@him/domain';

/** Teams, their managers and coverage targets ("≥ 2 holding CCS or CPC"). */
@Component({
  selector: 'him-teams-page',
  imports: [MatButtonModule, MatTableModule, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Teams</h2>
    <div class="page-actions">
      <button mat-flat-button type="button" [disabled]="!catalogReady()" (click)="openTeam()">
        Add team
      </button>
    </div>
    @if (actionError(); as message) {
      <p class="action-error" role="alert">{{ message }}</p>
    }
    <him-load-status
      what="the teams"
      errorTitle="The teams could not be loaded"
      [loading]="teams.loading() || skills.loading() || types.loading() || staff.loading()"
      [error]="teams.error() ?? skills.error() ?? types.error() ?? staff.error()"
      (retry)="reload()"
    />
    @if (teams.value(); as loaded) {
      @if (loaded.length === 0) {
        <p class="empty-panel">No teams yet. Add the first one.</p>
      } @else {
        <div class="table-scroll" role="region" aria-label="Teams" tabindex="0">
          <table mat-table [dataSource]="loaded">
            <caption class="cdk-visually-hidden">
              Teams, managers and coverage targets
            </caption>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <th
                *matCellDef="let team"
                scope="row"
                class="row-header mat-mdc-cell mdc-data-table__cell"
              >
                {{ team.name }}
              </th>
            </ng-container>
            <ng-container matColumnDef="managers">
              <th mat-header-cell *matHeaderCellDef scope="col">Managers</th>
              <td mat-cell *matCellDef="let team">{{ managersOf(team) }}</td>
            </ng-container>
            <ng-container matColumnDef="targets">
              <th mat-header-cell *matHeaderCellDef scope="col">Coverage targets</th>
              <td mat-cell *matCellDef="let team">
                <ul class="plain-list">
                  @for (target of team.coverageTargets; track $index) {
                    <li>{{ words(target) }}</li>
                  } @empty {
                    <li>None</li>
                  }
                </ul>
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">Actions</th>
              <td mat-cell *matCellDef="let team">
                <div class="row-actions">
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="!catalogReady()"
                    [attr.aria-label]="'Edit ' + team.name"
                    (click)="openTeam(team)"
                  >
                    Edit
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Delete ' + team.name"
                    (click)="deleteTeam(team)"
                  >
                    Delete
                  </button>
                </div>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let team; columns: columns"></tr>
          </table>
        </div>
      }
    }
  `,
  styleUrls: ['../shared/page.scss', './admin.scss'],
})
export class TeamsPage {
  private readonly adminApi = inject(AdminApi);
  private readonly staffApi = inject(StaffApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = injectNotify();
  private readonly confirm = injectConfirm();

  protected readonly teams = createLoader(() => this.adminApi.teams.list(), 'the teams');
  protected readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  protected readonly types = createLoader(
    () => this.adminApi.credentialTypes.list(),
    'the credential types',
  );
  protected readonly staff = createLoader(() => this.staffApi.listStaff(), 'the staff members');
  protected readonly actionError = signal<string | null>(null);
  protected readonly columns = ['name', 'managers', 'targets', 'actions'];
  protected readonly catalogReady = computed(
    () => !!this.skills.value() && !!this.types.value() && !!this.staff.value(),
  );
  private readonly catalog = computed(() =>
    requirementCatalogOf(this.skills.value() ?? [], this.types.value() ?? []),
  );
  private readonly staffNames = computed(
    () => new Map((this.staff.value() ?? []).map((member) => [member.id, member.name])),
  );

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.teams.load();
    this.skills.load();
    this.types.load();
    this.staff.load();
  }

  protected words(target: CoverageTarget): string {
    return coverageTargetInWords(target, this.catalog());
  }

  protected managersOf(team: Team): string {
    if (team.managerStaffIds.length === 0) {
      return 'None';
    }
    return team.managerStaffIds
      .map((id) => this.staffNames().get(id) ?? 'Unknown member')
      .join(', ');
  }

  protected openTeam(team?: Team): void {
    this.actionError.set(null);
    this.dialog
      .open<TeamDialog, TeamDialogData, AdminDialogResult<Team>>(TeamDialog, {
        data: {
          skills: this.skills.value() ?? [],
          credentialTypes: this.types.value() ?? [],
          staff: this.staff.value() ?? [],
          team,
        },
        width: '820px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (result && 'saved' in result) {
          this.notify(`Team ${result.saved.name} ${team ? 'saved' : 'added'}.`);
        }
        if (result) {
          this.teams.load();
        }
      });
  }

  protected deleteTeam(team: Team): void {
    this.actionError.set(null);
    confirmThenDelete(
      this.confirm,
      {
        title: `Delete team ${team.name}?`,
        message: 'A team that still has members cannot be deleted.',
        confirmLabel: 'Delete team',
      },
      () => this.adminApi.teams.remove(team.id),
      'delete the team',
      (failure) => {
        if (failure) {
          this.actionError.set(failure);
          return;
        }
        this.notify(`Team ${team.name} deleted.`);
        this.teams.load();
      },
    );
  }
}
