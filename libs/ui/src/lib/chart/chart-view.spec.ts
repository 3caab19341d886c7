import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Chart } from 'chart.js';
import { ChartView, ChartViewData, ChartViewType } from './chart-view';

// jsdom has no canvas: replace chart.js with a recorder of what the wrapper asks of it.
jest.mock('chart.js', () => {
  class MockChart {
    static register = jest.fn();
    static instances: MockChart[] = [];
    data: unknown;
    options: unknown;
    update = jest.fn();
    destroy = jest.fn();
    constructor(
      public canvas: HTMLCanvasElement,
      public config: { type: string; data: unknown; options: unknown },
    ) {
      this.data = config.data;
      this.options = config.options;
      MockChart.instances.push(this);
    }
  }
  const part = (id: string) => ({ id });
  return {
    Chart: MockChart,
    LineController: part('line'),
    LineElement: part('lineElement'),
    PointElement: part('pointElement'),
    BarController: part('bar'),
    BarElement: part('barElement'),
    CategoryScale: part('category'),
    LinearScale: part('linear'),
    Tooltip: part('tooltip'),
    Legend: part('legend'),
  };
});

interface MockChartInstance {
  canvas: HTMLCanvasElement;
  config: { type: string };
  data: ChartViewData;
  update: jest.Mock;
  destroy: jest.Mock;
}
const mockChart = Chart as unknown as { register: jest.Mock; instances: MockChartInstance[] };

@Component({
  imports: [ChartView],
  template: `
    <him-chart
      [type]="type()"
      [data]="data()"
      label="Readiness over time"
      caption="Falls to 50% in 90 days"
    />
  `,
})
class HostComponent {
  readonly type = signal<ChartViewType>('line');
  readonly data = signal<ChartViewData>({
    labels: ['Today'],
    datasets: [{ label: 'Ready', data: [1] }],
  });
}

describe('ChartView', () => {
  beforeEach(() => {
    mockChart.instances.length = 0;
  });

  it('registers only the chart.js parts it uses, once, at import', () => {
    expect(mockChart.register).toHaveBeenCalledTimes(1);
    const ids = mockChart.register.mock.calls[0].map((part: { id: string }) => part.id);
    expect(ids).toEqual([
      'line',
      'lineElement',
      'pointElement',
      'bar',
      'barElement',
      'category',
      'linear',
      'tooltip',
      'legend',
    ]);
  });

  it('builds the chart on its canvas after the view renders, with an accessible name and caption', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();

    const canvas = fixture.nativeElement.querySelector('canvas') as HTMLCanvasElement;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Readiness over time');
    expect(fixture.nativeElement.querySelector('figcaption').textContent).toContain(
      'Falls to 50% in 90 days',
    );
    expect(mockChart.instances).toHaveLength(1);
    expect(mockChart.instances[0].canvas).toBe(canvas);
    expect(mockChart.instances[0].config.type).toBe('line');
  });

  it('updates the same chart when the data input changes', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();

    const next: ChartViewData = {
      labels: ['Today', '+30 days'],
      datasets: [{ label: 'Ready', data: [1, 0.5] }],
    };
    fixture.componentInstance.data.set(next);
    await fixture.whenStable();

    expect(mockChart.instances).toHaveLength(1);
    expect(mockChart.instances[0].data).toBe(next);
    expect(mockChart.instances[0].update).toHaveBeenCalled();
  });

  it('rebuilds the chart when the type changes', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();

    fixture.componentInstance.type.set('bar');
    await fixture.whenStable();

    expect(mockChart.instances).toHaveLength(2);
    expect(mockChart.instances[0].destroy).toHaveBeenCalled();
    expect(mockChart.instances[1].config.type).toBe('bar');
  });

  it('destroys the chart when the component is destroyed', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();

    fixture.destroy();

    expect(mockChart.instances[0].destroy).toHaveBeenCalledTimes(1);
  });
});
