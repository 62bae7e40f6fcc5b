import { sqlLiteral } from '../migrations/sql';
import { CORE_TABLE_NAMES, SCALE_TABLE_NAMES, TableName } from './tables';
import { Queryable, resultRows } from './tick-storage';

/**
 * Citus (distributed PostgreSQL) is this database's engine when its `citus` extension is created
 * here: Citus keeps its metadata (workers, shards) per database, so a database on a Citus server
 * without the extension and its workers registered is a plain single-node PostgreSQL database.
 */
export async function isCitusDatabase(db: Queryable): Promise<boolean> {
  const [{ citus }] = resultRows<{ citus: boolean }>(
    await db.query(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS citus`),
  );
  return citus;
}

/**
 * The large tables, sharded in two co-located groups, each by the key its queries filter on
 * (README, "Scaling out": the EXPLAINs behind the choice). The first table of each group is the
 * one the others are co-located with.
 * - by security: a security's ticks and daily bars are one shard's, so the one-day tick query
 *   and the bars read one shard, and holdings join pricing_history on the workers;
 * - by portfolio: a portfolio's holdings, trades and attributions are one shard's, so the
 *   portfolio endpoints (holdings on a date, performance, the distributions it joins through
 *   lateral subqueries, the quarterly variance) run whole on one worker.
 */
export const CITUS_DISTRIBUTED_TABLES = [
  { table: 'pricing_history', column: 'security_id', colocateWith: undefined },
  { table: 'tick_data', column: 'security_id', colocateWith: 'pricing_history' },
  { table: 'holdings_history', column: 'portfolio_id', colocateWith: undefined },
  { table: 'transactions', column: 'portfolio_id', colocateWith: 'holdings_history' },
  { table: 'variance_quarterly', column: 'portfolio_id', colocateWith: 'holdings_history' },
] as const;

/**
 * The small tables, copied whole to every node, so a join with them never leaves the worker:
 * every other table of the schema, in its migration order, so referenced tables come first (a
 * reference table's foreign keys must point at reference tables).
 */
export const CITUS_REFERENCE_TABLES: readonly TableName[] = [
  ...CORE_TABLE_NAMES,
  ...SCALE_TABLE_NAMES,
].filter((table) => !CITUS_DISTRIBUTED_TABLES.some((distributed) => distributed.table === table));

/**
 * Shards per distributed table (and per monthly tick partition, so 504 for the 63 months made up
 * front): a few per worker here, so a query over many securities uses every node, and room to
 * rebalance onto up to 8 workers without resharding (alter_distributed_table reshards beyond).
 * Each shard is a table of its own on its worker: more of them make the migrations slower.
 */
export const CITUS_SHARD_COUNT = 8;

/** A value in a libpq connection string: quoted, with backslashes and quotes escaped. */
const conninfoValue = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** Removes what citusReaderAuthSql recorded for `user`. */
export const REMOVE_CITUS_READER_AUTH_SQL = (user: string) =>
  `DELETE FROM pg_dist_authinfo WHERE rolename = ${sqlLiteral(user)}`;

/**
 * The password the coordinator gives the workers when it runs a query for the read-only role
 * (node 0: every node), one statement each; the role itself, its password and its grants reach the workers through
 * Citus's propagation of CREATE/ALTER ROLE and GRANT.
 */
export function citusReaderAuthSql(role: { user: string; password: string }): string[] {
  return [
    REMOVE_CITUS_READER_AUTH_SQL(role.user),
    `INSERT INTO pg_dist_authinfo (nodeid, rolename, authinfo)
     VALUES (0, ${sqlLiteral(role.user)}, ${sqlLiteral(`password=${conninfoValue(role.password)}`)})`,
  ];
}

/**
 * On Citus, the rest of the transaction uses one connection per worker: Citus refuses DDL
 * (TRUNCATE, CREATE INDEX, distributing a table) on shards a transaction has already read or
 * written over several connections. For transactions that mix the two; elsewhere it does nothing.
 */
export async function citusSequentialTransaction(db: Queryable): Promise<void> {
  if (await isCitusDatabase(db))
    await db.query("SET LOCAL citus.multi_shard_modify_mode = 'sequential'");
}
