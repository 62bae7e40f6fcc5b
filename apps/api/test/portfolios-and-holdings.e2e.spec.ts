import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

describe('GET /api/portfolios and GET /api/holdings', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithBaseData({ readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  it('lists all 7 portfolios (seed example)', async () => {
    const res = await ctx.api.get('/api/portfolios').expect(200);
    expect(res.headers['x-total-count']).toBe('7');
    expect(res.body.map((p: { portfolio_id: string }) => p.portfolio_id)).toEqual([
      'PORT-001',
      'PORT-002',
      'PORT-003',
      'PORT-004',
      'PORT-005',
      'PORT-006',
      'PORT-007',
    ]);
    expect(Object.keys(res.body[0]).sort()).toEqual(
      [
        'benchmark',
        'currency',
        'inception_date',
        'portfolio_id',
        'portfolio_name',
        'portfolio_type',
      ].sort(),
    );
    const types = res.body.map((p: { portfolio_type: string }) => p.portfolio_type).sort();
    expect(types).toEqual([
      'Equity',
      'Equity',
      'Equity',
      'Fixed Income',
      'Fixed Income',
      'Hedge',
      'Mixed',
    ]);
  });

  it('portfolio_id=PORT-001&period=1 (seed example): its period-1 holdings, largest market value first', async () => {
    const res = await ctx.api.get('/api/holdings?portfolio_id=PORT-001&period=1').expect(200);
    const rows = await ctx.sql<{ holding_id: number; market_value: string; quantity: string }>(
      `SELECT holding_id, market_value, quantity FROM holdings_period_1 WHERE portfolio_id = 'PORT-001'
       ORDER BY market_value DESC, holding_id`,
    );
    expect(res.headers['x-total-count']).toBe(String(rows.length));
    expect(res.body.map((h: { holding_id: number }) => h.holding_id)).toEqual(
      rows.slice(0, 100).map((r) => r.holding_id),
    );
    expect(res.body[0].market_value).toBe(Number(rows[0].market_value));
    expect(res.body[0].quantity).toBe(Number(rows[0].quantity));
    expect(res.body.every((h: { as_of_date: string }) => h.as_of_date === '2024-12-31')).toBe(true);
  });

  it('period=2&limit=20 (seed example): the 20 largest period-2 holdings across portfolios, with name and ticker', async () => {
    const res = await ctx.api.get('/api/holdings?period=2&limit=20').expect(200);
    expect(res.headers['x-total-count']).toBe('167');
    expect(res.body).toHaveLength(20);
    const values = res.body.map((h: { market_value: number }) => h.market_value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const [top] = await ctx.sql<{ security_name: string; ticker: string }>(
      `SELECT s.security_name, s.ticker FROM holdings_period_2 h JOIN securities_master s USING (security_id)
       ORDER BY h.market_value DESC, h.holding_id LIMIT 1`,
    );
    expect(res.body[0]).toMatchObject(top);
    expect(Object.keys(res.body[0]).sort()).toEqual(
      [
        'accrued_interest',
        'as_of_date',
        'cost_basis',
        'holding_id',
        'market_value',
        'portfolio_id',
        'quantity',
        'security_id',
        'security_name',
        'ticker',
        'weight',
      ].sort(),
    );
  });

  it('defaults to period 1 and 100 rows', async () => {
    const res = await ctx.api.get('/api/holdings').expect(200);
    expect(res.headers['x-total-count']).toBe('156');
    expect(res.body).toHaveLength(100);
  });

  it('answers 404 for an unknown portfolio', async () => {
    const res = await ctx.api.get('/api/holdings?portfolio_id=PORT-999').expect(404);
    expect(res.body.message).toBe('Portfolio PORT-999 not found');
  });
});
