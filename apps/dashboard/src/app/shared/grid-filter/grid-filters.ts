import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { SkillCategory } from '@him/contracts';
import { skillCategoryLabel } from './grid-filter';

/**
 * The filters over a wide grid: a skill category (when the columns have categories) and
 * "only ... with a gap". Two-way bound, so a page can keep them in its address.
 */
@Component({
  selector: 'him-grid-filters',
  imports: [MatFormFieldModule, MatSelectModule, MatSlideToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="grid-filters" role="group" [attr.aria-label]="label()">
      @if (categories().length > 0) {
        <mat-form-field>
          <mat-label>Skill category</mat-label>
          <mat-select
            data-testid="category-filter"
            [value]="category()"
            (selectionChange)="category.set($event.value)"
          >
            <mat-option [value]="null">All categories</mat-option>
            @for (option of categories(); track option) {
              <mat-option [value]="option">{{ categoryLabel(option) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-slide-toggle
        data-testid="gap-filter"
        [checked]="onlyGaps()"
        (change)="onlyGaps.set($event.checked)"
      >
        {{ gapLabel() }}
      </mat-slide-toggle>
    </div>
  `,
  styles: `
    .grid-filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 24px;
      margin-bottom: 8px;
    }
    mat-form-field {
      width: 220px;
    }
  `,
})
export class GridFilters {
  /** names the group: "Filter the skills by role" */
  readonly label = input.required<string>();
  /** "Only skills with a gap" */
  readonly gapLabel = input.required<string>();
  /** the categories to offer; none hides the select */
  readonly categories = input<readonly SkillCategory[]>([]);
  readonly category = model<SkillCategory | null>(null);
  readonly onlyGaps = model(false);

  protected readonly categoryLabel = skillCategoryLabel;
}
