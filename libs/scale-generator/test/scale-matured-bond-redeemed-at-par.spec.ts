import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import { TINY_QUERY_TIMEOUT_MS } from './support/scale-cli';

/**
 * The base set's maturing bond (SEC-0067; seed 7: due 2025-01-20) is redeemed at par: from its
 * maturity date on, the tiny run's bars are the base set's redeemed day (100 flat, no volume) and
 * its ticks sit at par with nothing traded, so the bars stay the aggregate of the ticks.
 */
describe('the matured bond in a tiny scale run, from its maturity date on', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'tiny', readOnly: true });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db.drop());

  it('matures on 2025-01-20', async () => {
    expect(
      await db.dataSource.query(
        `SELECT maturity_date::text, status FROM securities_master WHERE security_id = 'SEC-0067'`,
      ),
    ).toEqual([{ maturity_date: '2025-01-20', status: 'MATURED' }]);
  });

  it('has one bar a day, flat at 100 with no volume, from 2025-01-20 to 2025-03-31', async () => {
    expect(
      await db.dataSource.query(`
        SELECT open_price::text AS open, high_price::text AS high, low_price::text AS low,
               close_price::text AS close, vwap::text, volume::text, count(*)::int AS days
        FROM pricing_history WHERE security_id = 'SEC-0067' AND price_date >= '2025-01-20'
        GROUP BY 1, 2, 3, 4, 5, 6`),
      // 10 weekdays left in January, 20 in February, 21 in March.
    ).toEqual([
      {
        open: '100.000000',
        high: '100.000000',
        low: '100.000000',
        close: '100.000000',
        vwap: '100.000000',
        volume: '0',
        days: 51,
      },
    ]);
  });

  it(
    'has ticks at par on each of those days, with no volume and no trades',
    async () => {
      expect(
        await db.dataSource.query(`
          SELECT count(DISTINCT tick_time::date)::int AS days, min(price)::text AS low,
                 max(price)::text AS high, sum(volume)::int AS volume,
                 sum(trade_count)::int AS trades, bool_and(bid < price AND price < ask) AS quoted
          FROM tick_data WHERE security_id = 'SEC-0067' AND tick_time >= '2025-01-20'`),
      ).toEqual([
        { days: 51, low: '100.0000', high: '100.0000', volume: 0, trades: 0, quoted: true },
      ]);
    },
    TINY_QUERY_TIMEOUT_MS,
  );
});
