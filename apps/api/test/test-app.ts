import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/app/create-app';
import { validateEnv } from '../src/config/env';
import { runMigrations } from '../src/database/migrate';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  databaseUrl: string;
  /** supertest against the running app; paths are absolute (`/api/v1/...`) */
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /** more settings, as the environment would give them */
  env?: Record<string, string>;
  /** another API process over this database (a test's own, which it keeps; not dropped on close) */
  databaseUrl?: string;
}

/** The real application over a fresh migrated database, as the server builds it. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  if (!options.databaseUrl) await runMigrations(db.url);
  const env = validateEnv({
    DATABASE_URL: db.url,
    DASHBOARD_DIR: '',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    // tests run a day of reminders through POST /reminders/run, never on the wall clock
    REMINDERS_SCHEDULER: 'false',
    // the daily readiness snapshots are recorded by the tests that ask for them
    SNAPSHOTS_SCHEDULER: 'false',
    // the tests read the OpenAPI document (it is off by default with DATABASE_URL)
    API_DOCS: 'true',
    // the rules run in the event loop unless a test asks for worker threads (rules-pool tests)
    RULES_WORKERS: '0',
    ...options.env,
  });
  const app = await createApp(env, db.url, { logger: false });
  await app.init();
  return {
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    databaseUrl: db.url,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
