import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { createLogger } from '@securities/logging';
import { ApiOptions, AppModule } from './app.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { NestPinoLogger } from './common/nest-logger';
import { createValidationPipe } from './common/validation.pipe';
import { SERVICE_VERSION } from './health/health.controller';
import { registerHttpManners } from './http/http-manners';

export const DOCS_PATH = 'docs';
export const OPENAPI_PATH = 'openapi.json';

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Securities Platform API')
    .setDescription(
      'Reference securities data: securities, portfolios and holdings, period-over-period variance attribution, ' +
        'corporate actions and FX rates. Lists are JSON arrays with the total in the X-Total-Count header; ' +
        'decimals are JSON numbers; dates are YYYY-MM-DD. Errors are { statusCode, error, message }.',
    )
    .setVersion(SERVICE_VERSION)
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * The configured application on Fastify, routes registered and ready, not yet listening: main.ts
 * listens, tests use supertest on `app.getHttpServer()`.
 */
export async function createApiApp(options: ApiOptions): Promise<NestFastifyApplication> {
  const logger = createLogger({ name: 'api', level: options.config.logLevel });
  const adapter = new FastifyAdapter({
    // As on Express: /api/health/ is /api/health, and an overlong id is a 400 naming the
    // parameter (the validation pipe's), not the router's bare 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 8_192 },
  });
  registerHttpManners(adapter.getInstance(), { logger });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    adapter,
    { logger: new NestPinoLogger(logger) },
  );
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter(app.getHttpAdapter()));
  SwaggerModule.setup(DOCS_PATH, app, buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_PATH,
    customSiteTitle: 'Securities Platform API',
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
