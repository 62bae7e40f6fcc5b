import { createCliProgram, createLogger, positiveInt } from '@securities/logging';
import {
  installedTickStorage,
  installSignalHandlers,
  loadConfigFromEnvironment,
  openOwnerDatabase,
  registerCleanup,
  runProgram,
  TICK_BAR_AGGREGATES,
  tickBarsQuery,
  tickBarsRefreshSql,
} from '@securities/database';
import { planScale, resolveScaleProfile } from '@securities/scale-generator';
import { InvalidArgumentError } from 'commander';
import { DataSource } from 'typeorm';
import { warmMedianMs } from './query-timing';

/**
 * Do 1-minute or 5-minute continuous aggregates pay for their disk? On a TimescaleDB database
 * holding a scale run: for each candidate interval a trial aggregate is created, refreshed over
 * the last months of ticks (timed), measured and dropped; one security's bars over one month are
 * read from it and from the ticks (warm, median of 5). Disk and refresh time are extrapolated to
 * the full profile by tick count. tick_bars_1h, which the migrations keep, is measured as it is.
 */
const CANDIDATES = [
  { interval: '1m', bucket: '1 minute' },
  { interval: '5m', bucket: '5 minutes' },
];
const TRIAL_PREFIX = 'bench_bars_';
const QUERY_RUNS = 5;

const logger = createLogger({ name: 'bars-bench' });
const log = (message: string): void => logger.info(message);
const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** One untimed run (the pages cached, the plan known), then the median of QUERY_RUNS. */
const medianMs = (db: DataSource, sql: string, params: unknown[]) =>
  warmMedianMs(() => db.query(sql, params), QUERY_RUNS, 1);

async function aggregateBytes(db: DataSource, view: string): Promise<number> {
  const [{ bytes }] = await db.query(
    `SELECT hypertable_size(format('%I.%I', materialization_hypertable_schema, materialization_hypertable_name)::regclass)::bigint AS bytes
     FROM timescaledb_information.continuous_aggregates WHERE view_name = $1`,
    [view],
  );
  return Number(bytes);
}

/** One security's bars of one interval over [from, to), from an aggregate or from the ticks. */
const fromAggregate = (view: string) =>
  `SELECT * FROM ${view} WHERE security_id = $1 AND bucket >= $2 AND bucket < $3 ORDER BY bucket`;
const fromTicks = (bucket: string) =>
  `SELECT * FROM (${tickBarsQuery(bucket).replace(
    'FROM tick_data',
    'FROM tick_data WHERE security_id = $1 AND tick_time >= $2 AND tick_time < $3',
  )}) bars ORDER BY bucket`;

const APPLICATION_NAME = 'securities-bench-bars';

/**
 * Drops a trial aggregate; when a signal interrupts its refresh, that refresh (the backend
 * `refreshing`) is cancelled first, so the drop does not wait for it: a trial never outlives the
 * benchmark.
 */
async function dropTrial(db: DataSource, view: string, refreshing?: number): Promise<void> {
  if (refreshing !== undefined) await db.query('SELECT pg_cancel_backend($1)', [refreshing]);
  await db.query(`DROP MATERIALIZED VIEW IF EXISTS ${view}`);
}

function intervalList(value: string): string[] {
  const known = CANDIDATES.map((candidate) => candidate.interval);
  const intervals = value.split(',').map((interval) => interval.trim());
  const unknown = intervals.filter((interval) => !known.includes(interval));
  if (unknown.length > 0 || intervals.length === 0)
    throw new InvalidArgumentError(`expected a list of ${known.join(', ')}; got "${value}"`);
  return intervals;
}

