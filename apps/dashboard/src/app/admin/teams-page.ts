import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { Team } from '@him/contracts';
import { coverageTargetInWords } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { StaffApi } from '../core/api/staff-api';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';
import { type AdminColumn, AdminList, injectAdminActions } from './admin-list';
import { TeamDialog, type TeamDialogData } from './team-dialog';

/** Teams, their managers and coverage targets ("≥ 2 holding CCS or CPC"). */
@Component({
  selector: 'him-teams-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-admin-list
      heading="Teams"
      what="the teams"
      addLabel="Add team"
      label="Teams"
      caption="Teams, managers and coverage targets"
      emptyText="No teams yet. Add the first one."
      [ready]="catalogReady()"
      [loading]="teams.loading() || skills.loading() || types.loading() || staff.loading()"
      [error]="teams.error() ?? skills.error() ?? types.error() ?? staff.error()"
      [items]="teams.value()"
      [columns]="columns()"
      [rowName]="name"
      [actionError]="actions.actionError()"
      (retry)="reload()"
      (add)="openTeam()"
      (edit)="openTeam($event)"
      (remove)="deleteTeam($event)"
    />
  `,
})
export class TeamsPage {
  private readonly adminApi = inject(AdminApi);
  private readonly staffApi = inject(StaffApi);
  protected readonly actions = injectAdminActions();

  protected readonly teams = createLoader(() => this.adminApi.teams.list(), 'the teams');
  protected readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  protected readonly types = createLoader(
    () => this.adminApi.credentialTypes.list(),
    'the credential types',
  );
  protected readonly staff = createLoader(() => this.staffApi.listStaff(), 'the staff members');
  protected readonly catalogReady = computed(
    () => !!this.skills.value() && !!this.types.value() && !!this.staff.value(),
  );
  protected readonly columns = computed((): AdminColumn<Team>[] => {
    const catalog = requirementCatalogOf(this.skills.value() ?? [], this.types.value() ?? []);
    const staffNames = new Map(
      (this.staff.value() ?? []).map((member) => [member.id, member.name]),
    );
    return [
      { key: 'name', header: 'Name', text: (team) => team.name },
      {
        key: 'managers',
        header: 'Managers',
        text: (team) =>
          team.managerStaffIds.map((id) => staffNames.get(id) ?? 'Unknown member').join(', ') ||
          'None',
      },
      {
        key: 'targets',
        header: 'Coverage targets',
        list: (team) =>
          team.coverageTargets.map((target) => coverageTargetInWords(target, catalog)),
      },
    ];
  });
  protected readonly name = (team: Team) => team.name;

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.teams.load();
    this.skills.load();
    this.types.load();
    this.staff.load();
  }

  protected openTeam(team?: Team): void {
    this.actions.openDialog<TeamDialogData, Team>(
      TeamDialog,
      {
        skills: this.skills.value() ?? [],
        credentialTypes: this.types.value() ?? [],
        staff: this.staff.value() ?? [],
        team,
      },
      '820px',
      (saved) => `Team ${saved.name} ${team ? 'saved' : 'added'}.`,
      () => this.teams.load(),
    );
  }

  protected deleteTeam(team: Team): void {
    this.actions.remove(
      {
        title: `Delete team ${team.name}?`,
        message: 'A team that still has members cannot be deleted.',
        confirmLabel: 'Delete team',
      },
      () => this.adminApi.teams.remove(team.id),
      'delete the team',
      `Team ${team.name} deleted.`,
      () => this.teams.load(),
    );
  }
}
