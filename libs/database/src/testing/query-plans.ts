import { DataSource } from 'typeorm';
import { isCitusDatabase } from '../schema/citus';
import { installedTickStorage } from '../schema/tick-storage';

/**
 * Every relation a query's plan reads (EXPLAIN, not run, with `params` for its $n), by name, in
 * plan order; on Citus the shards its tasks read on the workers (their remote plans).
 */
export async function scannedRelations(
  db: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<string[]> {
  const [
    {
      'QUERY PLAN': [explained],
    },
  ] = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const found: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (typeof node['Relation Name'] === 'string') found.push(node['Relation Name']);
    for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
    const distributed = node['Distributed Query'] as { Job: { Tasks: RemoteTask[] } } | undefined;
    for (const task of distributed?.Job.Tasks ?? [])
      for (const [remote] of task['Remote Plan']) walk(remote.Plan);
  };
  walk(explained.Plan);
  return found;
}

interface RemoteTask {
  'Remote Plan': { Plan: Record<string, unknown> }[][];
}

const indexOf = async (db: DataSource, table: string): Promise<string> =>
  (
    await db.query(
      `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       WHERE x.indrelid = $1::regclass`,
      [table],
    )
  )[0]?.name;

/**
 * Where tick_data keeps the ticks of `securityId` at `time` (a timestamp, 'YYYY-MM-DD HH:MM:SS'):
 * its monthly partition (on Citus: the partition's shard holding the security), or its
 * TimescaleDB chunk and, once compressed, the table of its compressed rows; and the index a
 * one-security lookup there goes through.
 */
export async function tickStoreOf(
  db: DataSource,
  securityId: string,
  time: string,
): Promise<{ relations: string[]; index: string }> {
  if ((await installedTickStorage(db)) === 'partitions') {
    const partition = `tick_data_y${time.slice(0, 4)}m${time.slice(5, 7)}`;
    const index = await indexOf(db, partition);
    if (!(await isCitusDatabase(db))) return { relations: [partition], index };
    // A shard is its table's name and the shard's id, and so are its indexes' names.
    const [{ shard }] = await db.query(
      'SELECT get_shard_id_for_distribution_column($1::regclass, $2::text) AS shard',
      [partition, securityId],
    );
    return { relations: [`${partition}_${shard}`], index: `${index}_${shard}` };
  }
  const [chunk] = await db.query(
    `SELECT c.chunk_schema, c.chunk_name, z.schema_name AS compressed_schema, z.table_name AS compressed
     FROM timescaledb_information.chunks c
     JOIN _timescaledb_catalog.chunk k ON (k.schema_name, k.table_name) = (c.chunk_schema, c.chunk_name)
     LEFT JOIN _timescaledb_catalog.chunk z ON z.id = k.compressed_chunk_id
     WHERE c.hypertable_name = 'tick_data'
       AND $1::timestamp >= c.range_start AT TIME ZONE 'UTC' AND $1::timestamp < c.range_end AT TIME ZONE 'UTC'`,
    [time],
  );
  if (!chunk) throw new Error(`no chunk of tick_data holds ${time}`);
  return chunk.compressed
    ? {
        relations: [chunk.chunk_name, chunk.compressed],
        index: await indexOf(db, `${chunk.compressed_schema}.${chunk.compressed}`),
      }
    : {
        relations: [chunk.chunk_name],
        index: await indexOf(db, `${chunk.chunk_schema}.${chunk.chunk_name}`),
      };
}
