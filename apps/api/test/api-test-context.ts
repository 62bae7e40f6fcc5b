import { NestExpressApplication } from '@nestjs/platform-express';
import { migrateUp, readonlyConnection } from '@securities/database';
import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { generateBaseSet } from '@securities/generator-core';
import { loadCsvDirectory } from '@securities/loader-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApiApp } from '../src/app/create-api-app';

export interface ApiTestContext {
  app: NestExpressApplication;
  api: TestAgent;
  /** The owner-role view of the same database, to check answers against. */
  db: TestDatabase;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const TEST_SEED = 7;

/** A fresh database with the base set (seed 7) loaded, and the API on it as the read-only role. */
export async function startApiWithBaseData(): Promise<ApiTestContext> {
  const db = await createTestDatabase({ LOG_LEVEL: 'silent' });
  const dir = mkdtempSync(join(tmpdir(), 'securities-api-base-'));
  try {
    await migrateUp(db.dataSource);
    await generateBaseSet({ seed: TEST_SEED, outDir: dir });
    await loadCsvDirectory({ dir, dataSource: db.dataSource });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const app = await createApiApp({
    config: db.config,
    connection: readonlyConnection(db.config, db.connection),
  });
  await app.init();
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
