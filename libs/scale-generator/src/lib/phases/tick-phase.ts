import { TickStorage } from '@securities/database';
import { IsoDate } from '@securities/market-sim';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { scaleLedger } from '../ledger/scale-ledger';
import { TICKS_PER_DAY } from '../profiles/scale-profiles';
import { MarketFactors } from '../prices/market-factors';
import { ScaleSecurity } from '../prices/security-path';
import { PhaseProgress } from '../report/progress';
import { TickCopyEncoder } from '../ticks/tick-copy-encoder';
import {
  DailyBarRow,
  TickSource,
  tickChunkBuffers,
  tickChunks,
  tickSources,
} from './security-ticks';
import {
  ClosingStats,
  DIRECT_COMPRESS_COPY_SQL,
  DIRECT_COMPRESS_REFUSED,
  MonthCloser,
} from './tick-compression';
import { attachTickIndex, finishHypertable, partitionIndexQueue } from './tick-index';
import { TickMonth, tickMonths } from './tick-months';

export const TICK_PHASE = 'ticks';
/** Index sessions once the load is over (one core each); during the load one runs beside COPY. */
const FINAL_INDEX_SESSIONS = 2;

/**
 * Security-months per transaction: enough rows (about 100,000) that the per-transaction round
 * trips and the pause between two COPYs cost little, few enough that a kill loses little.
 */
const SECURITIES_PER_TRANSACTION = 4;

/**
 * COPY sessions loading side by side, each its own transactions of different securities. One
 * COPY's server process takes a core (on TimescaleDB most of it compressing the batches as they
 * arrive) while the generator takes about half of the other, so a second one fills the idle
 * half core, and both cores whenever the month's bars are not being refreshed.
 */
const COPY_SESSIONS = 2;

/** A unit's daily bars and its ledger marks in one statement: one round trip for both. */
const INSERT_BARS_AND_MARKS_SQL = `
  WITH bars AS (
    INSERT INTO pricing_history (security_id, price_date, open_price, high_price, low_price, close_price, volume, vwap)
    SELECT * FROM unnest($1::varchar[], $2::date[], $3::numeric[], $4::numeric[], $5::numeric[], $6::numeric[], $7::bigint[], $8::numeric[]))
  INSERT INTO scale_generator.scale_step (run_key, phase, step, rows)
  SELECT $9, '${TICK_PHASE}', step, rows FROM unnest($10::text[], $11::bigint[]) AS marks (step, rows)`;

export interface TickPhaseInput {
  dataSource: DataSource;
  runKey: string;
  seed: number;
  storage: TickStorage;
  /**
   * TimescaleDB: write the ticks compressed as they are copied (direct compress of COPY) rather
   * than into the heap, compressed once each month is loaded.
   */
  directCompress: boolean;
  /** True when an earlier attempt of this run was interrupted during the load. */
  resumed: boolean;
  securities: readonly ScaleSecurity[];
  days: readonly IsoDate[];
  factors: MarketFactors;
  progress: PhaseProgress;
}

export interface TickPhaseResult {
  rows: number;
  loadSeconds: number;
  /** CPU seconds of this (the generator's) process during the load: generation, encoding, I/O, GC. */
  loadCpuSeconds: number;
  /** Work left after the last row was loaded: indexes, or the last month's bars and compression. */
  tailSeconds: number;
  /** TimescaleDB: what compressing the months did. */
  closing?: ClosingStats;
}

/**
 * Months the TimescaleDB load may run ahead of compression: while month M loads, month M-1 may
 * still be compressing, no earlier one; so about two months are uncompressed at a time, whatever
 * the machine's balance between loading and compressing.
 */
const MONTHS_BEHIND = 1;

/** What runs beside the load as each month completes, and what is left once the load is over. */
interface MonthWork {
  /** Resolves when the next month may start loading. */
  beforeMonth(): Promise<void>;
  monthLoaded(month: TickMonth, last: boolean): void;
  loadFinished(): Promise<void>;
  /** The load failed: stop soon, drop what is queued. */
  abandon(): Promise<void>;
  closing?: ClosingStats;
}

/** Plain partitions: each month's partition index, built while the next month loads. */
async function partitionIndexing(input: TickPhaseInput): Promise<MonthWork> {
  const { dataSource, runKey } = input;
  // Only the loaded months' indexes are queued: the (empty) others come with idx_td_sec at the end.
  const queue = await partitionIndexQueue(dataSource, runKey, input.resumed);
  queue.startSession();
  return {
    beforeMonth: async () => undefined,
    monthLoaded: (month) => queue.add(month.partition),
    loadFinished: async () => {
      for (let i = 1; i < FINAL_INDEX_SESSIONS; i++) queue.startSession();
      await queue.finish();
      await attachTickIndex(dataSource, runKey);
    },
    abandon: () => queue.abandon(),
  };
}

/**
 * TimescaleDB: each month's bars refreshed (and its finished chunks compressed, where the load
 * did not write them compressed), beside the load.
 */
