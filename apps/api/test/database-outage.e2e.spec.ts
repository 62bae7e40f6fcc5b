import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ApiOverOwnServer, startApiOverOwnServer } from './support/api-over-own-server';

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
  let ctx: ApiOverOwnServer;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // The database runs in a process of its own, as in production, so the test can stop and restart it.
    ctx = await startApiOverOwnServer('securities-outage-');
    app = ctx.app;
  });
  afterAll(() => ctx?.close());

  it('serves while the database is up', async () => {
    await request(app.getHttpServer()).get('/api/health').expect(200);
    await request(app.getHttpServer()).get('/api/portfolios').expect(200);
  });

  it('answers 503 quickly, health and endpoints alike, once the database is stopped', async () => {
    await ctx.stopServer();
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
    await ctx.startServer();
    await eventually(async () => {
      await request(app.getHttpServer()).get('/api/health').expect(200);
    }, 10_000);
    const res = await request(app.getHttpServer()).get('/api/portfolios').expect(200);
    expect(res.body.map((p: { portfolio_id: string }) => p.portfolio_id)).toEqual(['PORT-001']);
  });
});
