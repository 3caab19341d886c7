import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// The unit suite. The API's integration tests (a real PostgreSQL) and the browser tests
// (the whole app in Chromium) run as suites of their own (tools/test.mjs), never in here.
const isOwnSuite = (project: string) =>
  /(^|[\\/])dashboard-e2e([\\/]|$)/.test(project) ||
  /jest\.integration\.config\.[cm]?[jt]s$/.test(project);

// Nx names one jest config per project: the API's is its integration config, so its unit
// config (apps/api/jest.config.cts) is added here by name or its specs would never run.
const API_UNIT = '<rootDir>/apps/api/jest.config.cts';

export default async (): Promise<Config> => {
  const projects = (await getJestProjectsAsync()).filter((project) => !isOwnSuite(project));
  if (!projects.includes(API_UNIT)) projects.push(API_UNIT);
  return { projects };
};
