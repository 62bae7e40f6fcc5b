import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

const SECURITY_FIELDS = [
  'security_id',
  'isin',
  'cusip',
  'sedol',
  'ticker',
  'security_name',
  'security_type',
  'asset_class',
  'currency',
  'exchange',
  'issuer_id',
  'issue_date',
  'maturity_date',
  'coupon_rate',
  'status',
];

describe('GET /api/securities', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithBaseData({ readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  it('lists the first 100 securities by id, with X-Total-Count and the seed field names', async () => {
    const res = await ctx.api.get('/api/securities').expect(200).expect('Content-Type', /json/);
    expect(res.headers['x-total-count']).toBe('120');
    expect(res.body).toHaveLength(100);
    expect(Object.keys(res.body[0]).sort()).toEqual([...SECURITY_FIELDS].sort());
    expect(res.body[0].security_id).toBe('SEC-0001');
    const ids = res.body.map((s: { security_id: string }) => s.security_id);
    expect(ids).toEqual([...ids].sort());
  });

  it('security_type=EQUITY&limit=10 (seed example): ten equities; the total counts all equities', async () => {
    const res = await ctx.api.get('/api/securities?security_type=EQUITY&limit=10').expect(200);
    const [{ count }] = await ctx.sql<{ count: string }>(
      `SELECT count(*) FROM securities_master WHERE security_type = 'EQUITY'`,
    );
    expect(res.body).toHaveLength(10);
    expect(res.headers['x-total-count']).toBe(count);
    expect(res.body.every((s: { security_type: string }) => s.security_type === 'EQUITY')).toBe(
      true,
    );
  });

  it('sector=Technology&currency=USD (seed example) filters on the issuer sector and the currency', async () => {
    const res = await ctx.api.get('/api/securities?sector=Technology&currency=USD').expect(200);
    const expected = await ctx.sql<{ security_id: string }>(
      `SELECT s.security_id FROM securities_master s JOIN issuer i USING (issuer_id)
       WHERE i.sector = 'Technology' AND s.currency = 'USD' ORDER BY s.security_id`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.map((s: { security_id: string }) => s.security_id)).toEqual(
      expected.map((r) => r.security_id),
    );
  });

  it('limit=100&offset=100 (seed example) returns page 2', async () => {
    const res = await ctx.api.get('/api/securities?limit=100&offset=100').expect(200);
    expect(res.body).toHaveLength(20);
    expect(res.body[0].security_id).toBe('SEC-0101');
    expect(res.headers['x-total-count']).toBe('120');
  });

  it('an offset past the end gives an empty page and still the total', async () => {
    const res = await ctx.api.get('/api/securities?offset=1000').expect(200);
    expect(res.body).toEqual([]);
    expect(res.headers['x-total-count']).toBe('120');
  });

  it('carries decimals as numbers and dates as YYYY-MM-DD, matching the database', async () => {
    const res = await ctx.api.get('/api/securities?security_type=BOND&limit=500').expect(200);
    const rows = await ctx.sql<{
      security_id: string;
      coupon_rate: string;
      maturity_date: string;
      issue_date: string;
    }>(
      `SELECT security_id, coupon_rate, maturity_date, issue_date FROM securities_master WHERE security_type = 'BOND' ORDER BY security_id`,
    );
    expect(res.body).toHaveLength(rows.length);
    res.body.forEach((bond: Record<string, unknown>, i: number) => {
      expect(typeof bond.coupon_rate).toBe('number');
      expect(bond.coupon_rate).toBe(Number(rows[i].coupon_rate));
      expect(bond.maturity_date).toBe(rows[i].maturity_date);
      expect(bond.issue_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });
});

describe('GET /api/securities/{security_id}', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithBaseData({ readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx.close());

  it('returns SEC-0001 (seed example) with the same values as the database', async () => {
    const res = await ctx.api.get('/api/securities/SEC-0001').expect(200);
    const [row] = await ctx.sql(`SELECT * FROM securities_master WHERE security_id = 'SEC-0001'`);
    expect(res.body).toEqual({
      ...row,
      coupon_rate: row.coupon_rate === null ? null : Number(row.coupon_rate),
    });
    expect(res.body).toMatchObject({
      security_type: 'EQUITY',
      currency: 'USD',
      exchange: 'NYSE',
      status: 'ACTIVE',
    });
  });

  it('answers 404 with a message for an unknown security', async () => {
    const res = await ctx.api.get('/api/securities/SEC-9999').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Security SEC-9999 not found',
    });
  });
});
