import {
  Queryable,
  TICK_COMPRESSION_BATCH_ROWS,
  tickBarsRefreshSql,
  tickBarViews,
} from '@securities/database';
import { DataSource, QueryRunner } from 'typeorm';
import { scaleLedger } from '../ledger/scale-ledger';
import { SessionQueue } from './session-queue';

/** Ledger phase of the chunks compressed and their bars refreshed (step: their range). */
export const CLOSE_PHASE = 'tick-close';

export interface MonthToClose {
  /** 'YYYY-MM' */
  month: string;
  /** The run's last month: every chunk left is compressed, not only those that end by its end. */
  last: boolean;
}

/** What closing the months did, for the phase summary. */
export interface ClosingStats {
  /** Chunks the load wrote compressed (direct compress of COPY): nothing left to compress. */
  chunksLoadedCompressed: number;
  /** Chunks compressed by compress_chunk once their months were loaded. */
  chunks: number;
  bytesBefore: number;
  bytesAfter: number;
  compressSeconds: number;
  refreshSeconds: number;
  /**
   * The largest database size seen: after each chunk is closed, and while a chunk compressed by
   * compress_chunk and its heap coexist.
   */
  peakDatabaseBytes: number;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** '2025-02' -> '2025-03-01' */
export function nextMonthStart(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return monthNumber === 12
    ? `${year + 1}-01-01`
    : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
}

/**
 * TimescaleDB's direct compress of COPY, for one transaction: the rows go straight into
 * compressed batches (no heap, no WAL of heap pages, no compress_chunk afterwards), one batch per
 * security and chunk for each COPY. "Client sorted": the generator sends each security's rows in
 * time order, one security after another (segment by security_id, order by tick_time), and a
 * security-month is in one COPY only, so no two batches of a security overlap in time and the
 * chunk stays ordered (no recompression needed). Needs tick_data without a unique index (the load
 * drops idx_td_sec) and without triggers beyond TimescaleDB's own; otherwise TimescaleDB warns
 * and writes the heap, and the month's chunks are compressed after loading, as without it.
 */
export const DIRECT_COMPRESS_COPY_SQL = [
  'SET LOCAL timescaledb.enable_direct_compress_copy = on',
  'SET LOCAL timescaledb.enable_direct_compress_copy_client_sorted = on',
  // The database's setting (migration 1732500000600) for a session older than it.
  `SET LOCAL timescaledb.compression_batch_size_limit = ${TICK_COMPRESSION_BATCH_ROWS}`,
].join('; ');

/** TimescaleDB's warning when it refuses direct compress for a COPY (a unique index, triggers). */
export const DIRECT_COMPRESS_REFUSED = /disabling direct compress/i;

const TICK_POLICIES_SQL = `
  SELECT job_id FROM timescaledb_information.jobs
  WHERE hypertable_schema = 'public'
    AND (hypertable_name = 'tick_data' OR hypertable_name IN (
          SELECT view_name FROM timescaledb_information.continuous_aggregates
          WHERE hypertable_schema = 'public' AND hypertable_name = 'tick_data'))`;

/**
 * Pauses (or resumes) the compression and refresh policies of tick_data: while the generator
 * loads, it compresses and refreshes itself, month by month, and a policy run would compress a
 * chunk still being written.
 */
export async function scheduleTickPolicies(db: Queryable, scheduled: boolean): Promise<void> {
  await db.query(`SELECT alter_job(job_id, scheduled => $1) FROM (${TICK_POLICIES_SQL}) jobs`, [
    scheduled,
  ]);
}

/**
 * TimescaleDB, as each month of ticks is complete, in a session of its own (so it runs while the
 * next month loads), for every chunk that ends by the month's end (the last month: every chunk
 * left): the chunk compressed if the load did not write it compressed already (direct compress of
 * COPY off or refused: see tick-phase.ts), one transaction, then the bar aggregates refreshed over
 * the chunk's range, then the chunk marked done in the ledger. Chunks are 30 days, so at most
 * about two months wait for their bars (the load waits when closing falls behind: see
 * MONTHS_BEHIND in tick-phase.ts). Bars are refreshed from compressed batches, which come sorted
 * by security and time (a quarter of the CPU of a refresh from the heap). Killed at any moment, a
 * chunk is compressed or not and marked or not; a rerun does what is left (compressing or
 * refreshing twice is harmless).
 */
export class MonthCloser {
  readonly stats: ClosingStats = {
    chunksLoadedCompressed: 0,
    chunks: 0,
    bytesBefore: 0,
    bytesAfter: 0,
    compressSeconds: 0,
    refreshSeconds: 0,
    peakDatabaseBytes: 0,
  };
  private readonly queue: SessionQueue<MonthToClose>;

