import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AppConfig,
  ConnectionSettings,
  createDataSource,
  loadConfig,
  migrateUp,
  readonlyConnection,
} from '@securities/database';
import { freePort, makeServerDir } from '@securities/database/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../src/app/create-api-app';
import { startDatabaseServerProcess, DatabaseServerProcess } from './database-server-process';

/** Polls until `check` passes or the deadline is reached; returns the milliseconds it took. */
async function eventually(check: () => Promise<void>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('the API survives the database going away and coming back', () => {
  let dir: string;
  let env: Record<string, string>;
  let config: AppConfig;
  let connection: ConnectionSettings;
  let server: DatabaseServerProcess;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // The database runs in a process of its own, as in production, so the test can stop and restart it.
    dir = makeServerDir('securities-outage-');
    env = {
      EMBEDDED_POSTGRES_DIR: join(dir, 'pgdata'),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
    };
    config = loadConfig(env);
    server = await startDatabaseServerProcess(env);
    connection = {
      host: '127.0.0.1',
      port: Number(env.EMBEDDED_POSTGRES_PORT),
      user: 'securities_user',
      password: 'securities_pass',
      database: 'securities_platform',
    };
    const owner = createDataSource(config, connection);
    await owner.initialize();
    await migrateUp(owner);
    await owner.query(
      `INSERT INTO portfolio VALUES ('PORT-001', 'Global Equity', 'Equity', 'MSCI World', '2015-01-02', 'USD')`,
    );
    await owner.destroy();
    app = await createApiApp({ config, connection: readonlyConnection(config, connection) });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves while the database is up', async () => {
    await request(app.getHttpServer()).get('/api/health').expect(200);
    await request(app.getHttpServer()).get('/api/portfolios').expect(200);
  });

  it('answers 503 quickly, health and endpoints alike, once the database is stopped', async () => {
    await server.stop();
    const started = Date.now();
    const health = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(health.body).toMatchObject({
      status: 'error',
      service: 'securities-platform',
      database: 'down',
    });

    const list = await request(app.getHttpServer()).get('/api/portfolios').expect(503);
    expect(list.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database is unavailable; retry shortly.',
    });
    expect(list.headers['retry-after']).toBe('5');
  });

  it('recovers by itself when the database is back, without restarting the API', async () => {
    server = await startDatabaseServerProcess(env);
    await eventually(async () => {
      await request(app.getHttpServer()).get('/api/health').expect(200);
    }, 10_000);
    const res = await request(app.getHttpServer()).get('/api/portfolios').expect(200);
    expect(res.body.map((p: { portfolio_id: string }) => p.portfolio_id)).toEqual(['PORT-001']);
  });
});
