export * from './lib/chart/chart-view';
