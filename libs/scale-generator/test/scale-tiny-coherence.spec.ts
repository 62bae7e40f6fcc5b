import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { isValidCusip, isValidIsin, isValidLei, isValidSedol } from '@securities/market-sim';
import { runScaleToEnd } from './support/scale-cli';

const TINY = ['--profile', 'tiny', '--seed', '7'];

describe('a tiny scale run: counts and coherence (SPEC section 3)', () => {
  let db: TestDatabase;
  let output: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    output = await runScaleToEnd(TINY, db.env);
  }, 120_000);
  afterAll(() => db.drop());

  const one = async (sql: string) => (await db.dataSource.query(sql))[0];

  it('writes exactly the tiny profile counts on top of the base set', async () => {
    expect(
      await one(`SELECT (SELECT count(*) FROM securities_master)::int AS securities,
                        (SELECT count(*) FROM issuer)::int AS issuers,
                        (SELECT count(*) FROM tick_data)::int AS ticks,
                        (SELECT count(*) FROM pricing_history)::int AS bars,
                        (SELECT count(*) FROM pricing_period_1)::int AS period_1`),
    ).toEqual({ securities: 130, issuers: 75, ticks: 772_200, bars: 660, period_1: 120 });
  });

  it('gives every security-day exactly 1,170 ticks from 09:30:00 to 15:59:40', async () => {
    expect(
      await one(`SELECT count(*)::int AS days, min(n)::int AS fewest, max(n)::int AS most,
                        min(first)::text AS first, max(last)::text AS last
                 FROM (SELECT count(*) n, min(tick_time::time) first, max(tick_time::time) last
                       FROM tick_data GROUP BY security_id, tick_time::date) d`),
    ).toEqual({ days: 660, fewest: 1_170, most: 1_170, first: '09:30:00', last: '15:59:40' });
  });

  it("makes each day's bar the aggregate of that security's ticks", async () => {
    const row = await one(`
      WITH agg AS (
        SELECT security_id, tick_time::date AS d,
               (array_agg(price ORDER BY tick_time))[1] AS o,
               (array_agg(price ORDER BY tick_time DESC))[1] AS c,
               max(price) AS h, min(price) AS l, sum(volume) AS v
        FROM tick_data GROUP BY 1, 2)
      SELECT count(*)::int AS bars,
             count(*) FILTER (WHERE a.o = p.open_price AND a.c = p.close_price AND a.h = p.high_price
                                AND a.l = p.low_price AND a.v = p.volume)::int AS equal
      FROM pricing_history p FULL JOIN agg a ON a.security_id = p.security_id AND a.d = p.price_date`);
    expect(row).toEqual({ bars: 660, equal: 660 });
  });

  it('quotes around every trade: bid <= price <= ask and bid < ask', async () => {
    expect(
      await one(`SELECT count(*)::int AS bad FROM tick_data
                 WHERE NOT (bid <= price AND price <= ask AND bid < ask AND bid > 0)`),
    ).toEqual({ bad: 0 });
  });

  it('keeps bars consistent: low <= open, close <= high and vwap within [low, high]', async () => {
    expect(
      await one(`SELECT count(*)::int AS bad FROM pricing_history
                 WHERE NOT (low_price <= least(open_price, close_price) AND high_price >= greatest(open_price, close_price)
                            AND vwap BETWEEN low_price AND high_price AND volume >= 0)`),
    ).toEqual({ bad: 0 });
  });

  it('agrees with pricing_period_1/2 on 2024-12-31 and 2025-03-31, vwap included', async () => {
    for (const table of ['pricing_period_1', 'pricing_period_2']) {
      const row = await one(`
        SELECT count(*)::int AS shared,
               count(*) FILTER (WHERE (h.open_price, h.high_price, h.low_price, h.close_price, h.volume, h.vwap)
                                    = (p.open_price, p.high_price, p.low_price, p.close_price, p.volume, p.vwap))::int AS equal
        FROM pricing_history h JOIN ${table} p USING (security_id, price_date)`);
      expect(row.shared).toBeGreaterThan(0);
      expect(row).toEqual({ shared: row.shared, equal: row.shared });
    }
  });

  it('grows the universe with valid identifiers and the full type mix in proportion', async () => {
    const grown: { isin: string; cusip: string | null; sedol: string | null }[] =
      await db.dataSource.query(
        `SELECT isin, cusip, sedol FROM securities_master WHERE security_id > 'SEC-0120'`,
      );
    expect(grown).toHaveLength(10);
    for (const security of grown) {
      expect(isValidIsin(security.isin)).toBe(true);
      if (security.cusip) expect(isValidCusip(security.cusip)).toBe(true);
      if (security.sedol) expect(isValidSedol(security.sedol)).toBe(true);
    }
    const issuers: { lei: string }[] = await db.dataSource.query('SELECT lei FROM issuer');
    expect(issuers.every((issuer) => isValidLei(issuer.lei))).toBe(true);
  });

  it('leaves idx_td_sec valid on every partition, and tick queries use it', async () => {
    expect(
      await one(`SELECT i.indisvalid AS valid,
                        (SELECT count(*) FROM pg_inherits WHERE inhparent = 'idx_td_sec'::regclass)::int AS partitions,
                        (SELECT count(*) FROM pg_inherits WHERE inhparent = 'tick_data'::regclass)::int AS tables
                 FROM pg_index i WHERE i.indexrelid = 'idx_td_sec'::regclass`),
    ).toEqual({ valid: true, partitions: 63, tables: 63 });
    const plan: { 'QUERY PLAN': string }[] = await db.dataSource
      .query(`EXPLAIN SELECT * FROM tick_data
      WHERE security_id = 'SEC-0001' AND tick_time >= '2025-03-28 09:30:00' AND tick_time < '2025-03-28 16:00:00'`);
    const text = plan.map((line) => line['QUERY PLAN']).join('\n');
    expect(text).toMatch(/tick_data_y2025m03_security_id_tick_time_idx/);
    expect(text).not.toMatch(/tick_data_y2025m02/);
  });

  it('prints a summary per phase and records the finished run in the ledger', async () => {
    expect(output).toMatch(/tick_data\s+772,200/);
    expect(output).toMatch(/rows\/s/);
    expect(
      await one('SELECT finished_at IS NOT NULL AS finished FROM scale_generator.scale_run'),
    ).toEqual({
      finished: true,
    });
  });

  it('does nothing when run again with the same profile', async () => {
    const again = await runScaleToEnd(TINY, db.env);
    expect(again).toMatch(/nothing to do/);
    expect(await one('SELECT count(*)::int AS ticks FROM tick_data')).toEqual({ ticks: 772_200 });
  }, 60_000);
  it('starts over when the tables no longer match the ledger (the base set was reloaded)', async () => {
    await db.dataSource.query('TRUNCATE tick_data, pricing_history');
    const again = await runScaleToEnd(TINY, db.env);
    expect(again).toMatch(/starting over/);
    expect(
      await one(`SELECT (SELECT count(*) FROM tick_data)::int AS ticks,
                        (SELECT count(*) FROM pricing_history)::int AS bars`),
    ).toEqual({ ticks: 772_200, bars: 660 });
  }, 60_000);
});
