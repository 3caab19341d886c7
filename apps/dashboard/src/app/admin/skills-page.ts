import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Skill } from '@him/contracts';
import { countText, humanizeSlug } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { type AdminColumn, AdminList, injectAdminActions } from './admin-list';
import { SkillDialog, type SkillDialogData } from './skill-dialog';

/** The department's skills: add, edit, delete (refused while a role or credential type uses one). */
@Component({
  selector: 'him-skills-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-admin-list
      heading="Skills"
      what="the skills"
      addLabel="Add skill"
      label="Skills"
      caption="Skills of the department"
      emptyText="No skills yet. Add the first one."
      [loading]="skills.loading()"
      [error]="skills.error()"
      [items]="skills.value()"
      [columns]="columns"
      [rowName]="name"
      [actionError]="actions.actionError()"
      (retry)="skills.load()"
      (add)="openSkill()"
      (edit)="openSkill($event)"
      (remove)="deleteSkill($event)"
    />
  `,
})
export class SkillsPage {
  private readonly adminApi = inject(AdminApi);
  protected readonly actions = injectAdminActions();

  protected readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  protected readonly columns: AdminColumn<Skill>[] = [
    { key: 'name', header: 'Name', text: (skill) => skill.name },
    { key: 'category', header: 'Category', text: (skill) => humanizeSlug(skill.category) },
    { key: 'description', header: 'Description', text: (skill) => skill.description || '—' },
    {
      key: 'reassessMonths',
      header: 'Reassess every',
      text: (skill) =>
        skill.reassessMonths ? countText(skill.reassessMonths, 'month') : "Department's setting",
    },
  ];
  protected readonly name = (skill: Skill) => skill.name;

  constructor() {
    this.skills.load();
  }

  protected openSkill(skill?: Skill): void {
    this.actions.openDialog<SkillDialogData, Skill>(
      SkillDialog,
      { skill },
      '520px',
      (saved) => `Skill ${saved.name} ${skill ? 'saved' : 'added'}.`,
      () => this.skills.load(),
    );
  }

  protected deleteSkill(skill: Skill): void {
    this.actions.remove(
      {
        title: `Delete skill ${skill.name}?`,
        message: 'A skill that a role, team or credential type uses cannot be deleted.',
        confirmLabel: 'Delete skill',
      },
      () => this.adminApi.skills.remove(skill.id),
      'delete the skill',
      `Skill ${skill.name} deleted.`,
      () => this.skills.load(),
    );
  }
}
