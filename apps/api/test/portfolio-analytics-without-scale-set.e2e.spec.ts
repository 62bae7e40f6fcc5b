import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

const SCALE_SET_MISSING =
  'PORT-001 has no daily holdings: the scale set is not loaded (npx nx run generator:scale). ' +
  'Without it, holdings exist for the period dates 2024-12-31 and 2025-03-31 only.';

describe('portfolio analytics on the base set alone (no scale set loaded)', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithBaseData({ readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  it.each([
    ['2024-12-31', 1],
    ['2025-03-31', 2],
  ])('still answers the period date %s, from holdings_period_%i', async (date, period) => {
    const byDate = await ctx.api
      .get(`/api/portfolios/PORT-001/holdings?date=${date}&limit=500`)
      .expect(200);
    const snapshot = await ctx.api
      .get(`/api/holdings?portfolio_id=PORT-001&period=${period}&limit=500`)
      .expect(200);
    expect(byDate.headers['x-total-count']).toBe(snapshot.headers['x-total-count']);
    expect(byDate.body).toEqual(
      snapshot.body.map(({ holding_id: _id, ...position }: { holding_id: number }) => position),
    );
  });

  it('defaults to period 2', async () => {
    const res = await ctx.api.get('/api/portfolios/PORT-001/holdings').expect(200);
    expect(res.body[0].as_of_date).toBe('2025-03-31');
  });

  it.each([
    '/api/portfolios/PORT-001/holdings?date=2025-02-14',
    '/api/portfolios/PORT-001/performance',
    '/api/variance/portfolio/PORT-001?from=2024-12-31&to=2025-03-31',
  ])('%s: 404 that says the scale set is not loaded', async (url) => {
    const res = await ctx.api.get(url).expect(404);
    expect(res.body.message).toBe(SCALE_SET_MISSING);
  });

  it('keeps the stored attribution without from/to', async () => {
    const res = await ctx.api.get('/api/variance/portfolio/PORT-001').expect(200);
    expect(res.body.details.length).toBeGreaterThan(0);
  });

  it('answers the quarterly attribution as an empty list', async () => {
    const res = await ctx.api.get('/api/variance/quarterly').expect(200);
    expect(res.body).toEqual([]);
    expect(res.headers['x-total-count']).toBe('0');
  });
});
