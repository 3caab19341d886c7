export * from './lib/api';
