import { bumpDataVersion } from '@securities/database';
import { DataSource } from 'typeorm';
import { LedgerRun, runKey, scaleLedger } from './ledger/scale-ledger';
import { INDEX_PHASE, prepareTickLoad } from './phases/tick-index';
import { TICK_PHASE, writeTicks } from './phases/tick-phase';
import { loadScaleSecurities } from './phases/scale-securities';
import { buildMarketFactors } from './prices/market-factors';
import { HOLDINGS_PHASE, writeHoldings } from './holdings/holdings-phase';
import { layoutHoldings } from './holdings/holdings-layout';
import { VARIANCE_PHASE, writeVarianceQuarterly } from './holdings/variance-phase';
import { ScaleProfile, TICKS_PER_DAY, tradingDays } from './profiles/scale-profiles';
import { PhaseProgress, PhaseSummary, SILENT_PROGRESS } from './report/progress';
import { growUniverse } from './universe/grow-universe';

const UNIVERSE_PHASE = 'universe';

export interface RunScaleOptions {
  /** Owner-role DataSource, initialised and migrated. */
  dataSource: DataSource;
  profile: ScaleProfile;
  /** Loads the base set when securities_master is empty (wired by the app: CSV generator + loader). */
  ensureBaseSet: (seed: number) => Promise<void>;
  progress?: PhaseProgress;
  log?: (message: string) => void;
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

async function tableBytes(db: DataSource, table: string): Promise<number> {
  const [row] = await db.query(
    // A partitioned table's own size is 0: sum its partitions; a plain table is its own tree.
    `SELECT greatest(pg_total_relation_size($1::regclass),
                     (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree($1::regclass)))::bigint AS bytes`,
    [table],
  );
  return Number(row.bytes);
}

/** Empties what another run configuration left, so this run starts from the base set. */
async function resetScaleData(db: DataSource, previous: LedgerRun | undefined): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query(
      'TRUNCATE tick_data, pricing_history, holdings_history, variance_quarterly',
    );
    if (previous) {
      const { baseSecurities, baseIssuers, lastBaseTransaction, lastBaseFxRate } =
        previous.parameters;
      if (lastBaseTransaction !== undefined) {
        await manager.query('DELETE FROM transactions WHERE txn_id > $1', [lastBaseTransaction]);
      }
      if (lastBaseFxRate !== undefined) {
        await manager.query('DELETE FROM fx_rates WHERE rate_id > $1', [lastBaseFxRate]);
      }
      await manager.query(`DELETE FROM securities_master WHERE security_id > $1`, [
        `SEC-${String(baseSecurities).padStart(4, '0')}`,
      ]);
      await manager.query(`DELETE FROM issuer WHERE issuer_id > $1`, [
        `ISS-${String(baseIssuers).padStart(3, '0')}`,
      ]);
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
  if (run?.runKey === key && !(await ledgerMatchesData(db, key, profile))) {
    // The base set was reloaded since (the loader empties the scale tables): start over.
    log('the data no longer matches the ledger (was the base set reloaded?): starting over');
    run = { ...run, runKey: '' };
  }
  if (run?.runKey === key && run.finished) {
    log('this profile has already been generated completely: nothing to do');
    return summaries;
  }
  if (run?.runKey !== key) {
    await resetScaleData(db, run);
    const [base] = await db.query(
      `SELECT (SELECT count(*) FROM securities_master)::int AS securities, (SELECT count(*) FROM issuer)::int AS issuers,
              (SELECT coalesce(max(txn_id), 0) FROM transactions)::int AS transaction,
              (SELECT coalesce(max(rate_id), 0) FROM fx_rates)::int AS fx_rate`,
    );
    await scaleLedger.startRun(db, key, {
      baseSecurities: base.securities,
      baseIssuers: base.issuers,
      lastBaseTransaction: base.transaction,
      lastBaseFxRate: base.fx_rate,
    });
    run = await scaleLedger.currentRun(db);
  } else {
    log('continuing an interrupted run of this profile');
  }

  // The data changes from here on, over many transactions: bumped now and again at the end, so no
  // answer the API tags while the run goes on is mistaken for the finished data.
  await bumpDataVersion(db);
  const started = process.hrtime.bigint();
  if (!(await scaleLedger.isDone(db, key, UNIVERSE_PHASE, 'all'))) {
    let rows = 0;
    const [{ existing }] = await db.query(
      'SELECT count(*)::int AS existing FROM securities_master',
    );
    progress.start(UNIVERSE_PHASE, Math.max(profile.universe, existing), existing);
    await db.transaction(async (manager) => {
      rows = await growUniverse(manager, profile);
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
  summaries.push({
    phase: 'tick_data',
    rows: ticks.rows,
    seconds: ticks.loadSeconds + ticks.indexSeconds,
    tableBytes: await tableBytes(db, 'tick_data'),
    note: `load ${ticks.loadSeconds.toFixed(1)} s (indexes built alongside) + index tail ${ticks.indexSeconds.toFixed(1)} s; ${securityMonths} security-months`,
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
