import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readonlyConnection } from '@securities/database';
import { createTestDatabase, TestDatabase, TestDataset } from '@securities/database/testing';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApiApp } from '../src/app/create-api-app';

export interface ApiTestContext {
  app: NestFastifyApplication;
  api: TestAgent;
  /** The owner-role view of the same database, to check answers against. */
  db: TestDatabase;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface ApiDataOptions {
  /** Environment variables on top of the test database's (API_RESPONSE_CACHE_MB, say). */
  environment?: Record<string, string>;
  /**
   * The file only reads (the API always does; `sql` too): the run's one read-only copy of the
   * dataset, shared with the other reading files, instead of a copy of its own (see
   * createTestDatabase). A file that writes, locks or checks the read-only role's own refusals
   * leaves it out.
   */
  readOnly?: boolean;
}

/**
 * A copy of a prepared dataset (seed 7; built once per Jest run) and the API on it as the
 * read-only role. The first file of a run to ask for a dataset waits for its build: give its
 * `beforeAll` TEST_DATASET_TIMEOUT_MS.
 */
export async function startApiWithData(
  dataset: TestDataset,
  { environment = {}, readOnly = false }: ApiDataOptions = {},
): Promise<ApiTestContext> {
  const db = await createTestDatabase(
    { LOG_LEVEL: 'silent', ...environment },
    { dataset, readOnly },
  );
  const app = await createApiApp({
    config: db.config,
    connection: readonlyConnection(db.config, db.connection),
  });
  return {
    app,
    api: request(app.getHttpServer()),
    db,
    sql: (text, params) => db.dataSource.query(text, params),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** The base set (seed 7) loaded, and the API on it. */
export function startApiWithBaseData(options: ApiDataOptions = {}): Promise<ApiTestContext> {
  return startApiWithData('base', options);
}
