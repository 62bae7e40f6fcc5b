import { installedTickStorage, Queryable, resultRows } from './tick-storage';

/**
 * The bars TimescaleDB keeps as continuous aggregates of tick_data (migration
 * 1732500000610-CreateTickBars). Only the hourly bar pays for its disk: the figures are in the
 * README ("TimescaleDB"). Elsewhere, and for every other interval, bars are computed from ticks.
 */
export const TICK_BAR_AGGREGATES = [{ view: 'tick_bars_1h', bucket: '1 hour' }] as const;

/**
 * A bar the way pricing_history's daily bar is built from its ticks (the scale generator's
 * tick-vwap.ts): open = first price, close = last, high/low = extremes, volume and trade_count
 * summed, vwap = sum(price x volume) / sum(volume) rounded to 6 decimals, the close when nothing
 * traded. price_volume keeps the exact sum, so coarser bars re-aggregate to an exact vwap. The
 * query of a TimescaleDB continuous aggregate (time_bucket, first, last).
 */
export const tickBarsQuery = (bucket: string) => `
  SELECT security_id,
         time_bucket(INTERVAL '${bucket}', tick_time) AS bucket,
         first(price, tick_time) AS open,
         max(price) AS high,
         min(price) AS low,
         last(price, tick_time) AS close,
         sum(volume) AS volume,
         sum(trade_count) AS trade_count,
         sum(price * volume) AS price_volume,
         round(CASE WHEN sum(volume) = 0 THEN last(price, tick_time)
                    ELSE sum(price * volume) / sum(volume) END, 6) AS vwap
  FROM tick_data
  GROUP BY security_id, bucket`;

/**
 * The statement that refreshes a bar aggregate over [$2, $3) ($3 NULL: to the end of the data) in
 * one pass. Since TimescaleDB 2.21 a manual refresh runs in batches of ten buckets by default, and
 * each batch decompresses every compressed batch of ticks that overlaps it: with one compressed
 * batch per security and calendar month in a chunk, each ten-hour batch of an hourly refresh read
 * half the chunk again. One 30-day chunk of the full profile took 106.9 s in batches and 33.4 s in
 * one pass (forced refreshes of the same window, back to back). A server whose procedure takes no
 * options predates the batching and refreshes in one pass anyway.
 */
export async function tickBarsRefreshSql(db: Queryable): Promise<string> {
  const [{ takesOptions }] = resultRows<{ takesOptions: boolean }>(
    await db.query(
      `SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'refresh_continuous_aggregate'
                        AND 'options' = ANY (proargnames)) AS "takesOptions"`,
    ),
  );
  const call = 'CALL refresh_continuous_aggregate($1::regclass, $2::timestamp, $3::timestamp';
  return takesOptions ? `${call}, options => '{"buckets_per_batch": 0}')` : `${call})`;
}

/**
 * The continuous aggregates over tick_data that exist in this database (none on plain
 * PostgreSQL), from the catalogue.
 */
export async function tickBarViews(db: Queryable): Promise<string[]> {
  if ((await installedTickStorage(db)) !== 'timescaledb') return [];
  const views = resultRows<{ view_name: string }>(
    await db.query(
      `SELECT view_name FROM timescaledb_information.continuous_aggregates
       WHERE hypertable_schema = 'public' AND hypertable_name = 'tick_data' ORDER BY view_name`,
    ),
  );
  return views.map((row) => row.view_name);
}
