import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type TemplateRef,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { type MemberReadiness, type Staff, STAFF_STATUSES, type StaffStatus } from '@him/contracts';
import { debounceTime } from 'rxjs';
import { humanizeSlug } from '@him/domain';
import { createLoader } from '../core/api/loader';
import { type StaffFilter, StaffApi } from '../core/api/staff-api';
import { ReadinessApi } from '../core/api/readiness-api';
import { AuthService } from '../core/auth/auth.service';
import { CatalogApi } from '../core/catalog/catalog-api';
import { injectDepartmentDay } from '../core/department-day';
import { StatusChip } from '../shared/status/status-chip';
import { ICON_CHECK_CIRCLE, ICON_ERROR, ICON_HELP } from '../shared/status/status-icons';
import type { StatusBadge } from '../shared/status/status-chip';
import { DataTable, memberLink, type TableColumn } from '../shared/data-table/data-table';
import { LoadStatus } from '../shared/load-status/load-status';
import { injectAdminActions } from './admin-list';
import { RowActions } from './row-actions';
import { StaffDialog, type StaffDialogData } from './staff-dialog';

/** Readiness filter choices: every member, or only the active members ready or not (R6). */
type ReadinessChoice = '' | 'not-ready' | 'ready';

/**
 * The staff directory for admins and managers: search, filter (by readiness too), add and edit
 * members; an admin deletes a record created by mistake while nothing refers to it.
 */
