import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { CredentialType } from '@him/contracts';
import { levelName } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { AdminList, type AdminListPage, adminListPage } from './admin-list';
import { CredentialTypeDialog, type CredentialTypeDialogData } from './credential-type-dialog';

/** Credential types (CCS, RHIT …), their issuing body, base CEUs and the skills they evidence. */
@Component({
  selector: 'him-credential-types-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<him-admin-list [page]="page" />`,
})
export class CredentialTypesPage {
  private readonly adminApi = inject(AdminApi);
  private readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');

  protected readonly page: AdminListPage<CredentialType> = adminListPage<
    CredentialType,
    CredentialTypeDialogData
  >({
    noun: 'credential type',
    caption: 'Credential types of the department',
    records: this.adminApi.credentialTypes,
    needs: [this.skills],
    columns: () => {
      const skillNames = new Map(
        (this.skills.value() ?? []).map((skill) => [skill.id, skill.name]),
      );
      const codes = new Map(
        (this.page.items() ?? []).map((type: CredentialType) => [type.id, type.code]),
      );
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
    },
    rowName: (type) => type.code,
    dialog: {
      component: CredentialTypeDialog,
      width: '640px',
      data: (credentialType) => ({
        skills: this.skills.value() ?? [],
        types: this.page.items() ?? [],
        credentialType,
      }),
    },
    deleteWarning:
      'A credential type that members hold or that a requirement names cannot be deleted.',
  });
}
