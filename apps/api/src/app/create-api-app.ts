import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ReadReplicas, replicaConnections } from '@securities/database';
import { createLogger } from '@securities/logging';
import { randomBytes } from 'node:crypto';
import { ApiOptions, AppModule } from './app.module';
import { completeErrorResponses } from './common/api-docs';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { NestPinoLogger } from './common/nest-logger';
import { createValidationPipe } from './common/validation.pipe';
import { SERVICE_VERSION } from './health/health.controller';
import { createReplayWsAdapter } from './replay/replay-ws-adapter';
import { WEB_APP_ROUTES } from './web-app/web-app.controller';
import { DataVersionWatcher } from './http/data-version';
import { registerHttpManners } from './http/http-manners';
import { ResponseCache } from './http/response-cache';
import { DeclaredQueryParameters } from './http/query-parameters';

export const DOCS_PATH = 'docs';
export const OPENAPI_PATH = 'openapi.json';

/** The tags the controllers use, declared with what they hold. */
const TAGS: [string, string][] = [
  ['health', 'Service status and a live database check'],
  ['securities', 'The security master: identifiers, types, issuers, terms'],
  ['portfolios', 'Portfolios, their holdings on any trading day and their performance'],
  ['variance', 'Period-over-period P&L attribution (price, quantity, FX, corporate actions)'],
  ['reference data', 'Corporate actions and FX rates'],
  ['risk-metrics', 'VaR, beta, duration, convexity and volatility of portfolios and securities'],
  [
    'market data',
    'Ticks, bars at any interval, corporate-action factors, snapshots and indicators',
  ],
];

/** A tag an operation uses but TAGS does not list is still declared (Redocly requires it). */
function declareUsedTags(document: OpenAPIObject): void {
  const declared = new Set((document.tags ?? []).map((tag) => tag.name));
  for (const item of Object.values(document.paths))
    for (const name of item.get?.tags ?? [])
      if (!declared.has(name)) {
        declared.add(name);
        (document.tags ??= []).push({ name, description: `Operations on ${name}` });
      }
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Securities Platform API')
    .setDescription(
      'Reference securities data: securities, portfolios and holdings, period-over-period variance attribution, ' +
        'corporate actions and FX rates. Lists are JSON arrays with the total in the X-Total-Count header and ' +
        'page links in Link; decimals are JSON numbers; dates are YYYY-MM-DD. Errors are { statusCode, error, message }. ' +
        'Every answer carries a strong ETag (If-None-Match gives 304) and Cache-Control; bodies are compressed ' +
        'on request (br, gzip); a method other than GET, HEAD or OPTIONS is a 405.',
    )
    .setVersion(SERVICE_VERSION)
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This server');
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  completeErrorResponses(document);
  declareUsedTags(document);
  // Open data: no operation needs credentials.
  document.security = [];
  return document;
}

export interface CreateApiAppOptions extends ApiOptions {
  /** Shared by the workers of one run (part of every ETag); a fresh one per call by default. */
  instance?: string;
}

/**
 * The configured application on Fastify, routes registered and ready, not yet listening: main.ts
 * listens, tests use supertest on `app.getHttpServer()`.
 */
export async function createApiApp(options: CreateApiAppOptions): Promise<NestFastifyApplication> {
  const logger = createLogger({ name: 'api', level: options.config.logLevel });
  const dataVersion = new DataVersionWatcher(options.connection, logger);
  await dataVersion.start();
  // A replica serves reads once it has replayed the data version the ETags name (read from
  // where the data is), so a tag never promises data newer than the body it comes with.
  const replicas = new ReadReplicas(replicaConnections(options.config, options.connection), {
    requiredVersion: () => dataVersion.version,
    log: (message) => logger.info(message),
  });
  await replicas.start();
  const adapter = new FastifyAdapter({
    // As on Express: /api/health/ is /api/health, and an overlong id is a 400 naming the
    // parameter (the validation pipe's), not the router's bare 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 8_192 },
  });
  const closeWatchers = async () => {
    await replicas.stop();
    await dataVersion.close();
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ ...options, replicas }),
    adapter,
    { logger: new NestPinoLogger(logger) },
  ).catch(async (error: unknown) => {
    await closeWatchers();
    throw error;
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onClose', closeWatchers);
  const declaredQueries = new DeclaredQueryParameters();
  await registerHttpManners(fastify, {
    logger,
    corsOrigins: options.config.api.corsOrigins,
    declaredQueries,
    instance: options.instance ?? randomBytes(4).toString('hex'),
    dataVersion: () => dataVersion.version,
    responseCache:
      options.config.api.responseCacheBytes > 0
        ? new ResponseCache(options.config.api.responseCacheBytes)
        : undefined,
  });
  app.setGlobalPrefix('api', { exclude: WEB_APP_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter(app.getHttpAdapter()));
  app.useWebSocketAdapter(createReplayWsAdapter(app));
  const document = buildOpenApiDocument(app);
  declaredQueries.learn(document);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_PATH,
    customSiteTitle: 'Securities Platform API',
  });
  await app.init();
  await fastify.ready();
  return app;
}
