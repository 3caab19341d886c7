export * from './lib/api';
export * from './lib/requests';
export * from './lib/notifications';
