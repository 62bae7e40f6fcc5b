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

export async function tickPartitions(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'tick_data'::regclass ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
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
 * The parent idx_td_sec, made ON ONLY and given every partition's index: cheap catalogue work
 * once the partition indexes exist; the parent turns valid with the last one attached.
 */
export async function attachTickIndex(dataSource: DataSource, runKey: string): Promise<void> {
  if (await scaleLedger.isDone(dataSource, runKey, INDEX_PHASE, 'attached')) return;
  const partitions = await tickPartitions(dataSource);
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS idx_td_sec ON ONLY tick_data ${TICK_INDEX_COLUMNS}`,
    );
    const attached: { name: string }[] = await manager.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'idx_td_sec'::regclass`,
    );
    const names = new Set(attached.map((row) => row.name));
    for (const partition of partitions) {
      const index = partitionIndexName(partition);
      if (!names.has(index))
        await manager.query(`ALTER INDEX idx_td_sec ATTACH PARTITION ${quoteIdent(index)}`);
    }
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
