import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import type { Skill } from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { LoadStatus } from '../shared/load-status/load-status';
import {
  type AdminDialogResult,
  confirmThenDelete,
  injectConfirm,
  injectNotify,
} from './admin-support';
import { SkillDialog, type SkillDialogData } from './skill-dialog';
import { humanizeSlug } from '@him/domain';

/** The department's skills: add, edit, delete (refused while a role or credential type uses one). */
@Component({
  selector: 'him-skills-page',
  imports: [MatButtonModule, MatTableModule, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Skills</h2>
    <div class="page-actions">
      <button mat-flat-button type="button" (click)="openSkill()">Add skill</button>
    </div>
    @if (actionError(); as message) {
      <p class="action-error" role="alert">{{ message }}</p>
    }
    <him-load-status
      what="the skills"
      errorTitle="The skills could not be loaded"
      [loading]="skills.loading()"
      [error]="skills.error()"
      (retry)="skills.load()"
    />
    @if (skills.value(); as loaded) {
      @if (loaded.length === 0) {
        <p class="empty-panel">No skills yet. Add the first one.</p>
      } @else {
        <div class="table-scroll" role="region" aria-label="Skills" tabindex="0">
          <table mat-table [dataSource]="loaded">
            <caption class="cdk-visually-hidden">
              Skills of the department
            </caption>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <th
                *matCellDef="let skill"
                scope="row"
                class="row-header mat-mdc-cell mdc-data-table__cell"
              >
                {{ skill.name }}
              </th>
            </ng-container>
            <ng-container matColumnDef="category">
              <th mat-header-cell *matHeaderCellDef scope="col">Category</th>
              <td mat-cell *matCellDef="let skill">{{ label(skill.category) }}</td>
            </ng-container>
            <ng-container matColumnDef="description">
              <th mat-header-cell *matHeaderCellDef scope="col">Description</th>
              <td mat-cell *matCellDef="let skill">{{ skill.description || '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">Actions</th>
              <td mat-cell *matCellDef="let skill">
                <div class="row-actions">
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Edit ' + skill.name"
                    (click)="openSkill(skill)"
                  >
                    Edit
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Delete ' + skill.name"
                    (click)="deleteSkill(skill)"
                  >
                    Delete
                  </button>
                </div>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let skill; columns: columns"></tr>
          </table>
        </div>
      }
    }
  `,
  styleUrls: ['../shared/page.scss', './admin.scss'],
})
export class SkillsPage {
  private readonly adminApi = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = injectNotify();
  private readonly confirm = injectConfirm();

  protected readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  protected readonly actionError = signal<string | null>(null);
  protected readonly columns = ['name', 'category', 'description', 'actions'];
  protected readonly label = humanizeSlug;

  constructor() {
    this.skills.load();
  }

  protected openSkill(skill?: Skill): void {
    this.actionError.set(null);
    this.dialog
      .open<SkillDialog, SkillDialogData, AdminDialogResult<Skill>>(SkillDialog, {
        data: { skill },
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (result && 'saved' in result) {
          this.notify(
            skill ? `Skill ${result.saved.name} saved.` : `Skill ${result.saved.name} added.`,
          );
        }
        if (result) {
          this.skills.load();
        }
      });
  }

  protected deleteSkill(skill: Skill): void {
    this.actionError.set(null);
    confirmThenDelete(
      this.confirm,
      {
        title: `Delete skill ${skill.name}?`,
        message: 'A skill that a role, team or credential type uses cannot be deleted.',
        confirmLabel: 'Delete skill',
      },
      () => this.adminApi.skills.remove(skill.id),
      'delete the skill',
      (failure) => {
        if (failure) {
          this.actionError.set(failure);
          return;
        }
        this.notify(`Skill ${skill.name} deleted.`);
        this.skills.load();
      },
    );
  }
}
