import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { rankTopMovers } from '@securities/variance';
import Decimal from 'decimal.js';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

const cents = (value: number) => Math.round(value * 100);

describe('GET /api/variance/portfolio/{id} and /api/variance/top-movers', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithBaseData({ readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  it('PORT-001 (seed example): summary totals equal the sums of its rows in the database, to the cent', async () => {
    const res = await ctx.api.get('/api/variance/portfolio/PORT-001').expect(200);
    const [sums] = await ctx.sql<Record<string, string>>(
      `SELECT sum(mv_start) AS total_mv_start, sum(mv_end) AS total_mv_end, sum(price_effect) AS total_price_effect,
              sum(qty_effect) AS total_qty_effect, sum(fx_effect) AS total_fx_effect,
              sum(corp_action_effect) AS total_corp_action_effect, sum(total_pnl) AS total_pnl, count(*)::int AS n
       FROM variance_summary WHERE portfolio_id = 'PORT-001'`,
    );
    const { summary, details } = res.body;
    expect(Object.keys(res.body).sort()).toEqual(['details', 'summary']);
    expect(summary.portfolio_id).toBe('PORT-001');
    for (const key of Object.keys(sums).filter((k) => k !== 'n'))
      expect(summary[key]).toBe(Number(sums[key]));
    expect(details).toHaveLength(Number(sums.n));
    const s = summary;
    expect(cents(s.total_mv_end) - cents(s.total_mv_start)).toBe(cents(s.total_pnl));
    expect(
      cents(s.total_price_effect) +
        cents(s.total_qty_effect) +
        cents(s.total_fx_effect) +
        cents(s.total_corp_action_effect),
    ).toBe(cents(s.total_pnl));
  });

  it('details carry the effects per position, largest |total_pnl| first, each obeying the identity', async () => {
    const { body } = await ctx.api.get('/api/variance/portfolio/PORT-002').expect(200);
    const magnitudes = body.details.map((d: { total_pnl: number }) => Math.abs(d.total_pnl));
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
    for (const d of body.details) {
      expect(d.portfolio_id).toBe('PORT-002');
      expect(cents(d.mv_end) - cents(d.mv_start)).toBe(cents(d.total_pnl));
      expect(
        cents(d.price_effect) +
          cents(d.qty_effect) +
          cents(d.fx_effect) +
          cents(d.corp_action_effect),
      ).toBe(cents(d.total_pnl));
      expect(d.period_from).toBe('2024-12-31');
      expect(d.period_to).toBe('2025-03-31');
    }
  });

  it('answers 404 for an unknown portfolio', async () => {
    const res = await ctx.api.get('/api/variance/portfolio/PORT-999').expect(404);
    expect(res.body.message).toBe('Portfolio PORT-999 not found');
  });

  it('top-movers?limit=5 (seed example): the five largest |total_pnl| across portfolios', async () => {
    const res = await ctx.api.get('/api/variance/top-movers?limit=5').expect(200);
    const rows = await ctx.sql<{ total_pnl: string }>(
      'SELECT total_pnl FROM variance_summary ORDER BY abs(total_pnl) DESC LIMIT 5',
    );
    expect(res.body.map((r: { total_pnl: number }) => Math.abs(r.total_pnl))).toEqual(
      rows.map((r) => Math.abs(Number(r.total_pnl))),
    );
    expect(res.headers['x-total-count']).toBe('169');
    expect(res.body[0]).toEqual(
      expect.objectContaining({ security_name: expect.any(String), ticker: expect.any(String) }),
    );
  });

  it('top-movers ranks every row exactly as the variance library does, ties included', async () => {
    const rows = await ctx.sql<{ summary_id: number; total_pnl: string }>(
      'SELECT summary_id, total_pnl FROM variance_summary ORDER BY portfolio_id, security_id',
    );
    const expected = rankTopMovers(
      rows.map((row) => ({ id: row.summary_id, totalPnl: new Decimal(row.total_pnl) })),
      100,
    ).map((row) => row.id);
    const res = await ctx.api.get('/api/variance/top-movers?limit=100').expect(200);
    expect(res.body.map((row: { summary_id: number }) => row.summary_id)).toEqual(expected);
  });

  it('top-movers defaults to 20', async () => {
    const res = await ctx.api.get('/api/variance/top-movers').expect(200);
    expect(res.body).toHaveLength(20);
  });
});
