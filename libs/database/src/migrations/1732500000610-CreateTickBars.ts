import { MigrationInterface, QueryRunner } from 'typeorm';
import { TICK_BAR_AGGREGATES } from '../schema/tick-bars';
import { installedTickStorage } from '../schema/tick-storage';

/** How often the refresh policy materializes what changed (new or corrected ticks). */
const REFRESH_SCHEDULE = '1 hour';

/**
 * A bar the way pricing_history's daily bar is built from its ticks (the scale generator's
 * day-ticks.ts): open = first price, close = last, high/low = extremes, volume and trade_count
 * summed, vwap = sum(price x volume) / sum(volume) rounded to 6 decimals, the close when nothing
 * traded. price_volume keeps the exact sum, so coarser bars re-aggregate to an exact vwap.
 */
const barQuery = (bucket: string) => `
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
 * TimescaleDB only: the bars of TICK_BAR_AGGREGATES as continuous aggregates (`tick_bars_1h`),
 * real-time (rows past the last refresh are aggregated from the ticks at query time, so an
 * answer is never stale), created empty and filled by the scale generator month by month or by
 * the refresh policy, whose first run is one schedule away.
 */
export class CreateTickBars1732500000610 implements MigrationInterface {
  name = 'CreateTickBars1732500000610';

  async up(queryRunner: QueryRunner): Promise<void> {
    if ((await installedTickStorage(queryRunner)) !== 'timescaledb') return;
    for (const { view, bucket } of TICK_BAR_AGGREGATES) {
      await queryRunner.query(`
        CREATE MATERIALIZED VIEW ${view}
          WITH (timescaledb.continuous, timescaledb.materialized_only = false)
          AS ${barQuery(bucket)}
          WITH NO DATA;
        SELECT add_continuous_aggregate_policy('${view}', start_offset => NULL,
                 end_offset => INTERVAL '${bucket}', schedule_interval => INTERVAL '${REFRESH_SCHEDULE}',
                 initial_start => now() + INTERVAL '${REFRESH_SCHEDULE}');`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if ((await installedTickStorage(queryRunner)) !== 'timescaledb') return;
    // Dropping a continuous aggregate drops its materialized rows and its policy.
    for (const { view } of [...TICK_BAR_AGGREGATES].reverse())
      await queryRunner.query(`DROP MATERIALIZED VIEW ${view}`);
  }
}
