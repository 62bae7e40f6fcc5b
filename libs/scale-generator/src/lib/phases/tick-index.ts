import { detectTickStorage, TickStorage, tickBarViews } from '@securities/database';
import { DataSource } from 'typeorm';
import { scaleLedger } from '../ledger/scale-ledger';

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
 * drops every partition's index), so COPY appends to bare heaps.
 */
export async function prepareTickLoad(
  dataSource: DataSource,
  runKey: string,
  range: { from: string; to: string },
): Promise<TickStorage> {
  const storage = await detectTickStorage(dataSource);
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
export class PartitionIndexBuilder {
  private readonly queue: string[] = [];
  private waiting: (() => void)[] = [];
  private closed = false;
  private readonly sessions: Promise<void>[] = [];
  private failure: Error | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runKey: string,
    private readonly done: ReadonlySet<string>,
    private readonly vacuumFirst: boolean,
  ) {}

  add(partition: string): void {
    if (this.done.has(partition) || this.queue.includes(partition)) return;
    this.queue.push(partition);
    this.waiting.shift()?.();
  }

  startSession(): void {
    this.sessions.push(
      this.session().catch((error: Error) => {
        this.failure ??= error;
      }),
    );
  }

  /** No more partitions will come: sessions stop when the queue is empty. */
  async finish(): Promise<void> {
    this.closed = true;
    this.waiting.forEach((wake) => wake());
    this.waiting = [];
    await Promise.all(this.sessions);
    if (this.failure) throw this.failure;
  }

  private async next(): Promise<string | undefined> {
    for (;;) {
      if (this.failure) return undefined;
      const partition = this.queue.shift();
      if (partition || this.closed) return partition;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private async session(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      for (let partition = await this.next(); partition; partition = await this.next()) {
        if (this.vacuumFirst) await runner.query(`VACUUM ${quoteIdent(partition)}`);
        await runner.startTransaction();
        try {
          await runner.query("SET LOCAL maintenance_work_mem = '1GB'");
          await runner.query('SET LOCAL max_parallel_maintenance_workers = 0');
          await runner.query(
            `CREATE UNIQUE INDEX IF NOT EXISTS ${quoteIdent(partitionIndexName(partition))} ON ${quoteIdent(partition)} ${TICK_INDEX_COLUMNS} ${PARTITION_INDEX_STORAGE}`,
          );
          await scaleLedger.markStep(runner, this.runKey, INDEX_PHASE, partition);
          await runner.commitTransaction();
        } catch (error) {
          await runner.rollbackTransaction().catch(() => undefined);
          throw new Error(`index of ${partition}: ${(error as Error).message}`);
        }
      }
    } finally {
      await runner.release();
    }
  }
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
 * TimescaleDB: one CREATE INDEX across the chunks, the bar aggregates materialized, then every
 * chunk compressed (the migrations say how: by security, in time order).
 */
export async function buildHypertableIndex(dataSource: DataSource, runKey: string): Promise<void> {
  const done = await scaleLedger.finishedSteps(dataSource, runKey, INDEX_PHASE);
  if (!done.has('hypertable')) {
    await dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL maintenance_work_mem = '1GB'");
      await manager.query(
        `CREATE UNIQUE INDEX IF NOT EXISTS idx_td_sec ON tick_data ${TICK_INDEX_COLUMNS}`,
      );
      await scaleLedger.markStep(manager, runKey, INDEX_PHASE, 'hypertable');
    });
  }
  if (!done.has('compression')) {
    for (const view of await tickBarViews(dataSource))
      await dataSource.query('CALL refresh_continuous_aggregate($1::regclass, NULL, NULL)', [view]);
    await dataSource.query(
      "SELECT compress_chunk(c, if_not_compressed => true) FROM show_chunks('tick_data') c",
    );
    await scaleLedger.markStep(dataSource, runKey, INDEX_PHASE, 'compression');
  }
}