async function monthClosing(input: TickPhaseInput): Promise<MonthWork> {
  const { dataSource, runKey, progress } = input;
  const closer = await MonthCloser.create(dataSource, runKey, (message) => progress.note(message));
  closer.startSession();
  return {
    beforeMonth: () => closer.caughtUp(MONTHS_BEHIND),
    monthLoaded: (month, last) => closer.add({ month: month.month, last }),
    loadFinished: async () => {
      await closer.finish();
      await finishHypertable(dataSource, runKey);
    },
    abandon: () => closer.abandon(),
    closing: closer.stats,
  };
}

/** Ledger step of one security's ticks in one month. */
export const tickStep = (month: string, securityId: string) => `${month}|${securityId}`;

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/**
 * Ticks and daily bars, month by month (so each month's partition index is built, or on
 * TimescaleDB its bars refreshed, while the next month loads), a few securities per
 * transaction, in COPY sessions side by side: their ticks (binary COPY straight into the month's
 * partition, or the hypertable, compressed as they arrive), their pricing_history rows and one
 * ledger mark per security-month commit together, so a kill at any moment leaves each
 * security-month complete or absent.
 */
export async function writeTicks(input: TickPhaseInput): Promise<TickPhaseResult> {
  const { dataSource, runKey, days, progress, storage } = input;
  const done = await scaleLedger.finishedSteps(dataSource, runKey, TICK_PHASE);
  const months = tickMonths(days);
  const sources = tickSources(input.seed, input.securities, days, input.factors);
  const monthRows = (month: { first: number; end: number }) =>
    (month.end - month.first) * TICKS_PER_DAY;
  const total = months.reduce((sum, month) => sum + monthRows(month) * sources.length, 0);
  const already = months.reduce(
    (sum, month) =>
      sum +
      monthRows(month) *
        sources.filter((source) => done.has(tickStep(month.month, source.securityId))).length,
    0,
  );

  const monthWork =
    storage === 'partitions' ? await partitionIndexing(input) : await monthClosing(input);

  const directCompress =
    storage === 'timescaledb' &&
    input.directCompress &&
    (await hasDirectCompress(dataSource, progress));

  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  progress.start('ticks', total, already);
  const units = months.flatMap((month) => {
    const pending = sources.filter((source) => !done.has(tickStep(month.month, source.securityId)));
    return Array.from(
      { length: Math.ceil(pending.length / SECURITIES_PER_TRANSACTION) },
      (_, i) => ({
        month,
        sources: pending.slice(
          i * SECURITIES_PER_TRANSACTION,
          (i + 1) * SECURITIES_PER_TRANSACTION,
        ),
      }),
    );
  });
  const prepared = prefetchUnits(input, units, COPY_SESSIONS);
  let refusal: string | undefined;
  const onNotice = (notice: { message?: string }) => {
    if (refusal || !DIRECT_COMPRESS_REFUSED.test(notice.message ?? '')) return;
    refusal = notice.message;
    progress.note(`TimescaleDB: ${refusal}; the chunks are compressed after loading instead`);
  };
  const runners = Array.from({ length: COPY_SESSIONS }, () => dataSource.createQueryRunner());
  const clients: PoolClient[] = [];
  let written = 0;
  try {
    for (const runner of runners) clients.push((await runner.connect()) as PoolClient);
    if (directCompress) clients.forEach((client) => client.on('notice', onNotice));
    let index = 0;
    for (const month of months) {
      const target = storage === 'partitions' ? month.partition : 'tick_data';
      if (units[index]?.month === month) await monthWork.beforeMonth();
      let end = index;
      while (end < units.length && units[end].month === month) end++;
      // The sessions take the month's units in turn; the month is loaded once all have committed.
      let next = index;
      let failed = false;
      const loads = await Promise.allSettled(
        clients.map(async (client) => {
          while (next < end && !failed) {
            const unit = await prepared.next(next++);
            try {
              await copyUnit(client, input, target, unit, directCompress);
              prepared.sent(unit);
            } catch (error) {
              failed = true;
              throw error;
            }
            written += unit.rows;
            progress.advance(unit.rows);
          }
        }),
      );
      const failure = loads.find((load) => load.status === 'rejected');
      if (failure) throw (failure as PromiseRejectedResult).reason;
      index = end;
      monthWork.monthLoaded(month, month === months[months.length - 1]);
    }
  } catch (error) {
    prepared.stop();
    await monthWork.abandon();
    throw error;
  } finally {
    progress.stop();
    clients.forEach((client) => client.off('notice', onNotice));
    for (const runner of runners) await runner.release();
  }
  const loadSeconds = seconds(started);
  const cpu = process.cpuUsage(cpuStarted);

  const tailStarted = process.hrtime.bigint();
  await monthWork.loadFinished();
  return {
    rows: written,
    loadSeconds,
    loadCpuSeconds: (cpu.user + cpu.system) / 1e6,
    tailSeconds: seconds(tailStarted),
    closing: monthWork.closing,
  };
}

