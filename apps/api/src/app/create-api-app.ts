import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ApiOptions, AppModule } from './app.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation.pipe';
import { SERVICE_VERSION } from './health/health.controller';
import { createReplayWsAdapter } from './replay/replay-ws-adapter';
import { WEB_APP_ROUTES } from './web-app/web-app.controller';

export const DOCS_PATH = 'docs';
export const OPENAPI_PATH = 'openapi.json';

export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
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

/** The configured application, not yet listening: main.ts listens, tests use supertest. */
export async function createApiApp(options: ApiOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: WEB_APP_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useWebSocketAdapter(createReplayWsAdapter(app));
  SwaggerModule.setup(DOCS_PATH, app, buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_PATH,
    customSiteTitle: 'Securities Platform API',
  });
  return app;
}
