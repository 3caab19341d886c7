import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { GapPerson, IsoDate, TrainingGap } from '@him/contracts';
import { countText, isIsoDate, requirementLabel } from '@him/domain';
import { forkJoin, map } from 'rxjs';
import { createLoader } from '../core/api/loader';
import { httpErrorMessage } from '../core/api/http-error-message';
import { AuthService } from '../core/auth/auth.service';
import { CatalogApi } from '../core/catalog/catalog-api';
import { requirementCatalogOf } from '../core/catalog/requirement-catalog';
import { injectDepartmentDay } from '../core/department-day';
import { SAVE_FILE } from '../core/save-file';
import { LoadStatus } from '../shared/load-status/load-status';
import { TrainingGapsApi } from './training-gaps-api';

/** A gap as the page shows it: the requirement in words and why it is a gap. */
export interface GapRow {
  label: string;
  why: string;
  members: GapPerson[];
  holders: GapPerson[];
  holdersInDepartment: number;
}

export function gapWhy(gap: TrainingGap): string {
  if (gap.kind === 'coverage') {
    return `Coverage target: ${gap.needed} more holder${gap.needed === 1 ? '' : 's'} needed`;
  }
  return `Required by the role: ${countText(gap.needed, 'member')} miss${gap.needed === 1 ? 'es' : ''} it`;
}

/**
 * "Who do I train on what": per team, each requirement its members' roles ask for that some
 * of them miss and each coverage target short of holders, with the members concerned and the
 * nearest people who already meet it; downloadable as CSV. Managers see their own teams first.
 */
@Component({
  selector: 'him-training-gaps-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LoadStatus,
  ],
  templateUrl: './training-gaps-page.html',
  styleUrls: ['../shared/page.scss', './training-gaps-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrainingGapsPage {
  private readonly api = inject(TrainingGapsApi);
  private readonly catalogApi = inject(CatalogApi);
  private readonly saveFile = inject(SAVE_FILE);
  private readonly announcer = inject(LiveAnnouncer);
  protected readonly isManager = inject(AuthService).user()?.role === 'manager';
  /** the choice of every team the caller follows (a manager's own, an admin's all) */
  protected readonly ALL = 'all';

  protected readonly asOfControl = new FormControl<string>('', {
    nonNullable: true,
    validators: [Validators.required],
  });
  protected readonly asOf = signal<IsoDate>('');
  /** null: the manager's own teams (every team for an admin) */
  protected readonly teamId = signal<string | null>(null);
  protected readonly downloadError = signal<string | null>(null);

  protected readonly catalog = createLoader(
    () =>
      forkJoin({
        teams: this.catalogApi.teams(),
        skills: this.catalogApi.skills(),
        credentialTypes: this.catalogApi.credentialTypes(),
      }).pipe(
        map((c) => ({
          teams: [...c.teams].sort((a, b) => a.name.localeCompare(b.name)),
          names: requirementCatalogOf(c.skills, c.credentialTypes),
        })),
      ),
    'teams',
  );
  protected readonly gaps = createLoader(() => this.api.gaps(this.filter()), 'training gaps');

  protected readonly teams = computed(() => {
    const gaps = this.gaps.value();
    const catalog = this.catalog.value();
    if (!gaps || !catalog) return null;
    const teamNames = new Map(catalog.teams.map((t) => [t.id, t.name]));
    return gaps.teams.map((team) => ({
      ...team,
      otherTeam: (person: GapPerson) =>
        person.teamId === team.teamId ? null : (teamNames.get(person.teamId) ?? 'another team'),
      rows: team.gaps.map(
        (gap): GapRow => ({
          label: requirementLabel(gap.requirement, catalog.names),
          why: gapWhy(gap),
          members: gap.members,
          holders: gap.nearestHolders,
          holdersInDepartment: gap.holdersInDepartment,
        }),
      ),
    }));
  });
  protected readonly gapCount = computed(
    () => this.teams()?.reduce((sum, team) => sum + team.rows.length, 0) ?? 0,
  );

  constructor() {
    this.catalog.load();
    injectDepartmentDay((today) => {
      this.asOfControl.setValue(today);
      this.asOf.set(today);
      this.gaps.load();
    });
  }

  protected showTeam(teamId: string): void {
    this.teamId.set(teamId === this.ALL ? null : teamId);
    this.gaps.load();
  }

  protected showAsOf(): void {
    const asOf = this.asOfControl.value;
    if (!isIsoDate(asOf) || asOf === this.asOf()) return;
    this.asOf.set(asOf);
    this.gaps.load();
  }

  protected download(): void {
    this.downloadError.set(null);
    this.api.csv(this.filter()).subscribe({
      next: (blob) => {
        const fileName = `training-gaps-${this.asOf()}.csv`;
        this.saveFile(blob, fileName);
        void this.announcer.announce(`Downloaded ${fileName}`, 'polite');
      },
      error: (error: unknown) =>
        this.downloadError.set(httpErrorMessage(error, 'the training gaps CSV')),
    });
  }

  private filter() {
    return { asOf: this.asOf(), teamId: this.teamId() ?? undefined };
  }
}
