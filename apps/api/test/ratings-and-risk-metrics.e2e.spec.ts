import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

describe('GET /api/securities/{id}/ratings and /api/risk-metrics (base set)', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithBaseData({ readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  it("answers a security's issuer's rating history, oldest first, with upgrades and downgrades", async () => {
    const [rated] = await ctx.sql<{ security_id: string; issuer_id: string; ratings: number }>(
      `SELECT s.security_id, s.issuer_id, count(*)::int AS ratings
       FROM securities_master s JOIN credit_ratings r ON r.issuer_id = s.issuer_id
       WHERE r.action IN ('UPGRADE', 'DOWNGRADE')
       GROUP BY s.security_id, s.issuer_id ORDER BY s.security_id LIMIT 1`,
    );
    const res = await ctx.api.get(`/api/securities/${rated.security_id}/ratings`).expect(200);
    const stored = await ctx.sql<{ rating_id: number }>(
      'SELECT rating_id FROM credit_ratings WHERE issuer_id = $1 ORDER BY rating_date, agency, rating_id',
      [rated.issuer_id],
    );
    expect(res.headers['x-total-count']).toBe(String(stored.length));
    expect(res.body.map((r: { rating_id: number }) => r.rating_id)).toEqual(
      stored.map((r) => r.rating_id),
    );
    for (const rating of res.body) expect(rating.issuer_id).toBe(rated.issuer_id);
    expect(res.body.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(UPGRADE|DOWNGRADE)$/)]),
    );
    expect(Object.keys(res.body[0]).sort()).toEqual(
      ['action', 'agency', 'issuer_id', 'rating', 'rating_date', 'rating_id'].sort(),
    );
  });

  it('answers 404 for an unknown security', async () => {
    const res = await ctx.api.get('/api/securities/SEC-9999/ratings').expect(404);
    expect(res.body.message).toBe('Security SEC-9999 not found');
  });

  it('lists every risk metric, decimals as numbers, and filters by portfolio and by security', async () => {
    const all = await ctx.api.get('/api/risk-metrics?limit=500').expect(200);
    expect(all.headers['x-total-count']).toBe('74');
    expect(all.body).toHaveLength(74);
    const portfolio = await ctx.api.get('/api/risk-metrics?portfolio_id=PORT-004').expect(200);
    const [{ count }] = await ctx.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM risk_metrics WHERE portfolio_id = 'PORT-004'`,
    );
    expect(portfolio.body).toHaveLength(count);
    expect(portfolio.body[0]).toMatchObject({
      portfolio_id: 'PORT-004',
      var_95: expect.any(Number),
    });
    const [{ security_id }] = await ctx.sql<{ security_id: string }>(
      'SELECT security_id FROM risk_metrics WHERE security_id IS NOT NULL ORDER BY metric_id LIMIT 1',
    );
    const security = await ctx.api.get(`/api/risk-metrics?security_id=${security_id}`).expect(200);
    expect(security.body.length).toBeGreaterThan(0);
    for (const row of security.body) expect(row.security_id).toBe(security_id);
  });

  it.each(['portfolio_id=PORT-999', 'security_id=SEC-9999'])(
    'answers 404 for %s',
    async (query) => {
      await ctx.api.get(`/api/risk-metrics?${query}`).expect(404);
    },
  );

  it.each([
    ['/api/risk-metrics?portfolio_id=PORT%201', 'portfolio_id'],
    ['/api/risk-metrics?limit=501', 'limit'],
    ['/api/risk-metrics?as_of_date=2025-03-31', 'as_of_date'],
    ['/api/securities/sec-1/ratings', 'security_id'],
    ['/api/variance/quarterly?quarter=2025-Q1', 'quarter'],
    ['/api/variance/quarterly?portfolio_id=x', 'portfolio_id'],
    ['/api/portfolios/PORT%20001', 'portfolio_id'],
    ['/api/portfolios/PORT-001/holdings?date=2025-02-30', 'date'],
    ['/api/portfolios/PORT-001/holdings?date=yesterday', 'date'],
    ['/api/portfolios/PORT-001/holdings?limit=501', 'limit'],
    ['/api/portfolios/PORT-001/performance?interval=weekly', 'interval'],
    ['/api/portfolios/PORT-001/performance?to=31/03/2025', 'to'],
    ['/api/variance/portfolio/PORT-001?from=2025-13-01&to=2025-02-14', 'from'],
  ])('%s -> 400 naming %s', async (url, parameter) => {
    const res = await ctx.api.get(url).expect(400);
    expect(res.body.message).toContain(parameter);
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|QueryFailedError/);
  });
});
