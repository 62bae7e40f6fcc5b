import { installedTickStorage, isCitusDatabase } from '@securities/database';
import { DataSource } from 'typeorm';

/** The tables a scale run fills (tick_data's partitions or chunks included). */
export const SCALE_RUN_TABLES = [
  'tick_data',
  'pricing_history',
  'holdings_history',
  'variance_quarterly',
] as const;

/** What a table takes on disk: heap, TOAST and indexes (a hypertable's, partitions' or shards' all). */
export async function tableBytes(db: DataSource, table: string): Promise<number> {
  if (table === 'tick_data' && (await installedTickStorage(db)) === 'timescaledb') {
    // Every chunk: heap, indexes and compressed batches.
    const [{ bytes }] = await db.query(`SELECT hypertable_size('tick_data')::bigint AS bytes`);
    return Number(bytes);
  }
  if (await isCitusDatabase(db)) {
    // The coordinator's tables are empty shells: the shards on the workers hold the rows (a
    // partitioned table's: its partitions' shards; a plain table has no partition tree).
    const [{ bytes }] = await db.query(
      `SELECT coalesce((SELECT sum(citus_total_relation_size(relid)) FROM pg_partition_tree($1::regclass)
                        WHERE isleaf), citus_total_relation_size($1::regclass))::bigint AS bytes`,
      [table],
    );
    return Number(bytes);
  }
  const [row] = await db.query(
    // A partitioned table's own size is 0: sum its partitions; a plain table is its own tree.
    `SELECT greatest(pg_total_relation_size($1::regclass),
                     (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree($1::regclass)))::bigint AS bytes`,
    [table],
  );
  return Number(row.bytes);
}
