import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { IsoDate, ReadinessResponse } from '@him/contracts';
import { requirementLabel } from '@him/domain';
import type { RequirementCatalog } from '../core/catalog/requirement-catalog';
import { DataTable, memberLink, type TableColumn } from '../shared/data-table/data-table';

export interface NoLongerReadyRow {
  staffId: string;
  staffName: string;
  teamName: string;
  /** what they will miss then, in words */
  missing: string[];
}

export interface FallingShortRow {
  key: string;
  teamName: string;
  requirement: string;
  /** "1 of 2 needed" */
  holders: string;
}

export interface SurveyChangesView {
  people: NoLongerReadyRow[];
  teams: FallingShortRow[];
}

/** R9 on the survey date: who stops being ready by then, and which teams fall short of a target. */
export function surveyChangesView(
  readiness: ReadinessResponse,
  surveyDate: IsoDate,
  catalog: RequirementCatalog,
): SurveyChangesView | null {
  const point = readiness.forecast.find((candidate) => candidate.date === surveyDate);
  if (!point) {
    return null;
  }
  const teams = new Map(readiness.teams.map((team) => [team.teamId, team.name]));
  const names = new Map(readiness.members.map((member) => [member.staffId, member.name]));
  const teamName = (teamId: string) => teams.get(teamId) ?? 'Unknown team';
  return {
    people: (point.membersNoLongerReady ?? [])
      .map((member) => ({
        staffId: member.staffId,
        staffName: names.get(member.staffId) ?? 'Unknown staff member',
        teamName: teamName(member.teamId),
        missing: member.missing.map((requirement) => requirementLabel(requirement, catalog)),
      }))
      .sort(
        (a, b) => a.teamName.localeCompare(b.teamName) || a.staffName.localeCompare(b.staffName),
      ),
    teams: (point.targetsFallingShort ?? [])
      .map((target, index) => ({
        key: `${target.teamId}:${index}`,
        teamName: teamName(target.teamId),
        requirement: requirementLabel(target.requirement, catalog),
        holders: `${target.holders} of ${target.minHolders} needed`,
      }))
      .sort((a, b) => a.teamName.localeCompare(b.teamName)),
  };
}

/** The people and teams that stop being ready by the survey date, each list with its team. */
@Component({
  selector: 'him-survey-changes',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (view(); as changes) {
      <h3 id="survey-people-heading" class="table-heading">
        Who stops being ready by {{ surveyDate() }}
      </h3>
      @if (changes.people.length === 0) {
        <p class="empty-note">Everyone ready today is still ready on {{ surveyDate() }}.</p>
      } @else {
        <him-data-table
          [rows]="changes.people"
          [columns]="peopleColumns"
          [trackBy]="staffId"
          [bullets]="true"
          label="People no longer ready by the survey table"
          labelledBy="survey-people-heading"
        />
      }
      <h3 id="survey-teams-heading" class="table-heading">
        Teams that fall short of a coverage target by {{ surveyDate() }}
      </h3>
      @if (changes.teams.length === 0) {
        <p class="empty-note">
          Every coverage target met today is still met on {{ surveyDate() }}.
        </p>
      } @else {
        <him-data-table
          [rows]="changes.teams"
          [columns]="teamColumns"
          [trackBy]="key"
          label="Teams falling short by the survey table"
          labelledBy="survey-teams-heading"
        />
      }
    }
  `,
  styleUrl: './overview-tables.scss',
  styles: `
    .table-heading {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class SurveyChanges {
  readonly readiness = input.required<ReadinessResponse>();
  readonly surveyDate = input.required<IsoDate>();
  readonly catalog = input.required<RequirementCatalog>();

  protected readonly view = computed(() =>
    surveyChangesView(this.readiness(), this.surveyDate(), this.catalog()),
  );

  protected readonly peopleColumns: TableColumn<NoLongerReadyRow>[] = [
    { key: 'member', header: 'Member', link: (row) => memberLink(row.staffId, row.staffName) },
    { key: 'team', header: 'Team', text: (row) => row.teamName },
    { key: 'missing', header: 'Missing then', list: (row) => row.missing },
  ];
  protected readonly teamColumns: TableColumn<FallingShortRow>[] = [
    { key: 'team', header: 'Team', text: (row) => row.teamName },
    { key: 'requirement', header: 'Coverage target', text: (row) => row.requirement },
    { key: 'holders', header: 'Holders then', numeric: true, text: (row) => row.holders },
  ];
  protected readonly staffId = (row: NoLongerReadyRow) => row.staffId;
  protected readonly key = (row: FallingShortRow) => row.key;
}
