import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createApp } from './app/create-app';
import { ensureAdmin } from './bootstrap/bootstrap-admin';
import { EnvError, validateEnv, type Env } from './config/env';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { runMigrations, withStartupLock } from './database/migrate';
import { DEMO_LOGINS, seedDemoIfEmpty } from './seed/seed-demo';

const logger = new Logger('HIM Readiness');
const info = (message: string) => console.log(`[HIM Readiness] ${message}`);

async function main(): Promise<void> {
  let env: Env;
  try {
    env = validateEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = join(env.DATA_DIR, 'pg');
    info(
      `No DATABASE_URL: starting the embedded PostgreSQL (data in ${dataDir}, port ${env.EMBEDDED_PG_PORT})`,
    );
    embedded = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT });
    databaseUrl = embedded.url;
  }

  let stopping = false;
  const stopEmbedded = async () => {
    if (embedded) await embedded.stop().catch(() => undefined);
  };

  try {
    const applied = await runMigrations(databaseUrl);
    if (applied.length > 0) info(`Applied migrations: ${applied.join(', ')}`);

    const app = await createApp(env, databaseUrl);
    const dataSource = app.get<DataSource>(getDataSourceToken());
    // another replica starting at the same time waits here, then finds the demo and admin there
    const seeded = await withStartupLock(databaseUrl, async () => {
      const demo = env.SEED_DEMO ? await seedDemoIfEmpty(dataSource) : false;
      if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
        const result = await ensureAdmin(dataSource, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
        info(
          result === 'created'
            ? `Created admin account ${env.ADMIN_EMAIL}`
            : `Admin account ${env.ADMIN_EMAIL} exists`,
        );
      }
      return demo;
    });

    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      info(`${signal}: stopping`);
      await app.close().catch(() => undefined);
      await stopEmbedded();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));

    await app.listen(env.PORT, env.HOST);
    const url = `http://localhost:${env.PORT}`;
    const lines = [
      ``,
      `HIM Readiness is running at ${url}`,
      `  API:  ${url}/api/v1${env.API_DOCS ? `   (OpenAPI: ${url}/api/docs)` : ''}`,
    ];
    if (env.SEED_DEMO) {
      lines.push(seeded ? `  Demo department created. Demo logins:` : `  Demo logins:`);
      for (const login of DEMO_LOGINS)
        lines.push(`    ${login.label.padEnd(9)} ${login.email.padEnd(30)} ${login.password}`);
    }
    lines.push(`  Press Ctrl-C to stop.`, ``);
    console.log(lines.join('\n'));
  } catch (error) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await stopEmbedded();
    process.exit(1);
  }
}

void main();
