import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { IsoDate } from '@him/contracts';
import { isIsoDate } from '@him/domain';
import { forkJoin, map } from 'rxjs';
import { createLoader } from '../core/api/loader';
import { ReadinessApi } from '../core/api/readiness-api';
import { CatalogApi } from '../core/catalog/catalog-api';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';
import { injectDepartmentDay } from '../core/department-day';
import { LoadStatus } from '../shared/load-status/load-status';
import { CoverageChart } from './coverage-chart';
import { coverageTargetRows, roleSkillHeatmap, teamSkillHeatmap } from './coverage-view';
import { HeatmapTable } from './heatmap-table';

/** R7 coverage for admins and managers: targets per team, and skills per role and per team. */
@Component({
  selector: 'him-coverage-page',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LoadStatus,
    CoverageChart,
    HeatmapTable,
  ],
  templateUrl: './coverage-page.html',
  styleUrls: ['../shared/page.scss', './coverage-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoveragePage {
  private readonly catalogApi = inject(CatalogApi);
  private readonly readinessApi = inject(ReadinessApi);

  protected readonly asOfControl = new FormControl<string>('', {
    nonNullable: true,
    validators: [Validators.required],
  });
  /** The day the figures are for: the department's today until another is chosen ('' until known). */
  protected readonly asOf = signal<IsoDate>('');
  /** null: every team */
  protected readonly teamId = signal<string | null>(null);
  /** null: every role */
  protected readonly roleId = signal<string | null>(null);

  protected readonly catalog = createLoader(
    () =>
      forkJoin({
        teams: this.catalogApi.teams(),
        roles: this.catalogApi.roles(),
        skills: this.catalogApi.skills(),
        credentialTypes: this.catalogApi.credentialTypes(),
      }).pipe(
        map((catalog) => ({
          ...catalog,
          teams: [...catalog.teams].sort((a, b) => a.name.localeCompare(b.name)),
          roles: [...catalog.roles].sort((a, b) => a.name.localeCompare(b.name)),
          names: requirementCatalogOf(catalog.skills, catalog.credentialTypes),
        })),
      ),
    'teams and roles',
  );
  protected readonly readiness = createLoader(
    () => this.readinessApi.getReadinessSummary(this.asOf(), this.teamId() ?? undefined),
    'coverage targets',
  );
  protected readonly matrix = createLoader(
    () =>
      this.readinessApi.getSkillsMatrix({ asOf: this.asOf(), teamId: this.teamId() ?? undefined }),
    'skill levels',
  );

  protected readonly targetRows = computed(() => {
    const readiness = this.readiness.value();
    const catalog = this.catalog.value();
    return readiness && catalog ? coverageTargetRows(readiness, catalog.names) : null;
  });
  protected readonly roleHeatmap = computed(() => {
    const matrix = this.matrix.value();
    const catalog = this.catalog.value();
    return matrix && catalog
      ? roleSkillHeatmap(matrix, catalog.roles, { roleId: this.roleId() })
      : null;
  });
  protected readonly teamHeatmap = computed(() => {
    const matrix = this.matrix.value();
    const catalog = this.catalog.value();
    if (!matrix || !catalog) {
      return null;
    }
    const teamId = this.teamId();
    const teams = teamId ? catalog.teams.filter((team) => team.id === teamId) : catalog.teams;
    return teamSkillHeatmap(matrix, catalog.roles, teams, { roleId: this.roleId() });
  });
  /** "Coding, Coding specialists": what the heatmaps count, for their captions. */
  protected readonly scopeText = computed(() => {
    const catalog = this.catalog.value();
    const team = catalog?.teams.find((candidate) => candidate.id === this.teamId())?.name;
    const role = catalog?.roles.find((candidate) => candidate.id === this.roleId())?.name;
    return [team ? `team ${team}` : 'all teams', role ? `role ${role}` : 'all roles'].join(', ');
  });

  constructor() {
    this.catalog.load();
    injectDepartmentDay((today) => {
      this.asOfControl.setValue(today);
      this.asOf.set(today);
      this.loadFigures();
    });
  }

  protected showTeam(teamId: string | null): void {
    this.teamId.set(teamId || null);
    this.loadFigures();
  }

  protected showRole(roleId: string | null): void {
    this.roleId.set(roleId || null);
  }

  protected showAsOf(): void {
    const asOf = this.asOfControl.value;
    if (!isIsoDate(asOf) || asOf === this.asOf()) {
      return;
    }
    this.asOf.set(asOf);
    this.loadFigures();
  }

  private loadFigures(): void {
    if (!this.asOf()) {
      return; // the department's day is not known yet; it loads them when it is
    }
    this.readiness.load();
    this.matrix.load();
  }
}
