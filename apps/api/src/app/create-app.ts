import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { jsonBodyParser } from '../common/json-body';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Env } from '../config/env';
import { ErrorFilter } from '../common/error.filter';
import { createValidationPipe } from '../common/validation';
import { APP_VERSION } from '../health/health.controller';
import { AppModule } from './app.module';
import { noStoreForApi, securityHeaders } from './security-headers';

export const API_PREFIX = 'api/v1';

/** Builds the configured application (used by the server and by the HTTP tests alike). */
export async function createApp(
  env: Env,
  databaseUrl: string,
  options: { logger?: false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(env, databaseUrl),
    {
      logger: options.logger === false ? false : ['error', 'warn'],
      bodyParser: false,
    },
  );
  app.disable('x-powered-by');
  app.set('trust proxy', env.TRUST_PROXY);
  app.use(securityHeaders(), noStoreForApi);
  app.use(...jsonBodyParser());
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'api/health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());

  if (env.API_DOCS) serveApiDocs(app);
  serveDashboard(app, env);
  return app;
}

/**
 * The Swagger UI at /api/docs and the OpenAPI document at /api/docs-json, generated from the code.
 * Only with API_DOCS=true (the default with the embedded database): a real department's server
 * does not describe itself to whoever asks.
 */
function serveApiDocs(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('HIM Readiness API')
      .setDescription(
        'Skills, credentials, continuing education and readiness of an HIM department (API.md, DOMAIN.md).',
      )
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

function dashboardDir(env: Env): string | undefined {
  if (env.DASHBOARD_DIR === '') return undefined;
  const candidates = env.DASHBOARD_DIR
    ? [resolve(env.DASHBOARD_DIR)]
    : [resolve('dist/apps/dashboard/browser'), join(__dirname, '../dashboard/browser')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** The built dashboard on the same origin; client-side routes fall back to index.html. */
function serveDashboard(app: NestExpressApplication, env: Env): void {
  const dir = dashboardDir(env);
  if (!dir) return;
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  server.get(/^\/(?!api(\/|$)).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}