@Component({
  selector: 'him-staff-directory-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    DataTable,
    LoadStatus,
    StatusChip,
    RowActions,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Staff</h1>
    <p class="page-intro">Every member of the department; open a name for their profile.</p>
    <form
      [formGroup]="filters"
      class="filters"
      role="search"
      aria-label="Filter staff"
      (ngSubmit)="applyFilters()"
    >
      <mat-form-field>
        <mat-label>Search</mat-label>
        <input
          matInput
          formControlName="q"
          type="search"
          placeholder="Name, email or employee id"
        />
      </mat-form-field>
      <mat-form-field>
        <mat-label>Team</mat-label>
        <mat-select formControlName="teamId">
          <mat-option value="">All teams</mat-option>
          @for (team of teams.value() ?? []; track team.id) {
            <mat-option [value]="team.id">{{ team.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Role</mat-label>
        <mat-select formControlName="roleId">
          <mat-option value="">All roles</mat-option>
          @for (role of roles.value() ?? []; track role.id) {
            <mat-option [value]="role.id">{{ role.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Status</mat-label>
        <mat-select formControlName="status">
          <mat-option value="">Any status</mat-option>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ label(status) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Readiness</mat-label>
        <mat-select formControlName="readiness">
          <mat-option value="">Ready or not</mat-option>
          <mat-option value="not-ready">Not ready</mat-option>
          <mat-option value="ready">Ready</mat-option>
        </mat-select>
      </mat-form-field>
    </form>
    <div class="page-actions">
      <button mat-flat-button type="button" [disabled]="!catalogReady()" (click)="openMember()">
        Add member
      </button>
    </div>
    <him-load-status
      what="the staff directory"
      [loading]="members.loading() || teams.loading() || roles.loading()"
      [error]="members.error() ?? teams.error() ?? roles.error()"
      (retry)="reload()"
    />
    <him-load-status what="readiness" [of]="readiness" />
    @if (adminActions.actionError(); as message) {
      <p class="action-error" role="alert">{{ message }}</p>
    }
    <p class="cdk-visually-hidden" role="status">{{ countText() }}</p>
    @if (shownMembers(); as loaded) {
      @if (loaded.length === 0) {
        <p class="empty-panel">No member matches these filters.</p>
      } @else {
        <him-data-table
          [rows]="loaded"
          [columns]="columns()"
          label="Staff members"
          caption="Staff members"
        />
      }
    }
    <ng-template #actions let-member>
      <him-row-actions
        [name]="member.name"
        [ready]="catalogReady()"
        [deletable]="canDelete"
        (edit)="openMember(member)"
        (remove)="deleteMember(member)"
      />
    </ng-template>
    <ng-template #readinessCell let-member>
      <him-status-chip [badge]="readinessBadge(member)" />
    </ng-template>
  `,
  styleUrls: ['../shared/page.scss', './admin.scss'],
  styles: `
    .action-error {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      mat-form-field {
        flex: 1 1 200px;
      }
    }
  `,
})
export class StaffDirectoryPage {
  private readonly staffApi = inject(StaffApi);
  private readonly catalogApi = inject(CatalogApi);
  protected readonly adminActions = injectAdminActions();
  private readonly readinessApi = inject(ReadinessApi);
  /** Deleting a record created by mistake is for admins (the API says so too). */
  protected readonly canDelete = inject(AuthService).user()?.role === 'admin';

  protected readonly statuses = STAFF_STATUSES;
  protected readonly label = humanizeSlug;
  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    teamId: new FormControl('', { nonNullable: true }),
    roleId: new FormControl('', { nonNullable: true }),
    status: new FormControl<StaffStatus | ''>('', { nonNullable: true }),
    readiness: new FormControl<ReadinessChoice>('', { nonNullable: true }),
  });
  private readonly readinessChoice = signal<ReadinessChoice>('');
  private readonly departmentDay = injectDepartmentDay(() => this.readiness.load());
  /** R6 for every active member as of the department's today. */
  protected readonly readiness = createLoader(
    () => this.readinessApi.getReadiness(this.departmentDay.today() ?? ''),
    'readiness',
  );
  private readonly readinessOf = computed(
    () =>
      new Map<string, MemberReadiness>(
        (this.readiness.value()?.members ?? []).map((member) => [member.staffId, member]),
      ),
  );
  /** The members the filters leave; the readiness filter keeps active members only (R1). */
  protected readonly shownMembers = computed(() => {
    const loaded = this.members.value();
    const choice = this.readinessChoice();
    if (!loaded || choice === '') {
      return loaded;
    }
    if (!this.readiness.value()) {
      return null;
    }
    return loaded.filter((member) => {
      const readiness = this.readinessOf().get(member.id);
      return readiness !== undefined && readiness.ready === (choice === 'ready');
    });
  });
  private readonly filter = signal<StaffFilter>({});

  protected readonly members = createLoader(
    () => this.staffApi.listStaff(this.filter()),
    'the staff directory',
  );
  protected readonly teams = createLoader(() => this.catalogApi.teams(), 'the teams');
  protected readonly roles = createLoader(() => this.catalogApi.roles(), 'the roles');
  protected readonly catalogReady = computed(() => !!this.teams.value() && !!this.roles.value());
  protected readonly countText = computed(() => {
    const loaded = this.shownMembers();
    return loaded ? `${loaded.length} ${loaded.length === 1 ? 'member' : 'members'} shown.` : '';
  });
  private readonly teamNames = computed(
    () => new Map((this.teams.value() ?? []).map((team) => [team.id, team.name])),
  );
  private readonly roleNames = computed(
    () => new Map((this.roles.value() ?? []).map((role) => [role.id, role.name])),
  );
  private readonly actionsCell = viewChild.required<TemplateRef<{ $implicit: Staff }>>('actions');
  private readonly readinessCell =
    viewChild.required<TemplateRef<{ $implicit: Staff }>>('readinessCell');
  protected readonly columns = computed((): TableColumn<Staff>[] => [
    { key: 'name', header: 'Name', link: (member) => memberLink(member.id, member.name) },
    { key: 'team', header: 'Team', text: (member) => this.teamNames().get(member.teamId) ?? '—' },
    { key: 'role', header: 'Role', text: (member) => this.roleNames().get(member.roleId) ?? '—' },
    { key: 'status', header: 'Status', text: (member) => humanizeSlug(member.status) },
    { key: 'readiness', header: 'Readiness', template: this.readinessCell() },
    { key: 'employeeId', header: 'Employee id', text: (member) => member.employeeId || '—' },
    { key: 'actions', header: 'Actions', template: this.actionsCell() },
  ]);

  constructor() {
    this.reload();
    this.filters.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed())
      .subscribe(() => this.applyFilters());
  }

  protected readinessBadge(member: Staff): StatusBadge {
    const readiness = this.readinessOf().get(member.id);
    if (!readiness) {
      return {
        label:
          member.status === 'active'
            ? this.readiness.value()
              ? 'Not evaluated'
              : 'Loading'
            : 'Not counted',
        tone: 'neutral',
        icon: ICON_HELP,
      };
    }
    return readiness.ready
      ? { label: 'Ready', tone: 'success', icon: ICON_CHECK_CIRCLE }
      : {
          label: `Not ready: ${readiness.met} of ${readiness.total} met`,
          tone: 'danger',
          icon: ICON_ERROR,
        };
  }

  protected deleteMember(member: Staff): void {
    this.adminActions.remove(
      {
        title: `Delete ${member.name}?`,
        message:
          'Only a record created by mistake, with no credentials, CE, assessments, account or team on it, can be deleted. Someone who leaves is terminated instead, so their history stays.',
        confirmLabel: 'Delete staff record',
      },
      () => this.staffApi.deleteStaff(member.id),
      'delete the staff record',
      `${member.name} deleted.`,
      () => this.members.load(),
    );
  }

  protected reload(): void {
    if (this.departmentDay.today()) {
      this.readiness.load();
    }
    this.members.load();
    this.teams.load();
    this.roles.load();
  }

  protected applyFilters(): void {
    const value = this.filters.getRawValue();
    this.filter.set({
      q: value.q.trim() || undefined,
      teamId: value.teamId || undefined,
      roleId: value.roleId || undefined,
      status: value.status || undefined,
    });
    this.readinessChoice.set(value.readiness);
    this.members.load();
  }

  protected openMember(member?: Staff): void {
    this.adminActions.openDialog<StaffDialogData, Staff>(
      StaffDialog,
      { teams: this.teams.value() ?? [], roles: this.roles.value() ?? [], member },
      '560px',
      (saved) => `${saved.name} ${member ? 'saved' : 'added'}.`,
      () => this.members.load(),
    );
  }
}
