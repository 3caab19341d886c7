export * from './lib/api';
export * from './lib/notifications';
