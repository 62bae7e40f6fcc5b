import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, ReadReplicas } from '@securities/database';
import { runCli } from '@securities/logging';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppModule } from '../app/app.module';
import { buildOpenApiDocument } from '../app/create-api-app';

/**
 * Writes the API's OpenAPI document to a file without a database: Nest's preview mode builds the
 * module graph and the routes' metadata but runs no provider (no connection is opened). Used by
 * `nx run api:lint-openapi`.
 */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'tmp/openapi.json');
  const config = loadConfig({});
  const app = await NestFactory.create<NestFastifyApplication>(
    // Preview mode opens no connection: these settings are never used.
    AppModule.forRoot({
      config,
      connection: { host: '127.0.0.1', port: 5432, user: '-', password: '-', database: '-' },
      replicas: new ReadReplicas([]),
    }),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

runCli('write-openapi', main);
