import { wholePercent } from '@him/domain';
import type { ChartViewData, ChartViewOptions } from '@him/ui';
import type { TableColumn } from '../shared/data-table/data-table';

// Two series told apart by colour, line style and point shape, so colour is never the only cue.
// Both colours have at least 4.5:1 contrast on white.
const STAFF_READY_COLOUR = '#005cbb';
const REQUIREMENTS_MET_COLOUR = '#9a4600';

type Dataset = ChartViewData['datasets'][number];

/** The readiness figures that a row of the trend or the forecast shows, in words. */
interface ReadinessFigures {
  staffReady: string;
  requirementsMet: string;
  targetsMet: string;
}

/** The y axis of a readiness chart (0 to 100 percent), its legend and its tooltips. */
export const PERCENT_LINE_OPTIONS: ChartViewOptions = {
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

/** How a chart draws the points of its two series: their radius, and where hovering finds them. */
interface PointSize {
  pointRadius: number;
  pointHitRadius?: number;
}

/**
 * The two series of a readiness chart, staff ready and requirements met (points in percent),
 * drawn the same way on every chart but for the size of their points.
 */
export function readinessDatasets(
  staffReady: (number | null)[],
  requirementsMet: (number | null)[],
  points: [PointSize, PointSize],
): Dataset[] {
  return [
    {
      label: 'Staff ready',
      data: staffReady,
      borderColor: STAFF_READY_COLOUR,
      backgroundColor: STAFF_READY_COLOUR,
      pointStyle: 'circle',
      ...points[0],
      borderWidth: 3,
    },
    {
      label: 'Requirements met',
      data: requirementsMet,
      borderColor: REQUIREMENTS_MET_COLOUR,
      backgroundColor: REQUIREMENTS_MET_COLOUR,
      borderDash: [8, 4],
      pointStyle: 'triangle',
      ...points[1],
      borderWidth: 3,
    },
  ];
}

/** The readiness figures' columns of the trend and the forecast tables. */
export function readinessColumns<T extends ReadinessFigures>(): TableColumn<T>[] {
  return [
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
  ];
}

/** A fraction (0.873) as a chart point in percent with one decimal (87.3); null stays a gap. */
export function toPercentPoint(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 1000) / 10;
}
