import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Connection } from 'mongoose';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { toErrorBody } from './common/filters/all-exceptions.filter';
import { answerClientErrorsAsJson } from './common/filters/client-error';
import type { AppConfig } from './config/app-config';
import { jsonBodyParser } from './infra/http/body-parsers';
import { RedisIoAdapter } from './infra/live/redis-io.adapter';
import { AppLogger } from './infra/logging/app-logger';
import { documentOperations } from './openapi/document-operations';
import { httpMetricsMiddleware } from './modules/metrics/http-metrics.middleware';
import { Metrics } from './modules/metrics/metrics';

/**
 * Builds the whole application (used by main and by the e2e tests, so both run the same thing):
 * /api prefix, body limits, OpenAPI at /api/docs, the Redis socket.io adapter when REDIS_URL is set,
 * and every index in place before the first request.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(AppLogger));
  app.use(httpMetricsMiddleware(app.get(Metrics)));
  // Defence in depth for user text: even if some were ever rendered as HTML, no inline or foreign
  // script could run. Styles may be inline (React Flow positions nodes with style attributes).
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          // The live socket is same-origin; 'self' covers its ws: and wss: URLs in current browsers.
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  answerClientErrorsAsJson(app.getHttpServer());
  app.use(jsonBodyParser(config));
  // Body parser failures (malformed JSON, too large) get the one error shape, not Express's 404 page.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const body = toErrorBody(error);
    res.status(body.statusCode).json(body);
  });
  // Which proxies' X-Forwarded-For is believed (rate limits are per address): none unless TRUST_PROXY says.
  app.set('trust proxy', trustProxy(config.TRUST_PROXY));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  if (config.REDIS_URL) {
    const adapter = new RedisIoAdapter(app);
    // A Redis may serve several deployments: each one's broadcasts and cross-instance events stay its own.
    await adapter.connectToRedis(config.REDIS_URL, `agora:socket.io:${app.get<Connection>(getConnectionToken()).name}`);
    app.useWebSocketAdapter(adapter);
  }
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Agora API')
      .setDescription('Structured, anchored, moderated, live debate about a text. Live events (socket.io, namespace /live) are described in the README.')
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('/')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, documentOperations(cleanupOpenApiDoc(document)), { jsonDocumentUrl: 'api/docs-json' });
  await ensureIndexes(app);
  return app;
}

/** TRUST_PROXY as Express takes it: a hop count, true/false, or a list of addresses and names. */
export function trustProxy(setting: string | undefined): boolean | number | string {
  if (setting === undefined || setting === 'false') return false;
  if (setting === 'true') return true;
  return /^\d+$/.test(setting) ? Number(setting) : setting;
}

/** Builds every model's indexes (unique ones included) before the first write. */
export async function ensureIndexes(app: INestApplicationContext): Promise<void> {
  const connection = app.get<Connection>(getConnectionToken());
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
}
