import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import type { IsoDate, ReassessmentDue } from '@him/contracts';
import { levelInWords, reassessmentDueInWords } from '@him/domain';
import { createLoader } from '../../core/api/loader';
import { SurveyWindowApi } from '../../core/api/survey-window-api';
import { DataTable, memberLink, type TableColumn } from '../data-table/data-table';
import { LoadStatus } from '../load-status/load-status';

/**
 * Competence assessments due again: those whose counting period ends within the department's
 * warning window, and those that have stopped counting (overdue first). For the department,
 * one member (`staffId`), or the signed-in member (neither: the API answers their own).
 */
@Component({
  selector: 'him-reassessments-due',
  imports: [DataTable, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-load-status what="the reassessments due" [of]="due" />
    @if (due.value(); as rows) {
      @if (rows.length === 0) {
        <p class="empty-note">No competence assessment is due again soon.</p>
      } @else {
        <him-data-table
          [rows]="rows"
          [columns]="showMember() ? memberColumns : columns"
          [trackBy]="key"
          label="Reassessments due table"
          caption="Competence assessments due again, overdue first"
        />
      }
    }
  `,
})
export class ReassessmentsDue {
  private readonly api = inject(SurveyWindowApi);

  readonly asOf = input<IsoDate | null>(null);
  readonly staffId = input<string | null>(null);
  /** a member column (the department's list) */
  readonly showMember = input(false);

  protected readonly due = createLoader(
    () =>
      this.api.getReassessmentsDue({
        asOf: this.asOf() ?? undefined,
        staffId: this.staffId() ?? undefined,
      }),
    'the reassessments due',
  );

  protected readonly columns: TableColumn<ReassessmentDue>[] = [
    { key: 'skill', header: 'Skill', text: (row) => row.skillName },
    {
      key: 'assessed',
      header: 'Assessed',
      text: (row) => `${levelInWords(row.level)} on ${row.assessedOn}`,
      detail: (row) => (row.source === 'manager' ? "by the member's manager" : 'self-assessment'),
    },
    { key: 'due', header: 'Due', text: (row) => reassessmentDueInWords(row) },
  ];
  protected readonly memberColumns: TableColumn<ReassessmentDue>[] = [
    { key: 'member', header: 'Member', link: (row) => memberLink(row.staffId, row.staffName) },
    ...this.columns,
  ];
  protected readonly key = (row: ReassessmentDue) => `${row.staffId}:${row.skillId}`;

  constructor() {
    effect(() => {
      this.asOf();
      this.staffId();
      untracked(() => this.due.load());
    });
  }
}
