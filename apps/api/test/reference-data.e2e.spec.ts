import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

describe('GET /api/corporate-actions and /api/fx-rates', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithBaseData({ readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  it('lists all 12 corporate actions (seed example), by ex-date', async () => {
    const res = await ctx.api.get('/api/corporate-actions').expect(200);
    expect(res.headers['x-total-count']).toBe('12');
    const dates = res.body.map((a: { ex_date: string }) => a.ex_date);
    expect(dates).toEqual([...dates].sort());
    expect(Object.keys(res.body[0]).sort()).toEqual(
      [
        'action_id',
        'action_type',
        'amount',
        'ex_date',
        'payment_date',
        'ratio',
        'record_date',
        'security_id',
      ].sort(),
    );
  });

  it('action_type=DIVIDEND (seed example) gives only dividends, amounts as numbers', async () => {
    const res = await ctx.api.get('/api/corporate-actions?action_type=DIVIDEND').expect(200);
    const [{ count }] = await ctx.sql<{ count: string }>(
      `SELECT count(*) FROM corporate_actions WHERE action_type = 'DIVIDEND'`,
    );
    expect(res.body).toHaveLength(Number(count));
    expect(res.body.length).toBeGreaterThan(0);
    for (const action of res.body) {
      expect(action.action_type).toBe('DIVIDEND');
      expect(typeof action.amount).toBe('number');
    }
  });

  it('filters by security_id', async () => {
    const [{ security_id }] = await ctx.sql<{ security_id: string }>(
      `SELECT security_id FROM corporate_actions WHERE action_type = 'STOCK_SPLIT' LIMIT 1`,
    );
    const res = await ctx.api.get(`/api/corporate-actions?security_id=${security_id}`).expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((a: { security_id: string }) => a.security_id === security_id)).toBe(
      true,
    );
    expect(
      res.body.some(
        (a: { action_type: string; ratio: number }) =>
          a.action_type === 'STOCK_SPLIT' && a.ratio > 1,
      ),
    ).toBe(true);
  });

  it('answers 404 for a security_id that does not exist, [] for one without actions', async () => {
    const res = await ctx.api.get('/api/corporate-actions?security_id=SEC-9999').expect(404);
    expect(res.body.message).toBe('Security SEC-9999 not found');
    const [{ security_id }] = await ctx.sql<{ security_id: string }>(
      `SELECT security_id FROM securities_master s
       WHERE NOT EXISTS (SELECT 1 FROM corporate_actions a WHERE a.security_id = s.security_id)
       ORDER BY security_id LIMIT 1`,
    );
    const none = await ctx.api.get(`/api/corporate-actions?security_id=${security_id}`).expect(200);
    expect(none.body).toEqual([]);
    expect(none.headers['x-total-count']).toBe('0');
  });

  it('lists all 26 FX rates (seed example)', async () => {
    const res = await ctx.api.get('/api/fx-rates').expect(200);
    expect(res.headers['x-total-count']).toBe('26');
    expect(res.body).toHaveLength(26);
    expect(Object.keys(res.body[0]).sort()).toEqual([
      'from_currency',
      'rate',
      'rate_date',
      'rate_id',
      'to_currency',
    ]);
  });

  it('from_currency=GBP (seed example) gives the two GBP rates with the database values', async () => {
    const res = await ctx.api.get('/api/fx-rates?from_currency=GBP').expect(200);
    const rows = await ctx.sql<{ rate: string; rate_date: string }>(
      `SELECT rate, rate_date FROM fx_rates WHERE from_currency = 'GBP' ORDER BY rate_date`,
    );
    expect(res.body.map((r: { rate: number; rate_date: string }) => [r.rate_date, r.rate])).toEqual(
      rows.map((r) => [r.rate_date, Number(r.rate)]),
    );
  });

  it('rate_date=2024-12-31 gives the 13 period-1 rates', async () => {
    const res = await ctx.api.get('/api/fx-rates?rate_date=2024-12-31').expect(200);
    expect(res.body).toHaveLength(13);
  });
});
