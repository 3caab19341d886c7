import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type Assessment } from '@him/contracts';
import { levelInWords } from '@him/domain';

interface AssessmentRow {
  id: string;
  title: string;
  details: string;
  note: string | null;
}

/** A member's skill assessments, newest first (assessed on, then recorded). */
@Component({
  selector: 'him-assessment-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">{{ emptyText() }}</p>
    } @else {
      <ul class="record-list">
        @for (row of rows(); track row.id) {
          <li class="record">
            <span class="record__title">{{ row.title }}</span>
            <p class="record__details">{{ row.details }}</p>
            @if (row.note) {
              <p class="record__details">Note: {{ row.note }}</p>
            }
          </li>
        }
      </ul>
    }
  `,
  styleUrl: '../record-list.scss',
})
export class AssessmentHistory {
  readonly assessments = input.required<Assessment[]>();
  /** skill id → name */
  readonly skillNames = input.required<ReadonlyMap<string, string>>();
  readonly emptyText = input('No skill assessments recorded yet.');

  protected readonly rows = computed<AssessmentRow[]>(() => {
    const names = this.skillNames();
    return [...this.assessments()]
      .sort(
        (a, b) =>
          b.assessedOn.localeCompare(a.assessedOn) || b.recordedAt.localeCompare(a.recordedAt),
      )
      .map((assessment) => ({
        id: assessment.id,
        title: `${names.get(assessment.skillId) ?? 'Skill no longer listed'}: ${levelInWords(
          assessment.level,
        )}`,
        details: `${assessment.assessedOn} · ${
          assessment.source === 'manager' ? 'Manager assessment' : 'Self-assessment'
        }`,
        note: assessment.note,
      }));
  });
}
