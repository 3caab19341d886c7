import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import { ChartView, type ChartViewData, type ChartViewOptions } from '@him/ui';
import { DataTable, memberLink, type TableColumn } from '../shared/data-table/data-table';
import { type CoverageTargetRow, coverageChartSeries } from './coverage-view';

// Holders and the gap differ in colour AND fill (solid vs. diagonal stripes) AND the axis
// label says "short by N", so colour is never the only cue. Colours have 4.5:1 on white.
const HOLDERS_COLOUR = '#005cbb';
const GAP_COLOUR = '#b3261e';
const ABOVE_COLOUR = '#4f6f8f';

/** The dashboard's phone layout (as the shell's and the tables' own). */
const PHONE = '(max-width: 599.98px)';
/** Characters per label line: on a phone the labels leave the bars most of the 390 px. */
const LABEL_WIDTH = { phone: 16, wide: 28 };

/** A diagonal-striped fill for the gap, made on the chart's own canvas (chart.js scriptable option). */
function stripes(context: { chart: { ctx: CanvasRenderingContext2D } }): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const pen = tile.getContext('2d');
  if (!pen) {
    return GAP_COLOUR;
  }
  pen.fillStyle = '#ffffff';
  pen.fillRect(0, 0, 8, 8);
  pen.strokeStyle = GAP_COLOUR;
  pen.lineWidth = 3;
  pen.beginPath();
  pen.moveTo(-2, 10);
  pen.lineTo(10, -2);
  pen.stroke();
  return context.chart.ctx.createPattern(tile, 'repeat') ?? GAP_COLOUR;
}

/** R7: holders against each coverage target's minimum, as a stacked bar chart and a table. */
@Component({
  selector: 'him-coverage-chart',
  imports: [ChartView, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">No coverage targets are set for the teams shown.</p>
    } @else {
      <him-chart
        type="bar"
        [data]="chartData()"
        [options]="chartOptions"
        [label]="chartLabel()"
        [caption]="chartCaption()"
        [height]="chartHeight()"
      />
      <h3 class="table-heading" id="coverage-table-heading">Coverage targets</h3>
      <him-data-table
        [rows]="rows()"
        [columns]="columns"
        [trackBy]="key"
        [cardsOnPhone]="true"
        label="Coverage targets table"
        labelledBy="coverage-table-heading"
      />
    }
  `,
  styleUrl: '../overview/overview-tables.scss',
  styles: `
    him-chart {
      margin-bottom: 24px;
    }
    .table-heading {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class CoverageChart {
  readonly rows = input.required<CoverageTargetRow[]>();

  private readonly onPhone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly columns: TableColumn<CoverageTargetRow>[] = [
    { key: 'team', header: 'Team', text: (row) => row.teamName },
    { key: 'requirement', header: 'Requirement', text: (row) => row.requirement },
    { key: 'minimum', header: 'Minimum', numeric: true, text: (row) => row.minHolders },
    { key: 'holders', header: 'Holders', numeric: true, text: (row) => row.holders },
    { key: 'gap', header: 'Gap', text: (row) => row.gapText },
    {
      key: 'spof',
      header: 'Single point of failure',
      text: (row) => (row.singlePointOfFailure ? 'Yes' : 'No'),
    },
    {
      key: 'holderNames',
      header: 'Holders by name',
      links: (row) => row.holderMembers.map((member) => memberLink(member.staffId, member.name)),
      empty: 'No one',
    },
  ];
  protected readonly key = (row: CoverageTargetRow) => row.key;

  protected readonly chartData = computed<ChartViewData>(() => {
    const series = coverageChartSeries(
      this.rows(),
      this.onPhone() ? LABEL_WIDTH.phone : LABEL_WIDTH.wide,
    );
    return {
      labels: series.labels,
      datasets: [
        {
          label: 'Holders, up to the minimum',
          data: series.holdersUpToMinimum,
          backgroundColor: HOLDERS_COLOUR,
          borderColor: HOLDERS_COLOUR,
          borderWidth: 1,
        },
        {
          label: 'Gap: holders still needed (striped)',
          data: series.gap,
          backgroundColor: stripes,
          borderColor: GAP_COLOUR,
          borderWidth: 2,
        },
        {
          label: 'Holders above the minimum',
          data: series.holdersAboveMinimum,
          backgroundColor: ABOVE_COLOUR,
          borderColor: ABOVE_COLOUR,
          borderWidth: 1,
        },
      ],
    };
  });

  protected readonly chartOptions: ChartViewOptions = {
    indexAxis: 'y',
    scales: {
      x: {
        stacked: true,
        beginAtZero: true,
        ticks: { precision: 0 },
        title: { display: true, text: 'Active holders' },
      },
      y: { stacked: true },
    },
    plugins: {
      legend: { position: 'bottom' },
    },
  };

  // a phone's labels run to four lines: each bar gets the height they need
  protected readonly chartHeight = computed(
    () => `${Math.max(200, this.rows().length * (this.onPhone() ? 80 : 64) + 80)}px`,
  );

  protected readonly chartLabel = computed(
    () =>
      `Bar chart of active holders against the minimum for ${this.rows().length} coverage ` +
      `targets; the striped part of a bar is the gap. The same figures are in the table below.`,
  );

  protected readonly chartCaption = computed(() => {
    const short = this.rows().filter((row) => row.gap > 0);
    if (short.length === 0) {
      return 'Every coverage target shown has enough active holders.';
    }
    return (
      `${short.length} of ${this.rows().length} targets are short: ` +
      short.map((row) => `${row.teamName}, ${row.requirement}: short by ${row.gap}`).join('; ') +
      '.'
    );
  });
}