/** Whether this TimescaleDB compresses COPY directly (2.21 and later); says so when it does not. */
async function hasDirectCompress(db: DataSource, progress: PhaseProgress): Promise<boolean> {
  const [{ known }] = await db.query(
    "SELECT current_setting('timescaledb.enable_direct_compress_copy', true) IS NOT NULL AS known",
  );
  if (!known)
    progress.note(
      'TimescaleDB: no direct compress of COPY before 2.21; the chunks are compressed after loading instead',
    );
  return known;
}

/** A few security-months of one month, generated and ready to COPY. */
interface PreparedUnit {
  steps: string[];
  stepRows: number[];
  chunks: Buffer[];
  bars: (DailyBarRow & { securityId: string })[];
  rows: number;
}

/** Security-months generated ahead of each COPY session: enough to keep PostgreSQL busy, little memory. */
const UNITS_AHEAD_PER_SESSION = 2;

/**
 * Generates security-months ahead of their COPY on the same thread, yielding to the event loop
 * between chunks: while the COPY sessions wait on PostgreSQL, the next units are being built, so
 * generation and loading overlap on the two cores. Units are built in order; each is taken once.
 */
function prefetchUnits(
  input: TickPhaseInput,
  units: readonly {
    month: { month: string; first: number; end: number };
    sources: readonly TickSource[];
  }[],
  sessions: number,
) {
  const ready = new Map<number, PreparedUnit>();
  const buffers = tickChunkBuffers();
  const ahead = UNITS_AHEAD_PER_SESSION * sessions;
  let wanted = 0;
  let stopped = false;
  let failure: Error | undefined;
  // The producer waits when it is far enough ahead, the sessions when their unit is not ready.
  let wakeProducer: (() => void) | undefined;
  let wakeConsumers: (() => void)[] = [];
  const producerWakes = () => {
    const wake = wakeProducer;
    wakeProducer = undefined;
    wake?.();
  };
  const consumersWake = () => {
    const wakes = wakeConsumers;
    wakeConsumers = [];
    wakes.forEach((wake) => wake());
  };
  const producer = (async () => {
    for (let i = 0; i < units.length && !stopped; i++) {
      while (i >= wanted + ahead && !stopped)
        await new Promise<void>((resolve) => (wakeProducer = resolve));
      const { month, sources } = units[i];
      const unit: PreparedUnit = { steps: [], stepRows: [], chunks: [], bars: [], rows: 0 };
      for (const source of sources) {
        const bars: DailyBarRow[] = [];
        for (const chunk of tickChunks(
          input.seed,
          source,
          input.days,
          month.first,
          month.end,
          bars,
          buffers,
        )) {
          unit.chunks.push(chunk);
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        unit.steps.push(tickStep(month.month, source.securityId));
        unit.stepRows.push(bars.length * TICKS_PER_DAY);
        unit.rows += bars.length * TICKS_PER_DAY;
        for (const bar of bars) unit.bars.push({ ...bar, securityId: source.securityId });
      }
      ready.set(i, unit);
      consumersWake();
    }
  })().catch((error: Error) => {
    failure = error;
    consumersWake();
  });
  void producer;
  return {
    /** The unit's ticks are sent: their buffers take the next units' ticks. */
    sent(unit: PreparedUnit): void {
      buffers.release(unit.chunks);
      unit.chunks = [];
    },
    async next(index: number): Promise<PreparedUnit> {
      for (;;) {
        const unit = ready.get(index);
        if (unit) {
          ready.delete(index);
          wanted = Math.max(wanted, index + 1);
          producerWakes();
          return unit;
        }
        if (failure) throw failure;
        await new Promise<void>((resolve) => wakeConsumers.push(resolve));
      }
    },
    stop(): void {
      stopped = true;
      producerWakes();
    },
  };
}

async function copyUnit(
  client: PoolClient,
  input: TickPhaseInput,
  target: string,
  unit: PreparedUnit,
  directCompress: boolean,
): Promise<void> {
  const { bars } = unit;
  // Safe: the ledger mark commits with the rows, so a commit lost in a crash is simply redone.
  await client.query(
    `BEGIN; SET LOCAL synchronous_commit = off${directCompress ? `; ${DIRECT_COMPRESS_COPY_SQL}` : ''}`,
  );
  try {
    const copy = client.query(copyFrom(`COPY ${target} FROM STDIN (FORMAT binary)`));
    await pipeline(
      Readable.from([TickCopyEncoder.header(), ...unit.chunks, TickCopyEncoder.trailer()]),
      copy,
    );
    await client.query(INSERT_BARS_AND_MARKS_SQL, [
      bars.map((bar) => bar.securityId),
      bars.map((bar) => bar.priceDate),
      bars.map((bar) => bar.open),
      bars.map((bar) => bar.high),
      bars.map((bar) => bar.low),
      bars.map((bar) => bar.close),
      bars.map((bar) => bar.volume),
      bars.map((bar) => bar.vwap),
      input.runKey,
      unit.steps,
      unit.stepRows,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`ticks of ${unit.steps.join(', ')}: ${(error as Error).message}`);
  }
}
