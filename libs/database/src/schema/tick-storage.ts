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

/** The rows of a result, whether a TypeORM query (an array) or a pg client's ({ rows }). */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * TimescaleDB only when the extension is installed, or available *and* preloaded: a server can
 * list `timescaledb` as available without preloading it, and then CREATE EXTENSION fails with a
 * FATAL error that ends the connection. Decide first, never try and catch.
 */
export async function detectTickStorage(db: Queryable): Promise<TickStorage> {
  const [probe] = resultRows<Probe>(await db.query(TICK_STORAGE_PROBE_SQL));
  return probe.installed || (probe.available && probe.preloaded) ? 'timescaledb' : 'partitions';
}

/**
 * How tick_data *is* stored, once migrated: a partitioned table, or (a plain table to PostgreSQL's
 * catalogue) a TimescaleDB hypertable. What later migrations and the generator go by.
 */
export async function installedTickStorage(db: Queryable): Promise<TickStorage> {
  const [{ partitioned }] = resultRows<{ partitioned: boolean }>(
    await db.query(
      `SELECT c.relkind = 'p' AS partitioned FROM pg_class c WHERE c.oid = 'tick_data'::regclass`,
    ),
  );
  return partitioned ? 'partitions' : 'timescaledb';
}
