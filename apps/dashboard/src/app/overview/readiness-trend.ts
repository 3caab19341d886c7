import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { IsoDate, ReadinessSnapshot } from '@him/contracts';
import { ChartView, type ChartViewData, type ChartViewOptions } from '@him/ui';
import { DataTable, type TableColumn } from '../shared/data-table/data-table';
import {
  PERCENT_LINE_OPTIONS,
  readinessColumns,
  readinessDatasets,
  toPercentPoint,
} from './readiness-chart';
import { daysOf, type TrendRow, trendRows } from './readiness-trend-view';
import { shortDate } from './readiness-view';

/** The figures recorded each day of the window (not recomputed), as a line chart and a table. */
@Component({
  selector: 'him-readiness-trend',
  imports: [ChartView, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note" data-testid="trend-empty">
        No figures were recorded between {{ from() }} and {{ to() }} yet. They are recorded once a
        day from now on.
      </p>
    } @else {
      <him-chart
        type="line"
        class="trend-chart"
        data-testid="trend-chart"
        [data]="chartData()"
        [options]="chartOptions"
        [label]="chartLabel()"
        [caption]="chartCaption()"
        height="240px"
      />
      <details class="trend-details">
        <summary>Recorded figures table ({{ rows().length }} days)</summary>
        <h3 class="table-heading" id="trend-table-heading">Recorded figures</h3>
        <him-data-table
          data-testid="trend-table"
          [rows]="rowsNewestFirst()"
          [columns]="columns"
          label="Recorded figures table"
          labelledBy="trend-table-heading"
        />
      </details>
    }
  `,
  styleUrl: './overview-tables.scss',
  styles: `
    .trend-chart {
      margin-bottom: 16px;
    }
    .trend-details summary {
      cursor: pointer;
      font: var(--mat-sys-title-small);
      padding: 8px 0;
    }
    .table-heading {
      margin: 8px 0;
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class ReadinessTrend {
  readonly points = input.required<readonly ReadinessSnapshot[]>();
  readonly from = input.required<IsoDate>();
  readonly to = input.required<IsoDate>();

  protected readonly rows = computed(() => trendRows(this.points()));
  protected readonly rowsNewestFirst = computed(() => [...this.rows()].reverse());

  protected readonly columns: TableColumn<TrendRow>[] = [
    { key: 'date', header: 'Date', text: (row) => row.date },
    ...readinessColumns<TrendRow>(),
  ];

  protected readonly chartData = computed<ChartViewData>(() => {
    const byDay = new Map(this.rows().map((row) => [row.date, row]));
    const days = daysOf(this.from(), this.to());
    const series = (value: (row: TrendRow) => number | null) =>
      days.map((day) => {
        const row = byDay.get(day);
        return row ? toPercentPoint(value(row)) : null;
      });
    return {
      labels: days.map((day) => shortDate(day, this.to())),
      datasets: readinessDatasets(
        series((row) => row.staffReadyPct),
        series((row) => row.requirementsMetPct),
        [
          { pointRadius: 0, pointHitRadius: 6 },
          { pointRadius: 0, pointHitRadius: 6 },
        ],
      ),
    };
  });

  protected readonly chartOptions: ChartViewOptions = {
    ...PERCENT_LINE_OPTIONS,
    scales: {
      ...PERCENT_LINE_OPTIONS.scales,
      x: { ticks: { maxTicksLimit: 8, autoSkip: true } },
    },
  };

  protected readonly chartLabel = computed(
    () =>
      `Line chart of staff ready and requirements met, in percent, as recorded each day from ` +
      `${this.from()} to ${this.to()}. The same figures are in the recorded figures table.`,
  );

  protected readonly chartCaption = computed(() => {
    const rows = this.rows();
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return '';
    if (first === last) return `Staff ready: ${first.staffReady} on ${first.date}.`;
    return (
      `Staff ready: ${first.staffReady} on ${first.date}, ${last.staffReady} on ${last.date}. ` +
      `Requirements met: ${first.requirementsMet} on ${first.date}, ${last.requirementsMet} on ${last.date}.`
    );
  });
}
