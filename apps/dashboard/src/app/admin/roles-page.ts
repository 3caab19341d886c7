import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Role } from '@him/contracts';
import { requirementInWords } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';
import { AdminList, adminListPage } from './admin-list';
import { RoleDialog, type RoleDialogData } from './role-dialog';

/** Job roles and their requirements ("ICD-10-CM at Proficient", "CCS or CPC"). */
@Component({
  selector: 'him-roles-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<him-admin-list [page]="page" />`,
})
export class RolesPage {
  private readonly adminApi = inject(AdminApi);
  private readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  private readonly types = createLoader(
    () => this.adminApi.credentialTypes.list(),
    'the credential types',
  );

  protected readonly page = adminListPage<Role, RoleDialogData>({
    noun: 'role',
    caption: 'Job roles and their requirements',
    records: this.adminApi.roles,
    needs: [this.skills, this.types],
    columns: () => {
      const catalog = requirementCatalogOf(this.skills.value() ?? [], this.types.value() ?? []);
      return [
        {
          key: 'name',
          header: 'Name',
          text: (role) => role.name,
          detail: (role) => role.description,
        },
        {
          key: 'requirements',
          header: 'Requirements',
          list: (role) =>
            role.requirements.map((requirement) =>
              requirementInWords(requirement, catalog, { level: 'name' }),
            ),
        },
      ];
    },
    rowName: (role) => role.name,
    dialog: {
      component: RoleDialog,
      width: '760px',
      data: (role) => ({
        skills: this.skills.value() ?? [],
        credentialTypes: this.types.value() ?? [],
        role,
      }),
    },
    deleteWarning: 'A role that staff members hold cannot be deleted.',
  });
}
