import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { IsoDate } from '@him/contracts';
import { ChartView, type ChartViewData } from '@him/ui';
import { DataTable, type TableColumn } from '../shared/data-table/data-table';
import {
  PERCENT_LINE_OPTIONS,
  readinessColumns,
  readinessDatasets,
  toPercentPoint,
} from './readiness-chart';
import type { ForecastRow } from './readiness-view';

/** R9: readiness on the as-of date and at each forecast horizon, as a chart and as a table. */
@Component({
  selector: 'him-readiness-forecast',
  imports: [ChartView, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="assumption forecast-assumption">
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
    .assumption.forecast-assumption {
      margin-bottom: 16px;
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
    ...readinessColumns<ForecastRow>(),
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
      datasets: readinessDatasets(
        rows.map((row) => toPercentPoint(row.staffReadyPct)),
        rows.map((row) => toPercentPoint(row.requirementsMetPct)),
        [{ pointRadius: 5 }, { pointRadius: 6 }],
      ),
    };
  });

  protected readonly chartOptions = PERCENT_LINE_OPTIONS;

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
