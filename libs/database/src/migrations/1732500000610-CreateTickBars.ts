import { MigrationInterface, QueryRunner } from 'typeorm';
import { TICK_BAR_AGGREGATES, tickBarsQuery } from '../schema/tick-bars';
import { installedTickStorage } from '../schema/tick-storage';

/** How often the refresh policy materializes what changed (new or corrected ticks). */
const REFRESH_SCHEDULE = '1 hour';

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
          AS ${tickBarsQuery(bucket)}
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
