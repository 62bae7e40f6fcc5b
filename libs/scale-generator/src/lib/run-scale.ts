import {
  bumpDataVersion,
  citusSequentialTransaction,
  guardRemoval,
  TableRemoval,
  tickBarViews,
} from '@securities/database';
import { issuerId, securityId } from '@securities/market-sim';
import { DataSource } from 'typeorm';
import { LedgerRun, runKey, scaleLedger } from './ledger/scale-ledger';
import { INDEX_PHASE, prepareTickLoad } from './phases/tick-index';
import { TICK_PHASE, TickPhaseResult, writeTicks } from './phases/tick-phase';
import { loadScaleSecurities } from './phases/scale-securities';
import { buildMarketFactors } from './prices/market-factors';
import { HOLDINGS_PHASE, writeHoldings } from './holdings/holdings-phase';
import { layoutHoldings } from './holdings/holdings-layout';
import { VARIANCE_PHASE, writeVarianceQuarterly } from './phases/variance-phase';
import { ScaleProfile, TICKS_PER_DAY, tradingDays } from './profiles/scale-profiles';
import { PhaseProgress, PhaseSummary, SILENT_PROGRESS } from './report/progress';
import { tableBytes } from './report/table-bytes';
import { growUniverse, UniverseGrower } from './universe/grow-universe';

const UNIVERSE_PHASE = 'universe';

