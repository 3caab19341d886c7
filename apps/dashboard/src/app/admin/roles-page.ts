import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { Role } from '@him/contracts';
import { requirementInWords } from '@him/domain';
import { AdminApi } from '../core/api/admin-api';
import { createLoader } from '../core/api/loader';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';
import { type AdminColumn, AdminList, injectAdminActions } from './admin-list';
import { RoleDialog, type RoleDialogData } from './role-dialog';

/** Job roles and their requirements ("ICD-10-CM at Proficient", "CCS or CPC"). */
@Component({
  selector: 'him-roles-page',
  imports: [AdminList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-admin-list
      heading="Roles"
      what="the roles"
      addLabel="Add role"
      label="Roles"
      caption="Job roles and their requirements"
      emptyText="No roles yet. Add the first one."
      [ready]="catalogReady()"
      [loading]="roles.loading() || skills.loading() || types.loading()"
      [error]="roles.error() ?? skills.error() ?? types.error()"
      [items]="roles.value()"
      [columns]="columns()"
      [rowName]="name"
      [actionError]="actions.actionError()"
      (retry)="reload()"
      (add)="openRole()"
      (edit)="openRole($event)"
      (remove)="deleteRole($event)"
    />
  `,
})
export class RolesPage {
  private readonly adminApi = inject(AdminApi);
  protected readonly actions = injectAdminActions();

  protected readonly roles = createLoader(() => this.adminApi.roles.list(), 'the roles');
  protected readonly skills = createLoader(() => this.adminApi.skills.list(), 'the skills');
  protected readonly types = createLoader(
    () => this.adminApi.credentialTypes.list(),
    'the credential types',
  );
  protected readonly catalogReady = computed(() => !!this.skills.value() && !!this.types.value());
  protected readonly columns = computed((): AdminColumn<Role>[] => {
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
  });
  protected readonly name = (role: Role) => role.name;

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.roles.load();
    this.skills.load();
    this.types.load();
  }

  protected openRole(role?: Role): void {
    this.actions.openDialog<RoleDialogData, Role>(
      RoleDialog,
      { skills: this.skills.value() ?? [], credentialTypes: this.types.value() ?? [], role },
      '760px',
      (saved) => `Role ${saved.name} ${role ? 'saved' : 'added'}.`,
      () => this.roles.load(),
    );
  }

  protected deleteRole(role: Role): void {
    this.actions.remove(
      {
        title: `Delete role ${role.name}?`,
        message: 'A role that staff members hold cannot be deleted.',
        confirmLabel: 'Delete role',
      },
      () => this.adminApi.roles.remove(role.id),
      'delete the role',
      `Role ${role.name} deleted.`,
      () => this.roles.load(),
    );
  }
}
