import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import type { CredentialType } from '@him/contracts';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { LoadStatus } from '../shared/load-status/load-status';
import {
  type AdminDialogResult,
  confirmThenDelete,
  injectConfirm,
  injectNotify,
} from './admin-support';
import { CredentialTypeDialog, type CredentialTypeDialogData } from './credential-type-dialog';
import { levelName } from '@him/domain';

/** Credential types (CCS, RHIT …), their issuing body, base CEUs and the skills they evidence. */
@Component({
  selector: 'him-credential-types-page',
  imports: [MatButtonModule, MatTableModule, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Credential types</h2>
    <div class="page-actions">
      <button mat-flat-button type="button" [disabled]="!skills.value()" (click)="openType()">
        Add credential type
      </button>
    </div>
    @if (actionError(); as message) {
      <p class="action-error" role="alert">{{ message }}</p>
    }
    <him-load-status
      what="the credential types"
      errorTitle="The credential types could not be loaded"
      [loading]="types.loading() || skills.loading()"
      [error]="types.error() ?? skills.error()"
      (retry)="reload()"
    />
    @if (types.value(); as loaded) {
      @if (loaded.length === 0) {
        <p class="empty-panel">No credential types yet. Add the first one.</p>
      } @else {
        <div class="table-scroll" role="region" aria-label="Credential types" tabindex="0">
          <table mat-table [dataSource]="loaded">
            <caption class="cdk-visually-hidden">
              Credential types of the department
            </caption>
            <ng-container matColumnDef="code">
              <th mat-header-cell *matHeaderCellDef scope="col">Code</th>
              <th
                *matCellDef="let type"
                scope="row"
                class="row-header mat-mdc-cell mdc-data-table__cell"
              >
                {{ type.code }}
              </th>
            </ng-container>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <td mat-cell *matCellDef="let type">{{ type.name }}</td>
            </ng-container>
            <ng-container matColumnDef="issuingBody">
              <th mat-header-cell *matHeaderCellDef scope="col">Issuing body</th>
              <td mat-cell *matCellDef="let type">{{ type.issuingBody }}</td>
            </ng-container>
            <ng-container matColumnDef="baseCeus">
              <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Base CEUs</th>
              <td mat-cell *matCellDef="let type" class="numeric">{{ type.baseCeus }}</td>
            </ng-container>
            <ng-container matColumnDef="skills">
              <th mat-header-cell *matHeaderCellDef scope="col">Evidenced skills</th>
              <td mat-cell *matCellDef="let type">
                <ul class="plain-list">
                  @for (entry of type.evidencesSkills; track entry.skillId) {
                    <li>{{ evidenceWords(entry.skillId, entry.level) }}</li>
                  } @empty {
                    <li>None</li>
                  }
                </ul>
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">Actions</th>
              <td mat-cell *matCellDef="let type">
                <div class="row-actions">
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="!skills.value()"
                    [attr.aria-label]="'Edit ' + type.code"
                    (click)="openType(type)"
                  >
                    Edit
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    [attr.aria-label]="'Delete ' + type.code"
                    (click)="deleteType(type)"
                  >
                    Delete
                  </button>
                </div>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let type; columns: columns"></tr>
          </table>
        </div>
      }
    }
  `,
  styleUrls: ['../shared/page.scss', './admin.scss'],
})
export class CredentialTypesPage {
  private readonly adminApi = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = injectNotify();
  private readonly confirm = injectConfirm();

  protected readonly types = createLoader(
    () => this.adminApi.credentialTypes.list(),
    'the credential types',
  );
  protected readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  protected readonly actionError = signal<string | null>(null);
  protected readonly columns = ['code', 'name', 'issuingBody', 'baseCeus', 'skills', 'actions'];
  private readonly skillNames = computed(
    () => new Map((this.skills.value() ?? []).map((skill) => [skill.id, skill.name])),
  );

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.types.load();
    this.skills.load();
  }

  /** "ICD-10-CM: Proficient" */
  protected evidenceWords(skillId: string, level: number): string {
    return `${this.skillNames().get(skillId) ?? 'Unknown skill'}: ${levelName(level)}`;
  }

  protected openType(credentialType?: CredentialType): void {
    this.actionError.set(null);
    this.dialog
      .open<CredentialTypeDialog, CredentialTypeDialogData, AdminDialogResult<CredentialType>>(
        CredentialTypeDialog,
        {
          data: { skills: this.skills.value() ?? [], credentialType },
          width: '640px',
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((result) => {
        if (result && 'saved' in result) {
          this.notify(
            `Credential type ${result.saved.code} ${credentialType ? 'saved' : 'added'}.`,
          );
        }
        if (result) {
          this.types.load();
        }
      });
  }

  protected deleteType(credentialType: CredentialType): void {
    this.actionError.set(null);
    confirmThenDelete(
      this.confirm,
      {
        title: `Delete credential type ${credentialType.code}?`,
        message:
          'A credential type that members hold or that a requirement names cannot be deleted.',
        confirmLabel: 'Delete credential type',
      },
      () => this.adminApi.credentialTypes.remove(credentialType.id),
      'delete the credential type',
      (failure) => {
        if (failure) {
          this.actionError.set(failure);
          return;
        }
        this.notify(`Credential type ${credentialType.code} deleted.`);
        this.types.load();
      },
    );
  }
}
