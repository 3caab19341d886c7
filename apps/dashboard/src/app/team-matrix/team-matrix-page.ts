import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { type Credential, PROFICIENCY_LABELS, type SkillCategory } from '@him/contracts';
import { forkJoin, map } from 'rxjs';
import { CredentialsApi } from '../core/api/credentials-api';
import { createLoader } from '../core/api/loader';
import { ReadinessApi } from '../core/api/readiness-api';
import { AuthService } from '../core/auth/auth.service';
import { CatalogApi } from '../core/catalog/catalog-api';
import { injectDepartmentDay } from '../core/department-day';
import { ColumnsOutOfView } from '../shared/columns-out-of-view/columns-out-of-view';
import { skillCategoryOf } from '../shared/grid-filter/grid-filter';
import { GridFilters } from '../shared/grid-filter/grid-filters';
import { LoadStatus } from '../shared/load-status/load-status';
import { StatusChip } from '../shared/status/status-chip';
import { GapMarker } from '../shared/gap-marker/gap-marker';
import { credentialsGridView, defaultTeamId, skillsGridView } from './matrix-view';

/** One team at a glance for admins and managers: members x skills, members x credentials. */
@Component({
  selector: 'him-team-matrix-page',
  imports: [
    MatCheckboxModule,
    MatFormFieldModule,
    MatSelectModule,
    RouterLink,
    ColumnsOutOfView,
    GapMarker,
    GridFilters,
    LoadStatus,
    StatusChip,
  ],
  templateUrl: './team-matrix-page.html',
  styleUrls: ['../shared/page.scss', './team-matrix-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamMatrixPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly catalogApi = inject(CatalogApi);
  private readonly readinessApi = inject(ReadinessApi);
  private readonly credentialsApi = inject(CredentialsApi);
  private readonly staffId = inject(AuthService).user()?.staffId ?? null;

  protected readonly levelLegend = PROFICIENCY_LABELS.map((name, level) => `${level} ${name}`).join(
    ', ',
  );
  /** the team in the address (`?team=`), or null until one is chosen */
  protected readonly teamId = signal<string | null>(null);
  protected readonly onlyRequiredSkills = signal(true);
  private readonly query = toSignal(this.route.queryParamMap);
  /** the skills' filter, kept in the address (`?skillCategory=`, `?skillGaps=1`) */
  protected readonly skillCategory = computed(() =>
    skillCategoryOf(this.query()?.get('skillCategory')),
  );
  protected readonly onlySkillGaps = computed(() => this.query()?.get('skillGaps') === '1');
  /** `?credentialGaps=1`: only credential types with a gap */
  protected readonly onlyCredentialGaps = computed(
    () => this.query()?.get('credentialGaps') === '1',
  );

  protected readonly catalog = createLoader(
    () =>
      forkJoin({
        teams: this.catalogApi.teams(),
        roles: this.catalogApi.roles(),
        credentialTypes: this.catalogApi.credentialTypes(),
      }).pipe(
        map((catalog) => ({
          ...catalog,
          teams: [...catalog.teams].sort((a, b) => a.name.localeCompare(b.name)),
        })),
      ),
    'teams',
  );
  private readonly departmentDay = injectDepartmentDay();
  /** The team's members x skills, with the team it is for (a switch shows nothing stale). */
  protected readonly matrix = createLoader(() => {
    const teamId = this.teamId();
    return this.readinessApi
      .getSkillsMatrix({ teamId: teamId ?? undefined })
      .pipe(map((matrix) => ({ teamId, matrix })));
  }, "the team's skills");
  /** The credentials of the team's members by member, in one request with the matrix's. */
  protected readonly credentials = createLoader(() => {
    const teamId = this.teamId();
    return this.credentialsApi.listForTeam(teamId ?? '').pipe(
      map((credentials) => {
        const byMember = new Map<string, Credential[]>();
        for (const credential of credentials) {
          const held = byMember.get(credential.staffId);
          if (held) {
            held.push(credential);
          } else {
            byMember.set(credential.staffId, [credential]);
          }
        }
        return { teamId, byMember };
      }),
    );
  }, "the team's credentials");

  protected readonly today = this.departmentDay.today;
  protected readonly teamName = computed(
    () => this.catalog.value()?.teams.find((team) => team.id === this.teamId())?.name ?? '',
  );
  /** The matrix of the team shown, not of the one before it while the new one loads. */
  private readonly shownMatrix = computed(() => {
    const loaded = this.matrix.value();
    return loaded && loaded.teamId === this.teamId() ? loaded.matrix : null;
  });
  protected readonly skillsGrid = computed(() => {
    const matrix = this.shownMatrix();
    return matrix
      ? skillsGridView(matrix, this.onlyRequiredSkills(), {
          category: this.skillCategory(),
          onlyGaps: this.onlySkillGaps(),
        })
      : null;
  });
  protected readonly credentialsGrid = computed(() => {
    const matrix = this.shownMatrix();
    const credentials = this.credentials.value();
    const catalog = this.catalog.value();
    const today = this.today();
    if (!matrix || !credentials || credentials.teamId !== this.teamId() || !catalog || !today) {
      return null;
    }
    return credentialsGridView(
      matrix,
      credentials.byMember,
      catalog.credentialTypes,
      catalog.roles,
      today,
      this.departmentDay.warningDays(),
      this.onlyCredentialGaps(),
    );
  });

  constructor() {
    this.catalog.load();
    this.route.queryParamMap
      .pipe(
        map((params) => params.get('team')),
        takeUntilDestroyed(),
      )
      .subscribe((teamId) => {
        if (teamId && teamId !== this.teamId()) {
          this.teamId.set(teamId);
          this.matrix.load();
          this.credentials.load();
        }
      });
    // Without a team in the address, open the one the manager manages (or the first).
    effect(() => {
      const teams = this.catalog.value()?.teams;
      if (teams && !untracked(this.teamId)) {
        const teamId = defaultTeamId(teams, this.staffId);
        if (teamId) {
          untracked(() => this.showTeam(teamId));
        }
      }
    });
  }

  /** Keeps the team in the address, so the view can be bookmarked and shared. */
  protected showTeam(teamId: string): void {
    this.setQuery({ team: teamId });
  }

  protected showSkillCategory(category: SkillCategory | null): void {
    this.setQuery({ skillCategory: category });
  }

  protected showOnlySkillGaps(only: boolean): void {
    this.setQuery({ skillGaps: only ? '1' : null });
  }

  protected showOnlyCredentialGaps(only: boolean): void {
    this.setQuery({ credentialGaps: only ? '1' : null });
  }

  /** Changes some of the address's parameters (null removes one), keeping the others. */
  private setQuery(params: Record<string, string | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: params,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected toggleOnlyRequiredSkills(checked: boolean): void {
    this.onlyRequiredSkills.set(checked);
  }
}
