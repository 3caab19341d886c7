/*
 * Browser tests: the production build of the API and the dashboard, started on a fresh
 * embedded PostgreSQL with the demo department, driven by a headless Chromium.
 * Run with `npx jest -c apps/dashboard-e2e/jest.config.cts --runInBand` (or `npm test`).
 */
process.env.TZ = 'UTC';

module.exports = {
  displayName: 'dashboard-e2e',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 120000,
  // One server and one browser at a time, even when run without --runInBand.
  maxWorkers: 1,
};