async function bench(options: { months: number; intervals: string[] }): Promise<void> {
  installSignalHandlers();
  const config = loadConfigFromEnvironment();
  const { dataSource: db } = await openOwnerDatabase(config, {
    applicationName: APPLICATION_NAME,
  });
  if ((await installedTickStorage(db)) !== 'timescaledb')
    throw new Error('this benchmark needs the TimescaleDB path (tick_data a hypertable)');
  const [range] = await db.query(
    `SELECT count(*)::bigint AS ticks, max(tick_time)::date AS last,
            (date_trunc('month', max(tick_time)) - $1::int * interval '1 month')::date AS first,
            (date_trunc('month', max(tick_time)) - interval '1 month')::date AS month_start,
            date_trunc('month', max(tick_time))::date AS month_end,
            min(security_id) AS security
     FROM tick_data`,
    [options.months - 1],
  );
  const ticks = Number(range.ticks);
  if (ticks === 0) throw new Error('tick_data is empty: run generator:scale first');
  const [{ window }] = await db.query(
    'SELECT count(*)::bigint AS window FROM tick_data WHERE tick_time >= $1',
    [range.first],
  );
  const full = planScale(resolveScaleProfile('full')).phases.find((p) => p.phase === 'ticks')!;
  const perFullTick = (value: number) => (value / Number(window)) * full.rows;
  const month = [range.security, range.month_start, range.month_end];
  log(
    `${ticks.toLocaleString('en-US')} ticks; trial aggregates refreshed over ${range.first} .. ${range.last} (${Number(window).toLocaleString('en-US')} ticks); bars of ${range.security} over ${range.month_start} .. ${range.month_end}`,
  );
  log(
    `${'interval'.padEnd(10)}${'rows/tick'.padStart(11)}${'bytes/row'.padStart(11)}${'full: disk'.padStart(12)}${'full: refresh'.padStart(15)}${'month from agg'.padStart(16)}${'from ticks'.padStart(12)}${'speed-up'.padStart(10)}`,
  );
  /** rows: the aggregate's rows over the window; bytes: what one row takes. */
  const row = (
    interval: string,
    rows: number,
    bytesPerRow: number,
    refreshSeconds: number | undefined,
    aggregateMs: number,
    ticksMs: number,
  ) =>
    log(
      `${interval.padEnd(10)}${(rows / Number(window)).toFixed(4).padStart(11)}${bytesPerRow.toFixed(0).padStart(11)}${`${(perFullTick(rows * bytesPerRow) / 1024 ** 3).toFixed(1)} GB`.padStart(12)}${(refreshSeconds === undefined ? '-' : `${(perFullTick(refreshSeconds) / 60).toFixed(0)} min`).padStart(15)}${`${aggregateMs.toFixed(1)} ms`.padStart(16)}${`${ticksMs.toFixed(1)} ms`.padStart(12)}${`${(ticksMs / aggregateMs).toFixed(0)}x`.padStart(10)}`,
    );
  const rowsOf = async (view: string, from?: string) =>
    Number(
      (
        await db.query(
          `SELECT count(*)::bigint AS rows FROM ${view}${from ? ' WHERE bucket >= $1' : ''}`,
          from ? [from] : [],
        )
      )[0].rows,
    );

  for (const { view, bucket } of TICK_BAR_AGGREGATES)
    row(
      view.replace('tick_bars_', ''),
      await rowsOf(view, range.first),
      (await aggregateBytes(db, view)) / (await rowsOf(view)),
      undefined,
      await medianMs(db, fromAggregate(view), month),
      await medianMs(db, fromTicks(bucket), month),
    );
  for (const { interval, bucket } of CANDIDATES.filter((candidate) =>
    options.intervals.includes(candidate.interval),
  )) {
    const view = `${TRIAL_PREFIX}${interval}`;
    // A trial left by a run killed outright (SIGKILL) goes first.
    await dropTrial(db, view);
    const refresh = db.createQueryRunner();
    const [{ pid }] = await refresh.query('SELECT pg_backend_pid() AS pid');
    const unregister = registerCleanup(() => dropTrial(db, view, pid));
    await db.query(
      `CREATE MATERIALIZED VIEW ${view} WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS ${tickBarsQuery(bucket)} WITH NO DATA`,
    );
    try {
      const started = process.hrtime.bigint();
      await refresh.query(await tickBarsRefreshSql(db), [view, range.first, null]);
      const refreshSeconds = seconds(started);
      const rows = await rowsOf(view);
      row(
        interval,
        rows,
        (await aggregateBytes(db, view)) / rows,
        refreshSeconds,
        await medianMs(db, fromAggregate(view), month),
        await medianMs(db, fromTicks(bucket), month),
      );
    } finally {
      unregister();
      await refresh.release();
      await dropTrial(db, view);
    }
  }
  log(
    `(full profile: ${full.rows.toLocaleString('en-US')} ticks; disk and refresh scaled from the window by tick count; the refresh is wall time on this machine)`,
  );
}

const program = createCliProgram(
  'bars-bench',
  'Whether 1-minute / 5-minute continuous aggregates pay for their disk (TimescaleDB)',
)
  .option('--months <n>', 'months of ticks the trial aggregates are refreshed over', positiveInt, 3)
  .option(
    '--intervals <list>',
    `trial aggregates to measure, comma-separated (${CANDIDATES.map((c) => c.interval).join(', ')})`,
    intervalList,
    CANDIDATES.map((candidate) => candidate.interval),
  )
  .action(bench);

void runProgram('bars-bench', program);
