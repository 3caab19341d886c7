import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Skill } from '@him/contracts';
import { countText, humanizeSlug } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { AdminList, adminListPage } from './admin-list';
import { SkillDialog, type SkillDialogData } from './skill-dialog';

/** The department's skills: add, edit, delete (refused while a role or credential type uses one). */
@Component({
  selector: 'him-skills-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<him-admin-list [page]="page" />`,
})
export class SkillsPage {
  protected readonly page = adminListPage<Skill, SkillDialogData>({
    noun: 'skill',
    caption: 'Skills of the department',
    records: inject(AdminApi).skills,
    columns: () => [
      { key: 'name', header: 'Name', text: (skill) => skill.name },
      { key: 'category', header: 'Category', text: (skill) => humanizeSlug(skill.category) },
      { key: 'description', header: 'Description', text: (skill) => skill.description || '—' },
      {
        key: 'reassessMonths',
        header: 'Reassess every',
        text: (skill) =>
          skill.reassessMonths ? countText(skill.reassessMonths, 'month') : "Department's setting",
      },
    ],
    rowName: (skill) => skill.name,
    dialog: { component: SkillDialog, width: '520px', data: (skill) => ({ skill }) },
    deleteWarning: 'A skill that a role, team or credential type uses cannot be deleted.',
  });
}
