import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  NgZone,
  signal,
} from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { formatHours } from '@him/domain';
import { ChartView, type ChartViewData, type ChartViewOptions } from '@him/ui';
import { createLoader } from '../core/api/loader';
import { AuthService } from '../core/auth/auth.service';
import { CatalogApi } from '../core/catalog/catalog-api';
import { injectDepartmentDay } from '../core/department-day';
import { LoadStatus } from '../shared/load-status/load-status';
import { DeadlinesApi } from './deadlines-api';
import { deadlineInWords, monthBuckets, stackSeries, type StackBy } from './deadlines-view';

/** Series colours, each 3:1 or more against white and against its neighbours in the stack. */
const COLOURS = ['#005cbb', '#b3261e', '#1b6e3a', '#7a4b00', '#6a3d9a', '#00696f', '#5c5f62'];

/**
 * Deadlines, charted: what falls due per month over the next twelve (credential expiries and
 * CE cycle ends with hours still missing), stacked by team or by issuing body, with a table of
 * the same numbers; choosing a month (a bar, or its button in the table) lists the people.
 */
@Component({
  selector: 'him-deadlines-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatSelectModule,
    ChartView,
    LoadStatus,
  ],
  templateUrl: './deadlines-page.html',
  styleUrls: ['../shared/page.scss', './deadlines-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadlinesPage {
  private readonly api = inject(DeadlinesApi);
  private readonly catalogApi = inject(CatalogApi);
  private readonly zone = inject(NgZone);
  protected readonly isManager = inject(AuthService).user()?.role === 'manager';
  protected readonly ALL = 'all';
  protected readonly formatHours = formatHours;
  protected readonly inWords = deadlineInWords;

  protected readonly asOf = signal('');
  protected readonly teamId = signal<string | null>(null);
  protected readonly stackBy = signal<StackBy>('team');
  /** YYYY-MM of the month whose people are listed, or null */
  protected readonly chosen = signal<string | null>(null);

  protected readonly teams = createLoader(() => this.catalogApi.teams(), 'teams');
  protected readonly deadlines = createLoader(
    () => this.api.deadlines({ asOf: this.asOf(), teamId: this.teamId() ?? undefined }),
    'deadlines',
  );

  protected readonly teamNames = computed(
    () => new Map((this.teams.value() ?? []).map((team) => [team.id, team.name])),
  );
  protected readonly sortedTeams = computed(() =>
    [...(this.teams.value() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly buckets = computed(() => {
    const response = this.deadlines.value();
    return response ? monthBuckets(response) : null;
  });
  protected readonly total = computed(
    () => this.buckets()?.reduce((sum, bucket) => sum + bucket.deadlines.length, 0) ?? 0,
  );
  protected readonly chosenBucket = computed(
    () => this.buckets()?.find((bucket) => bucket.month === this.chosen()) ?? null,
  );

  protected readonly chartData = computed<ChartViewData>(() => {
    const buckets = this.buckets() ?? [];
    const series = stackSeries(buckets, this.stackBy(), this.teamNames());
    return {
      labels: buckets.map((bucket) => bucket.label),
      datasets: series.map((s, i) => ({
        label: s.name,
        data: s.counts,
        backgroundColor: COLOURS[i % COLOURS.length],
        borderColor: '#ffffff',
        borderWidth: 1,
      })),
    };
  });
  protected readonly chartOptions: ChartViewOptions = {
    scales: {
      x: { stacked: true },
      y: {
        stacked: true,
        beginAtZero: true,
        ticks: { precision: 0 },
        title: { display: true, text: 'Deadlines' },
      },
    },
    plugins: { legend: { position: 'bottom' } },
    // a click anywhere in a month's column chooses it, however short its bar
    interaction: { mode: 'index', intersect: false },
    onClick: (_event, elements) => {
      const index = elements[0]?.index;
      if (index === undefined) return;
      this.zone.run(() => this.choose(this.buckets()?.[index]?.month ?? null));
    },
  };
  protected readonly chartLabel = computed(
    () =>
      `Deadlines per month, stacked bar chart by ${this.stackBy() === 'team' ? 'team' : 'issuing body'}; the table below gives the same numbers`,
  );
  protected readonly chartCaption = computed(() => {
    const response = this.deadlines.value();
    const buckets = this.buckets();
    if (!response || !buckets) return '';
    const busiest = [...buckets].sort((a, b) => b.deadlines.length - a.deadlines.length)[0];
    return this.total() === 0
      ? `Nothing falls due from ${response.asOf} to ${response.until}.`
      : `${this.total()} deadlines from ${response.asOf} to ${response.until}; the most in ${busiest.longLabel} (${busiest.deadlines.length}). Choose a bar to list the people.`;
  });

  constructor() {
    this.teams.load();
    injectDepartmentDay((today) => {
      this.asOf.set(today);
      this.deadlines.load();
    });
  }

  protected showTeam(teamId: string): void {
    this.teamId.set(teamId === this.ALL ? null : teamId);
    this.chosen.set(null);
    this.deadlines.load();
  }

  protected choose(month: string | null): void {
    this.chosen.set(month);
  }
}
