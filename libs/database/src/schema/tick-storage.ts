/** How tick_data is stored on this server. */
export type TickStorage = 'timescaledb' | 'partitions';

/** Anything that can run a query: a TypeORM QueryRunner, DataSource, or pg client. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export const TICK_STORAGE_PROBE_SQL = `
  SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS installed,
         EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') AS available,
         current_setting('shared_preload_libraries') ~ '(^|[ ,])timescaledb([ ,]|$)' AS preloaded`;

interface Probe {
  installed: boolean;
  available: boolean;
  preloaded: boolean;
}

function firstRow(result: unknown): Probe {
  const rows = Array.isArray(result) ? result : (result as { rows: Probe[] }).rows;
  return rows[0] as Probe;
}

/**
 * TimescaleDB only when the extension is installed, or available *and* preloaded: a server can
 * list `timescaledb` as available without preloading it, and then CREATE EXTENSION fails with a
 * FATAL error that ends the connection. Decide first, never try and catch.
 */
export async function detectTickStorage(db: Queryable): Promise<TickStorage> {
  const probe = firstRow(await db.query(TICK_STORAGE_PROBE_SQL));
  return probe.installed || (probe.available && probe.preloaded) ? 'timescaledb' : 'partitions';
}
