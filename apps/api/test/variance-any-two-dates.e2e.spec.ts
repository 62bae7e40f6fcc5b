import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { VARIANCE_AMOUNT_COLUMNS } from '@securities/variance';
import fc from 'fast-check';
import { ApiTestContext, startApiWithData } from './api-test-context';

const AMOUNTS = VARIANCE_AMOUNT_COLUMNS;

type Row = Record<(typeof AMOUNTS)[number], number> & {
  portfolio_id: string;
  security_id: string;
  period_from: string;
  period_to: string;
};

const cents = (value: number) => Math.round(value * 100);
/** A row's identity and amounts in cents, comparable across the stored and computed answers. */
const inCents = (row: Row) => [
  row.portfolio_id,
  row.security_id,
  ...AMOUNTS.map((a) => cents(row[a])),
];
const bySecurity = (rows: Row[]) =>
  rows.map(inCents).sort((a, b) => String(a[1]).localeCompare(String(b[1])));

describe('GET /api/variance/portfolio/{id}?from=&to= and /api/variance/quarterly (tiny set)', () => {
  let ctx: ApiTestContext;
  let portfolios: string[];
  beforeAll(async () => {
    ctx = await startApiWithData('tiny', { readOnly: true });
    portfolios = (
      await ctx.sql<{ id: string }>('SELECT portfolio_id AS id FROM portfolio ORDER BY 1')
    ).map((row) => row.id);
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => ctx.close());

  const between = async (portfolioId: string, from: string, to: string) =>
    (await ctx.api.get(`/api/variance/portfolio/${portfolioId}?from=${from}&to=${to}`).expect(200))
      .body;

  it('for 2024-12-31 .. 2025-03-31 equals the stored answer (variance_summary) to the cent, for every portfolio', async () => {
    for (const portfolioId of portfolios) {
      const stored = (await ctx.api.get(`/api/variance/portfolio/${portfolioId}`).expect(200)).body;
      const computed = await between(portfolioId, '2024-12-31', '2025-03-31');
      expect(computed.details.length).toBeGreaterThan(0);
      expect(bySecurity(computed.details)).toEqual(bySecurity(stored.details));
      expect(computed.summary).toEqual({
        ...stored.summary,
        period_from: '2024-12-31',
        period_to: '2025-03-31',
      });
      // Same ranking, too: largest |total_pnl| first.
      expect(computed.details.map((d: Row) => d.security_id)).toEqual(
        stored.details.map((d: Row) => d.security_id),
      );
    }
  });

  it('equals every stored quarter of variance_quarterly to the cent, for every portfolio', async () => {
    const quarters = await ctx.sql<{
      portfolio_id: string;
      quarter_label: string;
      period_from: string;
      period_to: string;
    }>(
      `SELECT DISTINCT portfolio_id, quarter_label, period_from::text, period_to::text FROM variance_quarterly
       ORDER BY portfolio_id, quarter_label`,
    );
    expect(quarters).toHaveLength(portfolios.length);
    for (const quarter of quarters) {
      const stored = (
        await ctx.api
          .get(
            `/api/variance/quarterly?portfolio_id=${quarter.portfolio_id}&quarter=${quarter.quarter_label}&limit=500`,
          )
          .expect(200)
      ).body as Row[];
      const computed = await between(quarter.portfolio_id, quarter.period_from, quarter.period_to);
      expect(stored.length).toBeGreaterThan(0);
      expect(bySecurity(computed.details)).toEqual(bySecurity(stored));
    }
  });

  it('adds up on every row between random trading days: mv_end - mv_start = price + qty + fx + corp = total_pnl', async () => {
    const days = (
      await ctx.sql<{ day: string }>(
        'SELECT DISTINCT as_of_date::text AS day FROM holdings_history ORDER BY 1',
      )
    ).map((row) => row.day);
    const pairs = fc
      .tuple(fc.nat({ max: days.length - 1 }), fc.nat({ max: days.length - 1 }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [days[Math.min(a, b)], days[Math.max(a, b)]] as const);
    await fc.assert(
      fc.asyncProperty(pairs, fc.constantFrom(...portfolios), async ([from, to], portfolioId) => {
        const { summary, details } = await between(portfolioId, from, to);
        expect(summary).toMatchObject({ period_from: from, period_to: to });
        for (const row of details as Row[]) {
          expect(cents(row.mv_end) - cents(row.mv_start)).toBe(cents(row.total_pnl));
          expect(
            cents(row.price_effect) +
              cents(row.qty_effect) +
              cents(row.fx_effect) +
              cents(row.corp_action_effect),
          ).toBe(cents(row.total_pnl));
        }
        const [held] = await ctx.sql<{ start: string; end: string }>(
          `SELECT coalesce(sum(market_value) FILTER (WHERE as_of_date = $2), 0)::text AS start,
                  coalesce(sum(market_value) FILTER (WHERE as_of_date = $3), 0)::text AS end
           FROM holdings_history WHERE portfolio_id = $1 AND as_of_date IN ($2, $3)`,
          [portfolioId, from, to],
        );
        expect(cents(summary.total_mv_start)).toBe(cents(Number(held.start)));
        expect(cents(summary.total_mv_end)).toBe(cents(Number(held.end)));
      }),
      { numRuns: 25 },
    );
  });

  it('resolves weekend dates to the Friday before them', async () => {
    const { summary, details } = await between('PORT-001', '2025-01-18', '2025-02-16');
    expect(summary).toMatchObject({ period_from: '2025-01-17', period_to: '2025-02-14' });
    expect(details[0]).toMatchObject({ period_from: '2025-01-17', period_to: '2025-02-14' });
  });

  it.each([
    ['from=2025-02-14', 'to is missing'],
    ['to=2025-02-14', 'from is missing'],
    ['from=2025-02-14&to=2025-02-14', 'to must be a later trading day than from'],
    ['from=2025-02-15&to=2025-02-16', 'to must be a later trading day than from'],
    ['from=2025-03-01&to=2025-02-01', 'to must be a later trading day than from'],
    ['from=2024-01-02&to=2025-02-14', 'from must be within 2024-12-31 .. 2025-03-31'],
    ['from=2025-01-02&to=2025-12-31', 'to must be within 2024-12-31 .. 2025-03-31'],
    ['from=2025-1-2&to=2025-02-14', 'from must be a date YYYY-MM-DD'],
  ])('refuses %s with a 400: %s', async (query, message) => {
    const res = await ctx.api.get(`/api/variance/portfolio/PORT-001?${query}`).expect(400);
    expect(res.body.message).toContain(message);
  });

  it('answers 404 for an unknown portfolio', async () => {
    await ctx.api.get('/api/variance/portfolio/PORT-999?from=2025-01-02&to=2025-02-14').expect(404);
  });

  it('pages the quarterly rows with filters and X-Total-Count', async () => {
    const all = await ctx.api.get('/api/variance/quarterly?limit=500').expect(200);
    const [{ count }] = await ctx.sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM variance_quarterly',
    );
    expect(all.headers['x-total-count']).toBe(String(count));
    const page = await ctx.api.get('/api/variance/quarterly?limit=10&offset=20').expect(200);
    expect(page.body).toEqual(all.body.slice(20, 30));
    const one = await ctx.api
      .get('/api/variance/quarterly?security_id=SEC-0003&quarter=2025Q1')
      .expect(200);
    expect(one.body.length).toBeGreaterThan(0);
    for (const row of one.body)
      expect(row).toMatchObject({ security_id: 'SEC-0003', quarter_label: '2025Q1' });
    await ctx.api.get('/api/variance/quarterly?portfolio_id=PORT-999').expect(404);
    const unknown = await ctx.api.get('/api/variance/quarterly?security_id=SEC-9999').expect(404);
    expect(unknown.body.message).toBe('Security SEC-9999 not found');
  });
});
