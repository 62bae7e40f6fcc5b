import { Logger } from '@nestjs/common';
import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

// [request, parameter the message must name]
const BAD_REQUESTS: [string, string][] = [
  ['/api/securities?limit=abc', 'limit'],
  ['/api/securities?limit=0', 'limit'],
  ['/api/securities?limit=501', 'limit'],
  ['/api/securities?limit=1.5', 'limit'],
  ['/api/securities?limit=1&limit=2', 'limit'],
  ['/api/securities?offset=-1', 'offset'],
  ['/api/securities?offset=abc', 'offset'],
  ['/api/securities?security_type=STOCK', 'security_type'],
  ['/api/securities?security_type=equity', 'security_type'],
  ['/api/securities?currency=usd', 'currency'],
  ['/api/securities?currency=DOLLARS', 'currency'],
  [`/api/securities?sector=${'A'.repeat(300)}`, 'sector'],
  [`/api/securities?sector=${encodeURIComponent("Technology' OR '1'='1")}`, 'sector'],
  [`/api/securities?sector=${encodeURIComponent('x; DROP TABLE securities_master; --')}`, 'sector'],
  ['/api/securities?unknown=1', 'unknown'],
  [`/api/securities/${encodeURIComponent("SEC-0001' OR 1=1 --")}`, 'security_id'],
  [`/api/securities/${'S'.repeat(5000)}`, 'security_id'],
  ['/api/securities/sec-0001', 'security_id'],
  ['/api/holdings?period=3', 'period'],
  ['/api/holdings?period=0', 'period'],
  ['/api/holdings?period=abc', 'period'],
  ['/api/holdings?limit=501', 'limit'],
  [
    `/api/holdings?portfolio_id=${encodeURIComponent('PORT-001; DELETE FROM portfolio')}`,
    'portfolio_id',
  ],
  ['/api/variance/top-movers?limit=101', 'limit'],
  ['/api/variance/top-movers?limit=0', 'limit'],
  ['/api/variance/top-movers?limit=ten', 'limit'],
  [`/api/variance/portfolio/${encodeURIComponent('<script>alert(1)</script>')}`, 'portfolio_id'],
  ['/api/corporate-actions?action_type=BUYBACK', 'action_type'],
  ['/api/corporate-actions?security_id=%27%3B--', 'security_id'],
  ['/api/fx-rates?from_currency=E', 'from_currency'],
  ['/api/fx-rates?rate_date=2024-02-30', 'rate_date'],
  ['/api/fx-rates?rate_date=31/12/2024', 'rate_date'],
  ['/api/fx-rates?rate_date=yesterday', 'rate_date'],
];

describe('bad input: 400 naming the parameter, never a 500 or a stack trace', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithBaseData({ readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  it.each(BAD_REQUESTS)('%s -> 400 naming %s', async (url, parameter) => {
    const res = await ctx.api.get(url).expect(400).expect('Content-Type', /json/);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect(res.body.message).toContain(parameter);
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|QueryFailedError/);
  });

  it('answers JSON errors on a route that declared its own Content-Type, without a warning', async () => {
    const warn = jest.spyOn(Logger, 'warn');
    try {
      // The bars route declares JSON with a charset: a bad query (400) and, without a scale set,
      // no market data (404, from the service).
      for (const [url, status] of [
        ['/api/securities/SEC-0001/bars?interval=2m', 400],
        ['/api/securities/SEC-0001/bars?interval=1d', 404],
      ] as const) {
        const res = await ctx.api.get(url).expect(status);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.body.statusCode).toBe(status);
      }
      expect(warn.mock.calls.map(([message]) => String(message))).not.toContainEqual(
        expect.stringMatching(/Content-Type/),
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('leaves the data untouched after the injection attempts', async () => {
    const [{ count }] = await ctx.sql<{ count: string }>('SELECT count(*) FROM securities_master');
    expect(count).toBe('120');
  });

  it('unknown ids are 404 with a message, unknown routes 404 too', async () => {
    expect((await ctx.api.get('/api/securities/SEC-0999').expect(404)).body.message).toBe(
      'Security SEC-0999 not found',
    );
    expect((await ctx.api.get('/api/variance/portfolio/PORT-099').expect(404)).body.message).toBe(
      'Portfolio PORT-099 not found',
    );
    await ctx.api.get('/api/no-such-thing').expect(404);
  });
});
