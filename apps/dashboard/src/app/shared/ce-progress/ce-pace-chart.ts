import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CeActivity, CeGroup, IsoDate } from '@him/contracts';
import { addDays, formatHours } from '@him/domain';
import { ChartView, type ChartViewData, type ChartViewOptions } from '@him/ui';
import { cePaceSeries, longDate } from './ce-pace';

// Three lines told apart by colour, style and legend; each colour has 4.5:1 on white.
const EARNED_COLOUR = '#005cbb';
const PACE_COLOUR = '#5c5c5c';
const REQUIRED_COLOUR = '#9a4600';

/**
 * A CE group's approved hours by completion date against the pace line (none at the cycle's
 * start, the required hours at its end) and the requirement, with the same in one sentence.
 */
@Component({
  selector: 'him-ce-pace-chart',
  imports: [ChartView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <him-chart
      type="line"
      data-testid="ce-pace-chart"
      [data]="chartData()"
      [options]="chartOptions()"
      [label]="chartLabel()"
      [caption]="series().sentence"
      height="160px"
    />
  `,
})
export class CePaceChart {
  readonly group = input.required<CeGroup>();
  readonly activities = input.required<readonly CeActivity[]>();
  readonly asOf = input.required<IsoDate>();
  /** names the chart for screen readers ("AHIMA: CCS") */
  readonly title = input.required<string>();

  protected readonly series = computed(() =>
    cePaceSeries(this.group(), this.activities(), this.asOf()),
  );

  protected readonly chartData = computed<ChartViewData>(() => {
    const series = this.series();
    return {
      datasets: [
        {
          label: 'Approved hours',
          data: series.earned,
          stepped: 'before',
          borderColor: EARNED_COLOUR,
          backgroundColor: EARNED_COLOUR,
          pointRadius: 2,
          borderWidth: 3,
        },
        {
          label: 'Pace',
          data: series.pace,
          borderColor: PACE_COLOUR,
          backgroundColor: PACE_COLOUR,
          borderDash: [6, 4],
          pointRadius: 0,
          borderWidth: 2,
        },
        {
          label: 'Required',
          data: series.requirement,
          borderColor: REQUIRED_COLOUR,
          backgroundColor: REQUIRED_COLOUR,
          borderDash: [2, 3],
          pointRadius: 0,
          borderWidth: 2,
        },
      ],
    };
  });

  protected readonly chartOptions = computed<ChartViewOptions>(() => {
    const { cycleStart } = this.group();
    const cycleDays = this.series().cycleDays;
    return {
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: cycleDays,
          ticks: {
            maxTicksLimit: 4,
            callback: (value) => addDays(cycleStart, Math.round(Number(value))),
          },
        },
        y: { min: 0, title: { display: true, text: 'Hours' } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxHeight: 2 } },
        tooltip: {
          callbacks: {
            title: (items) =>
              items[0] ? longDate(addDays(cycleStart, Math.round(items[0].parsed.x ?? 0))) : '',
            label: (context) =>
              `${context.dataset.label}: ${formatHours(context.parsed.y ?? 0)} hours`,
          },
        },
      },
    };
  });

  protected readonly chartLabel = computed(
    () =>
      `${this.title()}: line chart of approved CE hours by completion date from ` +
      `${this.group().cycleStart} to ${this.group().cycleEnd}, against the pace line and the ` +
      `required hours. ${this.series().sentence}.`,
  );
}
