import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithData } from './api-test-context';

interface Holding {
  portfolio_id: string;
  security_id: string;
  quantity: number;
  market_value: number;
  weight: number;
  cost_basis: number;
  accrued_interest: number;
  as_of_date: string;
}

const POSITION = (h: Holding) => [
  h.security_id,
  h.quantity,
  h.market_value,
  h.weight,
  h.cost_basis,
  h.accrued_interest,
];

describe('GET /api/portfolios/{id} and /api/portfolios/{id}/holdings?date= (tiny set)', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithData('tiny', { readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  const holdings = async (portfolioId: string, query: string) =>
    (await ctx.api.get(`/api/portfolios/${portfolioId}/holdings?${query}`).expect(200))
      .body as Holding[];

  it('answers one portfolio by id, and 404 for an unknown one', async () => {
    const { body } = await ctx.api.get('/api/portfolios/PORT-004').expect(200);
    expect(body).toEqual({
      portfolio_id: 'PORT-004',
      portfolio_name: 'Global Investment Grade Bond',
      portfolio_type: 'Fixed Income',
      benchmark: 'Bloomberg Global Aggregate Index',
      inception_date: '2014-09-30',
      currency: 'USD',
    });
    const missing = await ctx.api.get('/api/portfolios/PORT-999').expect(404);
    expect(missing.body.message).toBe('Portfolio PORT-999 not found');
  });

  it.each([
    ['2024-12-31', 1],
    ['2025-03-31', 2],
  ])(
    'on %s equals /api/holdings?period=%i, row for row, for every portfolio',
    async (date, period) => {
      for (let i = 1; i <= 7; i++) {
        const portfolioId = `PORT-00${i}`;
        const byDate = await holdings(portfolioId, `date=${date}&limit=500`);
        const snapshot = (
          await ctx.api
            .get(`/api/holdings?portfolio_id=${portfolioId}&period=${period}&limit=500`)
            .expect(200)
        ).body as Holding[];
        expect(byDate.length).toBeGreaterThan(0);
        expect(byDate.map(POSITION).sort()).toEqual(snapshot.map(POSITION).sort());
        expect(new Set(byDate.map((h) => h.as_of_date))).toEqual(new Set([date]));
      }
    },
  );

  it('on any other day: weights sum to 1 and each market value is quantity x close x price factor x FX of that day', async () => {
    const date = '2025-02-12';
    const rows = await holdings('PORT-006', `date=${date}&limit=500`);
    // Weights have 10 places: sum them as integers.
    expect(rows.reduce((sum, h) => sum + Math.round(h.weight * 1e10), 0)).toBe(1e10);
    // The holdings first (MATERIALIZED): on Citus holdings and prices are sharded by different
    // columns, and a join of the two tables themselves is refused; a join with a result is not.
    const expected = await ctx.sql<{ security_id: string; value: string }>(
      `WITH h AS MATERIALIZED (
         SELECT security_id, as_of_date, quantity FROM holdings_history
         WHERE portfolio_id = 'PORT-006' AND as_of_date = $1)
       SELECT h.security_id, round(h.quantity * p.close_price
                 * CASE WHEN m.security_type IN ('BOND', 'CLO', 'ABS') THEN 0.01 ELSE 1 END
                 * CASE WHEN m.currency = 'USD' THEN 1 ELSE x.rate END, 2)::text AS value
       FROM h
       JOIN securities_master m USING (security_id)
       JOIN pricing_history p ON (p.security_id, p.price_date) = (h.security_id, h.as_of_date)
       LEFT JOIN fx_rates x ON (x.from_currency, x.to_currency, x.rate_date) = (m.currency, 'USD', h.as_of_date)`,
      [date],
    );
    expect(rows).toHaveLength(expected.length);
    const value = new Map(expected.map((row) => [row.security_id, Number(row.value)]));
    for (const row of rows) expect(row.market_value).toBe(value.get(row.security_id));
  });

  it('orders by market value, largest first, and pages with limit and offset and X-Total-Count', async () => {
    const all = await holdings('PORT-001', 'date=2025-01-20&limit=500');
    const values = all.map((h) => h.market_value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const res = await ctx.api
      .get('/api/portfolios/PORT-001/holdings?date=2025-01-20&limit=5&offset=5')
      .expect(200);
    expect(res.headers['x-total-count']).toBe(String(all.length));
    expect(res.body).toEqual(all.slice(5, 10));
  });

  it('answers a weekend as of the Friday before it and says so in as_of_date', async () => {
    const saturday = await holdings('PORT-002', 'date=2025-02-15&limit=500');
    const friday = await holdings('PORT-002', 'date=2025-02-14&limit=500');
    expect(saturday).toEqual(friday);
    expect(new Set(saturday.map((h) => h.as_of_date))).toEqual(new Set(['2025-02-14']));
  });

  it('defaults to the last day held', async () => {
    const latest = await holdings('PORT-003', 'limit=500');
    expect(latest).toEqual(await holdings('PORT-003', 'date=2025-03-31&limit=500'));
  });

  it.each(['2024-12-30', '2025-04-01', '2019-01-01'])(
    'refuses %s, outside the data, with a 400 naming the parameter and the range',
    async (date) => {
      const res = await ctx.api.get(`/api/portfolios/PORT-001/holdings?date=${date}`).expect(400);
      expect(res.body.message).toBe(
        `date must be within 2024-12-31 .. 2025-03-31, the days of PORT-001's daily holdings (got ${date})`,
      );
    },
  );

  it('answers 404 for an unknown portfolio', async () => {
    const res = await ctx.api.get('/api/portfolios/PORT-999/holdings?date=2025-02-14').expect(404);
    expect(res.body.message).toBe('Portfolio PORT-999 not found');
  });
});