  private constructor(
    dataSource: DataSource,
    private readonly runKey: string,
    private readonly done: Set<string>,
    private readonly views: readonly string[],
    private readonly refreshSql: string,
    private readonly report: (message: string) => void,
  ) {
    this.queue = new SessionQueue(dataSource, (runner, month) => this.close(runner, month));
  }

  static async create(
    dataSource: DataSource,
    runKey: string,
    report: (message: string) => void,
  ): Promise<MonthCloser> {
    return new MonthCloser(
      dataSource,
      runKey,
      await scaleLedger.finishedSteps(dataSource, runKey, CLOSE_PHASE),
      await tickBarViews(dataSource),
      await tickBarsRefreshSql(dataSource),
      report,
    );
  }

  add(month: MonthToClose): void {
    this.queue.add(month);
  }

  /** Resolves once at most `months` added months are still to close. */
  caughtUp(months: number): Promise<void> {
    return this.queue.drainTo(months);
  }

  startSession(): void {
    this.queue.startSession();
  }

  finish(): Promise<void> {
    return this.queue.finish();
  }

  abandon(): Promise<void> {
    return this.queue.abandon();
  }

  private async close(runner: QueryRunner, { month, last }: MonthToClose): Promise<void> {
    // A killed generator's session stops within a second instead of compressing on alone.
    await runner.query("SET client_connection_check_interval = '1s'");
    const chunks: ChunkToClose[] = await runner.query(
      `SELECT format('%I.%I', chunk_schema, chunk_name) AS chunk, chunk_name AS name, is_compressed AS compressed,
              to_char(range_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS from,
              to_char(range_end AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS to
       FROM timescaledb_information.chunks
       WHERE hypertable_schema = 'public' AND hypertable_name = 'tick_data'
         AND ($1 OR range_end AT TIME ZONE 'UTC' <= $2::timestamp)
       ORDER BY range_start`,
      [last, nextMonthStart(month)],
    );
    for (const chunk of chunks) {
      const step = `${chunk.from}..${chunk.to}`;
      if (this.done.has(step)) continue;
      if (chunk.compressed) this.stats.chunksLoadedCompressed += 1;
      else await this.compress(runner, chunk, month);
      const refreshStarted = process.hrtime.bigint();
      for (const view of this.views)
        await runner.query(this.refreshSql, [view, chunk.from, chunk.to]);
      this.stats.refreshSeconds += seconds(refreshStarted);
      if (this.views.length > 0)
        this.report(
          `${month}: ${this.views.join(', ')} refreshed for ${step} in ${seconds(refreshStarted).toFixed(1)} s`,
        );
      await scaleLedger.markStep(runner, this.runKey, CLOSE_PHASE, step);
      this.done.add(step);
      await this.notePeak(runner);
    }
  }

  private async notePeak(runner: QueryRunner): Promise<void> {
    const [{ bytes }] = await runner.query(
      'SELECT pg_database_size(current_database())::bigint AS bytes',
    );
    this.stats.peakDatabaseBytes = Math.max(this.stats.peakDatabaseBytes, Number(bytes));
  }

  private async compress(runner: QueryRunner, chunk: ChunkToClose, month: string): Promise<void> {
    const started = process.hrtime.bigint();
    const [{ before }] = await runner.query(
      'SELECT pg_total_relation_size($1::regclass)::bigint AS before',
      [chunk.chunk],
    );
    await runner.startTransaction();
    try {
      // The database's setting (migration 1732500000600) for a session older than it.
      await runner.query(
        `SET LOCAL timescaledb.compression_batch_size_limit = ${TICK_COMPRESSION_BATCH_ROWS}`,
      );
      await runner.query('SELECT compress_chunk($1::regclass, if_not_compressed => true)', [
        chunk.chunk,
      ]);
      // Before COMMIT both the compressed rows and the old heap are on disk: the peak.
      await this.notePeak(runner);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw new Error(`compressing ${chunk.name} (${month}): ${(error as Error).message}`);
    }
    const [{ after }] = await runner.query(
      `SELECT after_compression_total_bytes AS after FROM chunk_compression_stats('tick_data')
       WHERE chunk_name = $1`,
      [chunk.name],
    );
    this.stats.chunks += 1;
    this.stats.compressSeconds += seconds(started);
    this.stats.bytesBefore += Number(before);
    this.stats.bytesAfter += Number(after);
    this.report(
      `${month}: chunk ${chunk.from} .. ${chunk.to} compressed in ${seconds(started).toFixed(1)} s: ${megabytes(Number(before))} -> ${megabytes(Number(after))}`,
    );
  }
}

interface ChunkToClose {
  chunk: string;
  name: string;
  compressed: boolean;
  from: string;
  to: string;
}
