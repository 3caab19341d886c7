import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ChartView, type ChartViewData, type ChartViewOptions } from '@him/ui';
import { type CoverageTargetRow, coverageChartSeries } from './coverage-view';

// Holders and the gap differ in colour AND fill (solid vs. diagonal stripes) AND the axis
// label says "short by N", so colour is never the only cue. Colours have 4.5:1 on white.
const HOLDERS_COLOUR = '#005cbb';
const GAP_COLOUR = '#b3261e';
const ABOVE_COLOUR = '#4f6f8f';

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
  imports: [ChartView, MatTableModule, RouterLink],
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
      <div class="table-scroll" role="region" aria-label="Coverage targets table" tabindex="0">
        <table
          mat-table
          [dataSource]="rows()"
          [trackBy]="trackRow"
          aria-labelledby="coverage-table-heading"
        >
          <ng-container matColumnDef="team">
            <th mat-header-cell *matHeaderCellDef scope="col">Team</th>
            <th
              *matCellDef="let row"
              scope="row"
              class="row-header mat-mdc-cell mdc-data-table__cell"
            >
              {{ row.teamName }}
            </th>
          </ng-container>
          <ng-container matColumnDef="requirement">
            <th mat-header-cell *matHeaderCellDef scope="col">Requirement</th>
            <td mat-cell *matCellDef="let row">{{ row.requirement }}</td>
          </ng-container>
          <ng-container matColumnDef="minimum">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Minimum</th>
            <td mat-cell *matCellDef="let row" class="numeric">{{ row.minHolders }}</td>
          </ng-container>
          <ng-container matColumnDef="holders">
            <th mat-header-cell *matHeaderCellDef scope="col" class="numeric">Holders</th>
            <td mat-cell *matCellDef="let row" class="numeric">{{ row.holders }}</td>
          </ng-container>
          <ng-container matColumnDef="gap">
            <th mat-header-cell *matHeaderCellDef scope="col">Gap</th>
            <td mat-cell *matCellDef="let row">{{ row.gapText }}</td>
          </ng-container>
          <ng-container matColumnDef="spof">
            <th mat-header-cell *matHeaderCellDef scope="col">Single point of failure</th>
            <td mat-cell *matCellDef="let row">{{ row.singlePointOfFailure ? 'Yes' : 'No' }}</td>
          </ng-container>
          <ng-container matColumnDef="holderNames">
            <th mat-header-cell *matHeaderCellDef scope="col">Holders by name</th>
            <td mat-cell *matCellDef="let row">
              @if (row.holderMembers.length === 0) {
                No one
              } @else {
                <ul class="member-links">
                  @for (member of row.holderMembers; track member.staffId) {
                    <li>
                      <a [routerLink]="['/staff', member.staffId]">{{ member.name }}</a>
                    </li>
                  }
                </ul>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
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
    .member-links {
      display: flex;
      flex-wrap: wrap;
      gap: 0 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .member-links li:not(:last-child)::after {
      content: ',';
    }
  `,
})
export class CoverageChart {
  readonly rows = input.required<CoverageTargetRow[]>();

  protected readonly columns = [
    'team',
    'requirement',
    'minimum',
    'holders',
    'gap',
    'spof',
    'holderNames',
  ];
  protected readonly trackRow = (_index: number, row: CoverageTargetRow) => row.key;

  protected readonly chartData = computed<ChartViewData>(() => {
    const series = coverageChartSeries(this.rows());
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

  protected readonly chartHeight = computed(() => `${Math.max(200, this.rows().length * 64 + 80)}px`);

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
