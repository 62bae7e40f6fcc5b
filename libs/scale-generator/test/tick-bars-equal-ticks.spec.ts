import { installedTickStorage } from '@securities/database';
import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import { TINY_QUERY_TIMEOUT_MS } from './support/scale-cli';

/**
 * The hourly bars of the ticks, computed here independently of the generator (day-ticks.ts) and
 * of the continuous aggregates (migration 1732500000610), once for every test (one pass over the
 * 10 M ticks): buckets from midnight as the contract aligns them; open and close are the prices of
 * the least and the greatest (time, price) pair (one hash aggregation: no sort of every tick),
 * extremes, sums, the price x volume sum that makes a longer bar's vwap exact, and the vwap as the
 * contract defines it.
 */
const HOURLY_ORACLE = `
  CREATE TABLE oracle_bars_1h AS
  SELECT security_id, bucket, first_tick[2] AS open, high, low, last_tick[2] AS close,
         volume, trade_count, price_volume,
         round(CASE WHEN volume = 0 THEN last_tick[2] ELSE price_volume / volume END, 6) AS vwap
  FROM (SELECT security_id, date_bin('1 hour', tick_time, '2000-01-01') AS bucket,
               min(ARRAY[extract(epoch FROM tick_time), price]) AS first_tick,
               max(ARRAY[extract(epoch FROM tick_time), price]) AS last_tick,
               max(price) AS high, min(price) AS low, sum(volume) AS volume,
               sum(trade_count) AS trade_count, sum(price * volume) AS price_volume
        FROM tick_data GROUP BY 1, 2) g`;

/**
 * The daily bars of the ticks, from their hourly ones: open of the first hour, close of the last,
 * extremes, sums, and the vwap from the summed price x volume (a day lies within whole hours).
 */
const DAILY_ORACLE = `
  SELECT security_id, bucket, first_bar[2] AS open, high, low, last_bar[2] AS close, volume,
         round(CASE WHEN volume = 0 THEN last_bar[2] ELSE price_volume / volume END, 6) AS vwap
  FROM (SELECT security_id, date_trunc('day', bucket) AS bucket,
               min(ARRAY[extract(epoch FROM bucket), open]) AS first_bar,
               max(ARRAY[extract(epoch FROM bucket), close]) AS last_bar,
               max(high) AS high, min(low) AS low, sum(volume) AS volume,
               sum(price_volume) AS price_volume
        FROM oracle_bars_1h GROUP BY 1, 2) d`;

const BAR_COLUMNS = 'security_id, bucket, open, high, low, close, volume, trade_count, vwap';

describe('bars from ticks: the daily bar is pricing_history, the hourly aggregate is the ticks', () => {
  let db: TestDatabase;
  const one = async (sql: string) => (await db.dataSource.query(sql))[0];
  /** Rows of `a` not in `b` and of `b` not in `a`, and how many rows `a` has. */
  const difference = (a: string, b: string) =>
    one(`SELECT (SELECT count(*) FROM (${a}) x)::int AS rows,
                (SELECT count(*) FROM (${a} EXCEPT ${b}) x)::int AS extra,
                (SELECT count(*) FROM (${b} EXCEPT ${a}) x)::int AS missing`);

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'tiny' });
    await db.dataSource.query(HOURLY_ORACLE);
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db.drop());

  it(
    'builds every daily bar of pricing_history from its ticks, vwap included (pinned days too)',
    async () => {
      expect(
        await difference(
          `SELECT security_id, price_date::timestamp AS bucket, open_price, high_price, low_price, close_price, volume, vwap FROM pricing_history`,
          DAILY_ORACLE,
        ),
      ).toEqual({ rows: 8_450, extra: 0, missing: 0 });
    },
    TINY_QUERY_TIMEOUT_MS,
  );

  it(
    'keeps tick_bars_1h (TimescaleDB) equal to the hourly aggregate of the ticks, materialized by the run',
    async () => {
      if ((await installedTickStorage(db.dataSource)) === 'partitions') {
        // Plain PostgreSQL keeps no aggregate: hourly bars are computed from the ticks.
        expect(await one(`SELECT to_regclass('tick_bars_1h') IS NULL AS absent`)).toEqual({
          absent: true,
        });
        return;
      }
      // Hourly buckets from midnight: 09:00 holds 09:30:00 .. 09:59:40.
      expect(
        await difference(
          `SELECT ${BAR_COLUMNS} FROM tick_bars_1h`,
          `SELECT ${BAR_COLUMNS} FROM oracle_bars_1h`,
        ),
      ).toEqual({ rows: 8_450 * 7, extra: 0, missing: 0 });
      // Materialized, not computed at query time: the watermark lies past the last tick.
      expect(
        await one(`SELECT _timescaledb_functions.to_timestamp_without_timezone(
                          _timescaledb_functions.cagg_watermark(mat_hypertable_id)) >= '2025-03-31 16:00' AS materialized
                 FROM _timescaledb_catalog.continuous_agg WHERE user_view_name = 'tick_bars_1h'`),
      ).toEqual({ materialized: true });
    },
    TINY_QUERY_TIMEOUT_MS,
  );

  it(
    're-aggregates hourly bars into the daily bar exactly, through their price x volume sums',
    async () => {
      if ((await installedTickStorage(db.dataSource)) === 'partitions') return;
      expect(
        await difference(
          `SELECT security_id, price_date, open_price, high_price, low_price, close_price, volume, vwap FROM pricing_history`,
          `SELECT security_id, bucket::date, first(open, bucket), max(high), min(low), last(close, bucket), sum(volume),
                round(CASE WHEN sum(volume) = 0 THEN last(close, bucket) ELSE sum(price_volume) / sum(volume) END, 6)
         FROM tick_bars_1h GROUP BY security_id, bucket::date`,
        ),
      ).toEqual({ rows: 8_450, extra: 0, missing: 0 });
    },
    TINY_QUERY_TIMEOUT_MS,
  );
});
