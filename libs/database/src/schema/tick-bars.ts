import { installedTickStorage, Queryable, resultRows } from './tick-storage';

/**
 * The bars TimescaleDB keeps as continuous aggregates of tick_data (migration
 * 1732500000610-CreateTickBars). Only the hourly bar pays for its disk: the figures are in the
 * README ("TimescaleDB"). Elsewhere, and for every other interval, bars are computed from ticks.
 */
export const TICK_BAR_AGGREGATES = [{ view: 'tick_bars_1h', bucket: '1 hour' }] as const;

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
