import request from 'supertest';
import { ApiOverOwnServer, startApiOverOwnServer } from './support/api-over-own-server';

/** Concurrent clients, each sending its next request as soon as the last one is answered. */
const CLIENTS = 8;
/** Answers wanted before the stop and after the restart. */
const ANSWERS_EACH_SIDE = 5 * CLIENTS;
const PATHS = ['/api/health', '/api/portfolios', '/api/securities?limit=5', '/api/fx-rates'];

interface Answer {
  sentAt: number;
  answeredAt: number;
  status: number;
}

describe('the database restarted while the API is under load', () => {
  let ctx: ApiOverOwnServer;
  const answers: Answer[] = [];
  let outage = { from: 0, to: 0 };

  beforeAll(async () => {
    ctx = await startApiOverOwnServer('securities-restart-');
    const { app } = ctx;

    // Load before, during and after a restart: stop the server, start it again, go on until every
    // client has had its answers on each side (counted, never timed: the machine may be busy).
    let loading = true;
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; loading; i++) {
        const sentAt = Date.now();
        const res = await request(app.getHttpServer()).get(PATHS[i % PATHS.length]);
        answers.push({ sentAt, answeredAt: Date.now(), status: res.status });
      }
    });
    const until = async (enough: () => boolean) => {
      while (!enough()) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    await until(() => answers.length >= ANSWERS_EACH_SIDE);
    const from = Date.now();
    await ctx.stopServer();
    await ctx.startServer();
    outage = { from, to: Date.now() };
    await until(() => answers.filter((a) => a.sentAt >= outage.to).length >= ANSWERS_EACH_SIDE);
    loading = false;
    await Promise.all(clients);
  }, 300_000);

  afterAll(() => ctx?.close());

  it('answered every request with 200 until the server was stopped', () => {
    const before = answers.filter((a) => a.answeredAt < outage.from);
    expect(before.length).toBeGreaterThanOrEqual(ANSWERS_EACH_SIDE);
    expect(before.filter((a) => a.status !== 200)).toEqual([]);
  });

  it('answered with 503 at worst while it was down, never another error', () => {
    // Requests in flight when it stopped are cut off too: answered after the stop began.
    const during = answers.filter((a) => a.answeredAt >= outage.from && a.sentAt < outage.to);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
  });

  it('answers every request sent once the server is back with 200', () => {
    const after = answers.filter((a) => a.sentAt >= outage.to);
    expect(after.length).toBeGreaterThanOrEqual(ANSWERS_EACH_SIDE);
    expect(after.filter((a) => a.status !== 200)).toEqual([]);
  });
});
