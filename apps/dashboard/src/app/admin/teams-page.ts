import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Team } from '@him/contracts';
import { coverageTargetInWords } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { StaffApi } from '../core/api/staff-api';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';
import { AdminList, adminListPage } from './admin-list';
import { TeamDialog, type TeamDialogData } from './team-dialog';

/** Teams, their managers and coverage targets ("≥ 2 holding CCS or CPC"). */
@Component({
  selector: 'him-teams-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<him-admin-list [page]="page" />`,
})
export class TeamsPage {
  private readonly adminApi = inject(AdminApi);
  private readonly staffApi = inject(StaffApi);
  private readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  private readonly types = createLoader(
    () => this.adminApi.credentialTypes.list(),
    'the credential types',
  );
  private readonly staff = createLoader(() => this.staffApi.listStaff(), 'the staff members');

  protected readonly page = adminListPage<Team, TeamDialogData>({
    noun: 'team',
    caption: 'Teams, managers and coverage targets',
    records: this.adminApi.teams,
    needs: [this.skills, this.types, this.staff],
    columns: () => {
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
    },
    rowName: (team) => team.name,
    dialog: {
      component: TeamDialog,
      width: '820px',
      data: (team) => ({
        skills: this.skills.value() ?? [],
        credentialTypes: this.types.value() ?? [],
        staff: this.staff.value() ?? [],
        team,
      }),
    },
    deleteWarning: 'A team that still has members cannot be deleted.',
  });
}
