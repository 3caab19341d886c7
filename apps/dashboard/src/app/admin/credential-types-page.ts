import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { CredentialType } from '@him/contracts';
import { levelName } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { type AdminColumn, AdminList, injectAdminActions } from './admin-list';
import { CredentialTypeDialog, type CredentialTypeDialogData } from './credential-type-dialog';

/** Credential types (CCS, RHIT …), their issuing body, base CEUs and the skills they evidence. */
@Component({
  selector: 'him-credential-types-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-admin-list
      heading="Credential types"
      what="the credential types"
      addLabel="Add credential type"
      label="Credential types"
      caption="Credential types of the department"
      emptyText="No credential types yet. Add the first one."
      [ready]="!!skills.value()"
      [loading]="types.loading() || skills.loading()"
      [error]="types.error() ?? skills.error()"
      [items]="types.value()"
      [columns]="columns()"
      [rowName]="code"
      [actionError]="actions.actionError()"
      (retry)="reload()"
      (add)="openType()"
      (edit)="openType($event)"
      (remove)="deleteType($event)"
    />
  `,
})
export class CredentialTypesPage {
  private readonly adminApi = inject(AdminApi);
  protected readonly actions = injectAdminActions();

  protected readonly types = createLoader(
    () => this.adminApi.credentialTypes.list(),
    'the credential types',
  );
  protected readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  protected readonly columns = computed((): AdminColumn<CredentialType>[] => {
    const skillNames = new Map((this.skills.value() ?? []).map((skill) => [skill.id, skill.name]));
    const codes = new Map((this.types.value() ?? []).map((type) => [type.id, type.code]));
    return [
      { key: 'code', header: 'Code', text: (type) => type.code },
      { key: 'name', header: 'Name', text: (type) => type.name },
      { key: 'issuingBody', header: 'Issuing body', text: (type) => type.issuingBody },
      {
        key: 'baseCeus',
        header: 'Base CEUs',
        numeric: true,
        text: (type) => String(type.baseCeus),
      },
      {
        key: 'skills',
        header: 'Evidenced skills',
        // "ICD-10-CM: Proficient"
        list: (type) =>
          type.evidencesSkills.map(
            (entry) =>
              `${skillNames.get(entry.skillId) ?? 'Unknown skill'}: ${levelName(entry.level)}`,
          ),
      },
      {
        key: 'supersedes',
        header: 'Supersedes',
        list: (type) =>
          (type.supersedes ?? []).map((id) => codes.get(id) ?? 'Unknown credential type'),
      },
    ];
  });
  protected readonly code = (type: CredentialType) => type.code;

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.types.load();
    this.skills.load();
  }

  protected openType(credentialType?: CredentialType): void {
    this.actions.openDialog<CredentialTypeDialogData, CredentialType>(
      CredentialTypeDialog,
      { skills: this.skills.value() ?? [], types: this.types.value() ?? [], credentialType },
      '640px',
      (saved) => `Credential type ${saved.code} ${credentialType ? 'saved' : 'added'}.`,
      () => this.types.load(),
    );
  }

  protected deleteType(credentialType: CredentialType): void {
    this.actions.remove(
      {
        title: `Delete credential type ${credentialType.code}?`,
        message:
          'A credential type that members hold or that a requirement names cannot be deleted.',
        confirmLabel: 'Delete credential type',
      },
      () => this.adminApi.credentialTypes.remove(credentialType.id),
      'delete the credential type',
      `Credential type ${credentialType.code} deleted.`,
      () => this.types.load(),
    );
  }
}
