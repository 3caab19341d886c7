import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// The unit suite. The API's integration tests (a real PostgreSQL) and the browser tests
// (the whole app in Chromium) run as suites of their own (tools/test.mjs), never in here.
const isOwnSuite = (project: string) =>
  /(^|[\\/])dashboard-e2e([\\/]|$)/.test(project) ||
  /jest\.integration\.config\.[cm]?[jt]s$/.test(project);

export default async (): Promise<Config> => ({
  projects: (await getJestProjectsAsync()).filter((project) => !isOwnSuite(project)),
});