export interface RunScaleOptions {
  /** Owner-role DataSource, initialised and migrated. */
  dataSource: DataSource;
  profile: ScaleProfile;
  /** Loads the base set when securities_master is empty (wired by the app: CSV generator + loader). */
  ensureBaseSet: (seed: number) => Promise<void>;
  /** Draws the grown universe's rows (wired by the app: generator-core's grownUniverseRows). */
  growUniverse: UniverseGrower;
  progress?: PhaseProgress;
  log?: (message: string) => void;
  /**
   * Allow starting over when the database holds another run's rows (or scale rows from elsewhere):
   * the CLI's `--replace`. Without it such a run is refused before anything is written.
   */
  replace?: boolean;
  /**
   * TimescaleDB: ticks compressed as they are copied (the default); false: into the heap, each
   * month's chunks compressed once it is loaded (the way before, kept for generator:bench-ticks).
   */
  directCompress?: boolean;
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

const MB = 1024 * 1024;

/** How the ticks were written: the load, the work left after it, and on TimescaleDB the compression. */
function tickNote(ticks: TickPhaseResult, tickBytes: number): string {
  const timing = `load ${ticks.loadSeconds.toFixed(1)} s`;
  // The generator's own CPU in the load: on two cores, what it takes the database processes lack.
  const cpu =
    ticks.rows > 0
      ? `; generator process ${ticks.loadCpuSeconds.toFixed(1)} CPU s in the load, ${((ticks.loadCpuSeconds * 1e6) / ticks.rows).toFixed(2)} µs a tick`
      : '';
  const closing = ticks.closing;
  if (!closing)
    return `${timing} (indexes built alongside) + index tail ${ticks.tailSeconds.toFixed(1)} s${cpu}`;
  const total = ticks.rows > 0 ? `, ${(tickBytes / ticks.rows).toFixed(1)} bytes/row in all` : '';
  const compressed = [
    closing.chunksLoadedCompressed > 0 &&
      `${closing.chunksLoadedCompressed} chunks compressed as loaded`,
    closing.chunks > 0 &&
      `${closing.chunks} chunks compressed after loading in ${closing.compressSeconds.toFixed(1)} s from ${(closing.bytesBefore / MB).toFixed(1)} MB to ${(closing.bytesAfter / MB).toFixed(1)} MB`,
  ].filter(Boolean);
  return (
    `${timing} (months closed alongside) + tail ${ticks.tailSeconds.toFixed(1)} s; ` +
    `${compressed.join(', ') || 'no chunk compressed'}${total}; ` +
    `bars refreshed in ${closing.refreshSeconds.toFixed(1)} s; ` +
    `peak database size ${(closing.peakDatabaseBytes / MB).toFixed(1)} MB${cpu}`
  );
}

/** Rows of one table that belong to a scale run rather than to the base set. */
interface RunRows {
  table: string;
  /** SQL condition on the table's rows; none: the whole table. */
  where?: string;
  parameters?: unknown[];
  which?: string;
  /** Too large to count (billions of ticks): checked for a row only. */
  uncounted?: boolean;
}

/** What a previous run wrote: the scale tables, and whatever it added above the base set. */
function previousRunRows(previous: LedgerRun | undefined): RunRows[] {
  const rows: RunRows[] = [
    { table: 'tick_data', uncounted: true },
    { table: 'pricing_history' },
    { table: 'holdings_history' },
    { table: 'variance_quarterly' },
  ];
  if (!previous) return rows;
  const { baseSecurities, baseIssuers, lastBaseTransaction, lastBaseFxRate, lastBaseRating } =
    previous.parameters;
  const above = "above the base set's";
  if (lastBaseTransaction !== undefined) {
    rows.push({
      table: 'transactions',
      where: 'txn_id > $1',
      parameters: [lastBaseTransaction],
      which: above,
    });
  }
  if (lastBaseFxRate !== undefined) {
    rows.push({
      table: 'fx_rates',
      where: 'rate_id > $1',
      parameters: [lastBaseFxRate],
      which: above,
    });
  }
  rows.push(
    {
      table: 'securities_master',
      where: 'security_id > $1',
      parameters: [securityId(baseSecurities)],
      which: above,
    },
    // The run's ratings go before its issuers (credit_ratings refers to issuer): those of the
    // grown issuers and of base companies it rated (their first bond), by id; a ledger from before
    // the base set's last rating was recorded only ever rated grown issuers.
    lastBaseRating !== undefined
      ? {
          table: 'credit_ratings',
          where: 'rating_id > $1',
          parameters: [lastBaseRating],
          which: above,
        }
      : {
          table: 'credit_ratings',
          where: 'issuer_id > $1',
          parameters: [issuerId(baseIssuers)],
          which: "of the issuers above the base set's",
        },
    {
      table: 'issuer',
      where: 'issuer_id > $1',
      parameters: [issuerId(baseIssuers)],
      which: above,
    },
  );
  return rows;
}

async function countRunRows(db: DataSource, rows: readonly RunRows[]): Promise<TableRemoval[]> {
  const removals: TableRemoval[] = [];
  for (const { table, where, parameters, which, uncounted } of rows) {
    const filter = where ? ` WHERE ${where}` : '';
    const [row] = await db.query(
      uncounted
        ? `SELECT (EXISTS (SELECT 1 FROM ${table}${filter}))::int AS rows`
        : `SELECT count(*)::bigint AS rows FROM ${table}${filter}`,
      parameters,
    );
    if (Number(row.rows) > 0) {
      removals.push({ table, rows: uncounted ? undefined : Number(row.rows), which });
    }
  }
  return removals;
}

/**
 * Empties what another run configuration left, so this run starts from the base set. Removing
 * rows needs `replace`: without it the run is refused before anything changes.
 */
async function resetScaleData(
  db: DataSource,
  previous: LedgerRun | undefined,
  replace: boolean,
): Promise<void> {
  const rows = previousRunRows(previous);
  guardRemoval(
    `Starting over from the base set${previous ? ` (replacing the run ${previous.runKey})` : ''}`,
    await countRunRows(db, rows),
    replace,
    '--replace',
  );
  await db.transaction(async (manager) => {
    await citusSequentialTransaction(manager);
    // TimescaleDB's bar aggregates go with their ticks, so they never show stale bars.
    const bars = await tickBarViews(manager);
    if (bars.length > 0) await manager.query(`TRUNCATE ${bars.join(', ')}`);
    for (const { table, where, parameters } of rows) {
      await manager.query(
        where ? `DELETE FROM ${table} WHERE ${where}` : `TRUNCATE ${table}`,
        parameters,
      );
    }
    await manager.query('DROP INDEX IF EXISTS idx_td_sec');
    await manager.query(
      'CREATE UNIQUE INDEX idx_td_sec ON tick_data (security_id, tick_time DESC)',
    );
  });
}

/** What the ledger says was written is what the tables hold (cheap counts, no row checks). */
async function ledgerMatchesData(db: DataSource, key: string, profile: ScaleProfile) {
  const [row] = await db.query(
    `SELECT (SELECT coalesce(sum(rows), 0) FROM scale_generator.scale_step WHERE run_key = $1 AND phase = $2)::bigint AS marked,
            (SELECT count(*) FROM pricing_history)::bigint AS bars,
            EXISTS (SELECT 1 FROM scale_generator.scale_step WHERE run_key = $1 AND phase = $3) AS grown,
            (SELECT count(*) FROM securities_master)::int AS securities`,
    [key, TICK_PHASE, UNIVERSE_PHASE],
  );
  return (
    Number(row.marked) === Number(row.bars) * TICKS_PER_DAY &&
    (!row.grown || row.securities >= profile.universe)
  );
}

/**
 * The scale set, phase by phase, straight into the database, resumable: a rerun with the same
 * profile skips what the ledger marks finished; another profile starts over from the base set.
 */
export async function runScale(options: RunScaleOptions): Promise<PhaseSummary[]> {
  const { dataSource: db, profile } = options;
  const progress = options.progress ?? SILENT_PROGRESS;
  const log = options.log ?? (() => undefined);
  const key = runKey(profile);
  const summaries: PhaseSummary[] = [];

  const [{ count }] = await db.query('SELECT count(*)::int AS count FROM securities_master');
  if (count === 0) {
    log(`securities_master is empty: generating and loading the base set (seed ${profile.seed})`);
    await options.ensureBaseSet(profile.seed);
  }

  let run = await scaleLedger.currentRun(db);
  // The base set reloaded since (the loader empties the scale tables): the ledger no longer
  // describes the data, so the run starts over, replacing what the same key left.
  const stale = run?.runKey === key && !(await ledgerMatchesData(db, key, profile));
  if (stale)
    log('the data no longer matches the ledger (was the base set reloaded?): starting over');
  if (!stale && run?.runKey === key && run.finished) {
    log('this profile has already been generated completely: nothing to do');
    return summaries;
  }
  // The data changes from here on, over many transactions: bumped now and again at the end, so no
  // answer the API tags while the run goes on is mistaken for the finished data.
  await bumpDataVersion(db);
  if (stale || run?.runKey !== key) {
    await resetScaleData(db, run, options.replace ?? false);
    const [base] = await db.query(
      `SELECT (SELECT count(*) FROM securities_master)::int AS securities, (SELECT count(*) FROM issuer)::int AS issuers,
              (SELECT coalesce(max(txn_id), 0) FROM transactions)::int AS transaction,
              (SELECT coalesce(max(rate_id), 0) FROM fx_rates)::int AS fx_rate,
              (SELECT coalesce(max(rating_id), 0) FROM credit_ratings)::int AS rating`,
    );
    await scaleLedger.startRun(db, key, {
      baseSecurities: base.securities,
      baseIssuers: base.issuers,
      lastBaseTransaction: base.transaction,
      lastBaseFxRate: base.fx_rate,
      lastBaseRating: base.rating,
    });
    run = await scaleLedger.currentRun(db);
  } else {
    log('continuing an interrupted run of this profile');
  }

  const started = process.hrtime.bigint();
  if (!(await scaleLedger.isDone(db, key, UNIVERSE_PHASE, 'all'))) {
    let rows = 0;
    const [{ existing }] = await db.query(
      'SELECT count(*)::int AS existing FROM securities_master',
    );
    progress.start(UNIVERSE_PHASE, Math.max(profile.universe, existing), existing);
    await db.transaction(async (manager) => {
      rows = await growUniverse(manager, profile, options.growUniverse);
      await scaleLedger.markStep(manager, key, UNIVERSE_PHASE, 'all', rows);
    });
    progress.advance(rows);
    progress.stop();
    summaries.push({
      phase: 'universe',
      rows,
      seconds: seconds(started),
      tableBytes: await tableBytes(db, 'securities_master'),
    });
  }

  const days = tradingDays(profile);
  const baseSecurities = run?.parameters.baseSecurities ?? 0;
  const securities = await loadScaleSecurities(db, profile.securities, baseSecurities);
  const factors = buildMarketFactors(
    profile.seed,
    days.length,
    securities.map((security) => security.sector),
    securities.map((security) => security.currency),
  );

  const resumedTickLoad =
    (await scaleLedger.isDone(db, key, INDEX_PHASE, 'dropped')) || (run?.resumed ?? false);
  if (resumedTickLoad) await scaleLedger.markResumed(db, key);
  const storage = await prepareTickLoad(db, key, profile);
  const ticks = await writeTicks({
    dataSource: db,
    runKey: key,
    seed: profile.seed,
    storage,
    directCompress: options.directCompress ?? true,
    resumed: resumedTickLoad,
    securities,
    days,
    factors,
    progress,
  });
  const [{ securityMonths, bars }] = await db.query(
    `SELECT count(*)::int AS "securityMonths", (sum(rows) / ${TICKS_PER_DAY})::int AS bars
     FROM scale_generator.scale_step WHERE run_key = $1 AND phase = $2`,
    [key, TICK_PHASE],
  );
  const tickBytes = await tableBytes(db, 'tick_data');
  summaries.push({
    phase: 'tick_data',
    rows: ticks.rows,
    seconds: ticks.loadSeconds + ticks.tailSeconds,
    tableBytes: tickBytes,
    note: `${tickNote(ticks, tickBytes)}; ${securityMonths} security-months`,
    parts: {
      load: ticks.loadSeconds,
      tail: ticks.tailSeconds,
      ...(ticks.closing && {
        compress: ticks.closing.compressSeconds,
        refresh: ticks.closing.refreshSeconds,
      }),
    },
  });
  summaries.push({
    phase: 'pricing_history',
    rows: bars,
    seconds: 0,
    tableBytes: await tableBytes(db, 'pricing_history'),
    note: 'written with the ticks, in the same transactions',
  });

  const layout = layoutHoldings(days, profile);
  if (!(await scaleLedger.isDone(db, key, HOLDINGS_PHASE, 'all'))) {
    const phaseStarted = process.hrtime.bigint();
    const written = await writeHoldings(db, key, layout, profile.seed, securities, progress);
    const phaseSeconds = seconds(phaseStarted);
    summaries.push(
      {
        phase: 'holdings_history',
        rows: written.holdings,
        seconds: phaseSeconds,
        tableBytes: await tableBytes(db, 'holdings_history'),
        note: `with transactions and ${written.fxRates.toLocaleString('en-US')} daily fx_rates, in one transaction`,
      },
      {
        phase: 'transactions',
        rows: written.transactions,
        seconds: phaseSeconds,
        tableBytes: await tableBytes(db, 'transactions'),
      },
    );
  }
  if (!(await scaleLedger.isDone(db, key, VARIANCE_PHASE, 'all'))) {
    const phaseStarted = process.hrtime.bigint();
    // One transaction for every quarter: the bar moves when it commits.
    progress.start(VARIANCE_PHASE, layout.quarters.length, 0);
    const rows = await writeVarianceQuarterly(db, key, layout);
    progress.advance(layout.quarters.length);
    progress.stop();
    summaries.push({
      phase: 'variance_quarterly',
      rows,
      seconds: seconds(phaseStarted),
      tableBytes: await tableBytes(db, 'variance_quarterly'),
    });
  }
  await scaleLedger.finishRun(db, key);
  await bumpDataVersion(db);
  return summaries;
}
