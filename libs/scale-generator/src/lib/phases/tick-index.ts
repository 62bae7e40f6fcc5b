import { installedTickStorage, TickStorage } from '@securities/database';
import { DataSource } from 'typeorm';
import { scaleLedger } from '../ledger/scale-ledger';
import { SessionQueue } from './session-queue';
import { scheduleTickPolicies } from './tick-compression';

export const INDEX_PHASE = 'tick-index';
const TICK_INDEX_COLUMNS = '(security_id, tick_time DESC)';
/**
 * Partition indexes are built once over history that is never updated: full leaf pages (instead
 * of the default 90 %) keep heap + index under 135 bytes a row.
 */
const PARTITION_INDEX_STORAGE = 'WITH (fillfactor = 100)';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const partitionIndexName = (partition: string) => `${partition}_security_id_tick_time_idx`;

/**
 * Before the load: make the range's partitions and drop idx_td_sec (on a partitioned parent that
 * drops every partition's index), so COPY appends to bare heaps; on TimescaleDB pause the
 * policies, since the load compresses and refreshes month by month itself.
 */
export async function prepareTickLoad(
  dataSource: DataSource,
  runKey: string,
  range: { from: string; to: string },
): Promise<TickStorage> {
  const storage = await installedTickStorage(dataSource);
  if (storage === 'timescaledb') await scheduleTickPolicies(dataSource, false);
  if (await scaleLedger.isDone(dataSource, runKey, INDEX_PHASE, 'dropped')) return storage;
  await dataSource.transaction(async (manager) => {
    await manager.query('SELECT ensure_tick_partitions($1, $2)', [range.from, range.to]);
    await manager.query('DROP INDEX IF EXISTS idx_td_sec');
    await scaleLedger.markStep(manager, runKey, INDEX_PHASE, 'dropped');
  });
  return storage;
}

/**
 * Builds each month's partition index by a sorted CREATE INDEX as soon as the month is loaded, in
 * sessions of its own, so index building overlaps the load of the next month. Each index commits
 * with its ledger mark. A partition that may hold dead tuples of a killed run's rolled-back loads
 * is vacuumed first.
 */
export async function partitionIndexQueue(
  dataSource: DataSource,
  runKey: string,
  vacuumFirst: boolean,
): Promise<SessionQueue<string>> {
  const done = await scaleLedger.finishedSteps(dataSource, runKey, INDEX_PHASE);
  return new SessionQueue<string>(dataSource, async (runner, partition) => {
    if (done.has(partition)) return;
    if (vacuumFirst) await runner.query(`VACUUM ${quoteIdent(partition)}`);
    await runner.startTransaction();
    try {
      await runner.query("SET LOCAL maintenance_work_mem = '1GB'");
      await runner.query('SET LOCAL max_parallel_maintenance_workers = 0');
      await runner.query(
        `CREATE UNIQUE INDEX IF NOT EXISTS ${quoteIdent(partitionIndexName(partition))} ON ${quoteIdent(partition)} ${TICK_INDEX_COLUMNS} ${PARTITION_INDEX_STORAGE}`,
      );
      await scaleLedger.markStep(runner, runKey, INDEX_PHASE, partition);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw new Error(`index of ${partition}: ${(error as Error).message}`);
    }
  });
}

/**
 * The parent idx_td_sec, once the loaded months' indexes exist: one CREATE INDEX on tick_data
 * attaches them (they match it) and builds the indexes of the months outside the run's range,
 * which hold nothing. One statement, not one per empty month: on Citus each is a distributed DDL
 * over every shard, and 60 of them took 13 s of a three-day run (2.5 s as one).
 */
export async function attachTickIndex(dataSource: DataSource, runKey: string): Promise<void> {
  if (await scaleLedger.isDone(dataSource, runKey, INDEX_PHASE, 'attached')) return;
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS idx_td_sec ON tick_data ${TICK_INDEX_COLUMNS} ${PARTITION_INDEX_STORAGE}`,
    );
    await scaleLedger.markStep(manager, runKey, INDEX_PHASE, 'attached');
  });
}

/**
 * TimescaleDB, once every month is closed (every chunk compressed, so nothing is left to sort):
 * idx_td_sec back on the hypertable, which makes it unique again for later writes, and the
 * policies back on.
 */
export async function finishHypertable(dataSource: DataSource, runKey: string): Promise<void> {
  if (!(await scaleLedger.isDone(dataSource, runKey, INDEX_PHASE, 'hypertable'))) {
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `CREATE UNIQUE INDEX IF NOT EXISTS idx_td_sec ON tick_data ${TICK_INDEX_COLUMNS}`,
      );
      await scaleLedger.markStep(manager, runKey, INDEX_PHASE, 'hypertable');
    });
  }
  await scheduleTickPolicies(dataSource, true);
}
