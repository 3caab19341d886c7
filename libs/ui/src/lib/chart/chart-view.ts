import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  NgZone,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartConfiguration,
  ChartData,
  ChartOptions,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only the pieces the dashboard draws, so the bundle carries no unused controllers or scales.
// Add a part here when a new chart needs it; never the auto bundle or the whole registry.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export type ChartViewType = 'line' | 'bar';
export type ChartViewData = ChartData<ChartViewType>;
export type ChartViewOptions = ChartOptions<ChartViewType>;

/**
 * The one chart.js wrapper of the dashboard.
 *
 * The canvas is an image to assistive technology (`role="img"` with `label`), so every use
 * must also render the same numbers as text or a table next to it; `caption` is a visible
 * one-line summary under the chart.
 */
@Component({
  selector: 'him-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="him-chart">
      <div class="him-chart__canvas-box" [style.height]="height()">
        <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
      </div>
      @if (caption()) {
        <figcaption class="him-chart__caption">{{ caption() }}</figcaption>
      }
    </figure>
  `,
  styles: `
    :host {
      display: block;
    }
    .him-chart {
      margin: 0;
    }
    .him-chart__canvas-box {
      position: relative;
      width: 100%;
    }
    .him-chart__caption {
      margin-top: 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ChartView {
  readonly type = input.required<ChartViewType>();
  readonly data = input.required<ChartViewData>();
  readonly options = input<ChartViewOptions>({});
  /** Accessible name of the chart image: what it shows, e.g. "Readiness forecast, line chart". */
  readonly label = input.required<string>();
  /** Visible summary under the chart. */
  readonly caption = input<string>('');
  /** CSS height of the drawing area; the chart fills the available width. */
  readonly height = input<string>('280px');

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly zone = inject(NgZone);
  private chart: Chart<ChartViewType> | null = null;
  private chartType: ChartViewType | null = null;

  constructor() {
    // Runs once the view (and so the canvas) exists, then again whenever an input changes.
    afterRenderEffect(() => {
      const config: ChartConfiguration<ChartViewType> = {
        type: this.type(),
        data: this.data(),
        options: this.withDefaults(this.options()),
      };
      const canvas = this.canvas().nativeElement;
      // chart.js animates with requestAnimationFrame and listens to resize; none of that
      // needs Angular change detection.
      this.zone.runOutsideAngular(() => this.drawChart(canvas, config));
    });
    inject(DestroyRef).onDestroy(() => this.destroyChart());
  }

  private drawChart(canvas: HTMLCanvasElement, config: ChartConfiguration<ChartViewType>): void {
    if (this.chart && this.chartType === config.type) {
      this.chart.data = config.data;
      this.chart.options = config.options ?? {};
      // chart.js leaves ctx null when the canvas gave no drawing context: nothing to redraw.
      if (this.chart.ctx === null) return;
      this.chart.update();
      return;
    }
    this.destroyChart();
    this.chart = new Chart(canvas, config);
    this.chartType = config.type;
  }

  private destroyChart(): void {
    this.chart?.destroy();
    this.chart = null;
    this.chartType = null;
  }

  private withDefaults(options: ChartViewOptions): ChartViewOptions {
    return {
      responsive: true,
      maintainAspectRatio: false,
      // Respect the user's operating-system setting for motion.
      ...(prefersReducedMotion() ? { animation: false as const } : {}),
      ...options,
    };
  }
}

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}
