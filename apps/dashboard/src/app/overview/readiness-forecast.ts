import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { IsoDate } from '@him/contracts';
import { ChartView, type ChartViewData, type ChartViewOptions } from '@him/ui';
import { wholePercent } from '@him/domain';
import { DataTable, type TableColumn } from '../shared/data-table/data-table';
import type { ForecastRow } from './readiness-view';

// Two series told apart by colour, line style and point shape, so colour is never the only cue.
// Both colours have at least 4.5:1 contrast on white.
const STAFF_READY_COLOUR = '#005cbb';
const REQUIREMENTS_MET_COLOUR = '#9a4600';

/** R9: readiness on the as-of date and at each forecast horizon, as a chart and as a table. */
@Component({
  selector: 'him-readiness-forecast',
  imports: [ChartView, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="forecast-assumption">
      Assumes nobody renews or earns a credential and nobody is assessed after {{ asOf() }}.
    </p>
    <him-chart
      type="line"
      class="forecast-chart"
      [data]="chartData()"
      [options]="chartOptions"
      [label]="chartLabel()"
      [caption]="chartCaption()"
    />
    <h3 class="table-heading" id="forecast-table-heading">Forecast figures</h3>
    <him-data-table
      [rows]="rows()"
      [columns]="columns"
      label="Forecast figures table"
      labelledBy="forecast-table-heading"
    />
  `,
  styleUrl: './overview-tables.scss',
  styles: `
    .forecast-assumption {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .forecast-chart {
      margin-bottom: 24px;
    }
    .table-heading {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class ReadinessForecast {
  readonly rows = input.required<ForecastRow[]>();
  readonly asOf = input.required<IsoDate>();

  protected readonly columns: TableColumn<ForecastRow>[] = [
    { key: 'when', header: 'When', text: (row) => row.when },
    { key: 'date', header: 'Date', text: (row) => row.date },
    { key: 'staffReady', header: 'Staff ready', numeric: true, text: (row) => row.staffReady },
    {
      key: 'requirementsMet',
      header: 'Requirements met',
      numeric: true,
      text: (row) => row.requirementsMet,
    },
    {
      key: 'targetsMet',
      header: 'Coverage targets met',
      numeric: true,
      text: (row) => row.targetsMet,
    },
    {
      key: 'lapsed',
      header: 'Credentials lapsed by then',
      numeric: true,
      text: (row) => row.lapsedCredentials,
    },
  ];

  protected readonly chartData = computed<ChartViewData>(() => {
    const rows = this.rows();
    return {
      labels: rows.map((row) =>
        row.days === 0 ? `${row.date} (as of)` : `${row.date} (+${row.days} d)`,
      ),
      datasets: [
        {
          label: 'Staff ready',
          data: rows.map((row) => toPercentPoint(row.staffReadyPct)),
          borderColor: STAFF_READY_COLOUR,
          backgroundColor: STAFF_READY_COLOUR,
          pointStyle: 'circle',
          pointRadius: 5,
          borderWidth: 3,
        },
        {
          label: 'Requirements met',
          data: rows.map((row) => toPercentPoint(row.requirementsMetPct)),
          borderColor: REQUIREMENTS_MET_COLOUR,
          backgroundColor: REQUIREMENTS_MET_COLOUR,
          borderDash: [8, 4],
          pointStyle: 'triangle',
          pointRadius: 6,
          borderWidth: 3,
        },
      ],
    };
  });

  protected readonly chartOptions: ChartViewOptions = {
    scales: {
      y: {
        min: 0,
        max: 100,
        ticks: { callback: (value) => `${value}%` },
        title: { display: true, text: 'Percent' },
      },
    },
    plugins: {
      legend: { position: 'bottom', labels: { usePointStyle: true } },
      tooltip: {
        callbacks: {
          label: (context) =>
            `${context.dataset.label}: ${wholePercent(context.parsed.y === null ? null : context.parsed.y / 100)}`,
        },
      },
    },
  };

  protected readonly chartLabel = computed(
    () =>
      `Line chart of staff ready and requirements met, in percent, from ${this.asOf()} over the next ` +
      `${this.lastRow()?.days ?? 0} days. The same figures are in the table below.`,
  );

  protected readonly chartCaption = computed(() => {
    const first = this.rows()[0];
    const last = this.lastRow();
    if (!first || !last || first === last) {
      return '';
    }
    return (
      `Staff ready: ${first.staffReady} on ${first.date}, ${last.staffReady} by ${last.date}. ` +
      `Requirements met: ${first.requirementsMet} on ${first.date}, ${last.requirementsMet} by ${last.date}.`
    );
  });

  private lastRow(): ForecastRow | undefined {
    const rows = this.rows();
    return rows[rows.length - 1];
  }
}

function toPercentPoint(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 1000) / 10;
}
