import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithData } from './api-test-context';

interface Point {
  date: string;
  market_value: number;
  net_flows: number;
  income: number;
  pnl: number;
  period_return: number | null;
  cumulative_return: number | null;
}

const cents = (value: number) => Math.round(value * 100);

describe('GET /api/portfolios/{id}/performance (tiny set)', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithData('tiny', { readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  const series = async (portfolioId: string, query = '') =>
    (await ctx.api.get(`/api/portfolios/${portfolioId}/performance?${query}`).expect(200)).body
      .series as Point[];

  it('values each day at the sum of its holdings, over the whole range by default', async () => {
    const { body } = await ctx.api.get('/api/portfolios/PORT-005/performance').expect(200);
    expect(body).toMatchObject({
      portfolio_id: 'PORT-005',
      interval: '1d',
      from: '2024-12-31',
      to: '2025-03-31',
    });
    const sums = await ctx.sql<{ date: string; total: string }>(
      `SELECT as_of_date::text AS date, sum(market_value)::text AS total FROM holdings_history
       WHERE portfolio_id = 'PORT-005' GROUP BY as_of_date ORDER BY as_of_date`,
    );
    expect(body.series.map((p: Point) => [p.date, p.market_value])).toEqual(
      sums.map((row) => [row.date, Number(row.total)]),
    );
  });

  it('takes net flows from the trades of each day: purchases and fees in, sales out, in USD', async () => {
    const points = await series('PORT-003');
    const byDay = await ctx.sql<{ date: string; flow: string }>(
      `SELECT t.txn_date::text AS date,
              round(sum(((CASE t.txn_type WHEN 'BUY' THEN 1 ELSE -1 END) * t.quantity * t.price
                          * CASE WHEN m.security_type IN ('BOND', 'CLO', 'ABS') THEN 0.01 ELSE 1 END + t.fees)
                        * CASE WHEN t.currency = 'USD' THEN 1 ELSE x.rate END), 2)::text AS flow
       FROM transactions t
       JOIN securities_master m USING (security_id)
       LEFT JOIN fx_rates x ON (x.from_currency, x.to_currency, x.rate_date) = (t.currency, 'USD', t.txn_date)
       WHERE t.portfolio_id = 'PORT-003' AND t.txn_date > '2024-12-31'
       GROUP BY t.txn_date`,
    );
    const expected = new Map(byDay.map((row) => [row.date, Number(row.flow)]));
    expect(byDay.length).toBeGreaterThan(10);
    for (const point of points.slice(1))
      expect(point.net_flows).toBe(expected.get(point.date) ?? 0);
  });

  it('counts the coupon and the redemption of the maturing bond SEC-0067 as income of PORT-004', async () => {
    // 1,960,000 nominal held; coupon 1.3125 per 100 on 2025-01-17: 1,960,000 x 1.3125 x 0.01 = 25,725.00;
    // redeemed at 100 on 2025-01-20: 1,960,000 x 100 x 0.01 = 1,960,000.00 (USD bond, no other payout those days).
    const points = await series('PORT-004', 'from=2025-01-16&to=2025-01-21');
    expect(points.map((p) => [p.date, p.income])).toEqual([
      ['2025-01-16', 0],
      ['2025-01-17', 25725],
      ['2025-01-20', 1960000],
      ['2025-01-21', 0],
    ]);
    // The bond leaving the holdings is not a loss: the day's return stays small.
    expect(Math.abs(points[2].period_return as number)).toBeLessThan(0.05);
  });

  it('explains every change in value by flows, P&L and income, at every interval', async () => {
    for (const interval of ['1d', '1w', '1mo']) {
      const points = await series('PORT-007', `interval=${interval}`);
      for (let i = 1; i < points.length; i++) {
        expect(cents(points[i].market_value) - cents(points[i - 1].market_value)).toBe(
          cents(points[i].net_flows) + cents(points[i].pnl) - cents(points[i].income),
        );
      }
    }
  });

  it('on the day of the largest trade, measures the return on the capital at work, not the jump in value', async () => {
    const [largest] = await ctx.sql<{ portfolio_id: string; date: string }>(
      `SELECT t.portfolio_id, t.txn_date::text AS date
       FROM transactions t
       JOIN securities_master m USING (security_id)
       LEFT JOIN fx_rates x ON (x.from_currency, x.to_currency, x.rate_date) = (t.currency, 'USD', t.txn_date)
       GROUP BY t.portfolio_id, t.txn_date
       ORDER BY sum(t.quantity * t.price * CASE WHEN m.security_type IN ('BOND', 'CLO', 'ABS') THEN 0.01 ELSE 1 END
                    * CASE WHEN t.currency = 'USD' THEN 1 ELSE x.rate END) DESC
       LIMIT 1`,
    );
    const points = await series(largest.portfolio_id);
    const day = points.findIndex((p) => p.date === largest.date);
    const [before, after] = [points[day - 1], points[day]];
    const jump = after.market_value / before.market_value - 1;
    expect(Math.abs(after.net_flows)).toBeGreaterThan(0.1 * before.market_value);
    expect(Math.abs(jump)).toBeGreaterThan(0.1);
    expect(Math.abs(after.period_return as number)).toBeLessThan(0.05);
  });

  it('links weeks and months to the same cumulative return as days, each point on its last trading day', async () => {
    const daily = await series('PORT-001');
    const weekly = await series('PORT-001', 'interval=1w');
    const monthly = await series('PORT-001', 'interval=1mo');
    const last = (points: Point[]) => points[points.length - 1].cumulative_return as number;
    expect(last(weekly)).toBeCloseTo(last(daily), 9);
    expect(last(monthly)).toBeCloseTo(last(daily), 9);
    expect(monthly.map((p) => p.date)).toEqual([
      '2024-12-31',
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
    ]);
    // Weeks close on Fridays (the range ends on Monday 2025-03-31); a week's P&L is its days' P&L.
    for (const point of weekly.slice(1, -1)) {
      expect(new Date(`${point.date}T00:00:00Z`).getUTCDay()).toBe(5);
    }
    const dailyByDate = new Map(daily.map((p, i) => [p.date, i]));
    for (let i = 1; i < weekly.length; i++) {
      const [from, to] = [
        dailyByDate.get(weekly[i - 1].date) as number,
        dailyByDate.get(weekly[i].date) as number,
      ];
      const days = daily.slice(from + 1, to + 1);
      expect(cents(weekly[i].pnl)).toBe(days.reduce((sum, p) => sum + cents(p.pnl), 0));
      const linked = days.reduce((growth, p) => growth * (1 + (p.period_return as number)), 1) - 1;
      expect(weekly[i].period_return as number).toBeCloseTo(linked, 9);
    }
  });

  it('resolves weekend dates to the Friday before, and says so in from and to', async () => {
    const { body } = await ctx.api
      .get('/api/portfolios/PORT-002/performance?from=2025-02-08&to=2025-02-16')
      .expect(200);
    expect(body).toMatchObject({ from: '2025-02-07', to: '2025-02-14' });
    expect(body.series[0]).toMatchObject({
      date: '2025-02-07',
      net_flows: 0,
      pnl: 0,
      cumulative_return: 0,
    });
  });

  it.each([
    ['from=2025-03-01&to=2025-02-01', 'from must not be after to'],
    ['from=2024-12-01', 'from must be within 2024-12-31 .. 2025-03-31'],
    ['to=2025-06-30', 'to must be within 2024-12-31 .. 2025-03-31'],
    ['interval=1y', 'interval must be one of 1d, 1w, 1mo'],
    ['from=2025-02-30', 'from must be a real calendar date YYYY-MM-DD'],
  ])('refuses %s with a 400: %s', async (query, message) => {
    const res = await ctx.api.get(`/api/portfolios/PORT-001/performance?${query}`).expect(400);
    expect(res.body.message).toContain(message);
  });
});
