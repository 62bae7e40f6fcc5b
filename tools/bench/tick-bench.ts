import {
  DatabaseTarget,
  installedTickStorage,
  installSignalHandlers,
  loadConfig,
  loadConfigFromEnvironment,
  migrateUp,
  openOwnerDatabase,
  resolveDataDir,
  runProgram,
  tickBarViews,
} from '@securities/database';
import {
  buildMarketFactors,
  BULK_LOAD_SETTINGS,
  loadScaleSecurities,
  resolveScaleProfile,
  scaleLedger,
  TickCopyEncoder,
  tickChunks,
  tickMonths,
  tickSources,
  tradingDays,
} from '@securities/scale-generator';
import { createCliProgram, createLogger } from '@securities/logging';
import { once } from 'node:events';
import {
  chmodSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { benchScaleRun, withProfileOptions } from './bench-scale';

/** The two ways the TimescaleDB path writes ticks, the one before first. */
const COMPRESSION_WAYS = [
  { label: 'compress after loading', directCompress: false },
  { label: 'direct compress of COPY', directCompress: true },
] as const;

interface WayResult {
  label: string;
  rows: number;
  /** The tick phase, end to end: load, and the closing of the last months after it. */
  tickSeconds: number;
  /** The whole scale run, base set included. */
  runSeconds: number;
  parts: Readonly<Record<string, number>>;
  bytes: number;
}

const BENCH_PORT_OFFSET = 10;
const CEILING_TABLE = 'tick_bench_ceiling';

const logger = createLogger({ name: 'tick-bench' });
const log = (message: string): void => logger.info(message);
const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

interface BenchOptions {
  profile: string;
  securities?: number;
  from?: string;
  to?: string;
  seed: number;
  databaseUrl?: string;
  eraseDatabase?: boolean;
}

/**
 * Where the benchmark runs: its own embedded server, in `tick-bench` beside the embedded data
 * folder (.data/tick-bench) on EMBEDDED_POSTGRES_PORT + 10, whatever DATABASE_URL or POSTGRES_HOST
 * say; it empties every table there, so it never runs on a database it did not create unless
 * told so twice: --database-url and --erase-database.
 */
export function benchDatabaseTarget(
  env: NodeJS.ProcessEnv,
  options: Pick<BenchOptions, 'databaseUrl' | 'eraseDatabase'>,
): DatabaseTarget {
  if (options.databaseUrl !== undefined) {
    const target = loadConfig({ ...env, DATABASE_URL: options.databaseUrl }).database;
    if (!options.eraseDatabase) {
      throw new Error(
        `--database-url: the benchmark empties every table of ${target.database} on ${target.kind === 'external' ? `${target.host}:${target.port}` : 'the embedded server'}; ` +
          'add --erase-database to confirm, or leave both out to use its own embedded server',
      );
    }
    return target;
  }
  const embedded = loadConfig({
    ...env,
    DATABASE_URL: undefined,
    POSTGRES_HOST: undefined,
  }).database;
  if (embedded.kind !== 'embedded') throw new Error('unreachable: no database is configured');
  return {
    ...embedded,
    dataDir: join(dirname(resolveDataDir(embedded.dataDir)), 'tick-bench'),
    port: embedded.port + BENCH_PORT_OFFSET,
  };
}

/** The same rows the run wrote, as one binary COPY file (not timed). */
async function writeCopyFile(
  dataSource: DataSource,
  profile: ReturnType<typeof resolveScaleProfile>,
  file: string,
): Promise<number> {
  const days = tradingDays(profile);
  const run = await scaleLedger.currentRun(dataSource);
  const securities = await loadScaleSecurities(
    dataSource,
    profile.securities,
    run?.parameters.baseSecurities ?? 0,
  );
  const factors = buildMarketFactors(
    profile.seed,
    days.length,
    securities.map((security) => security.sector),
    securities.map((security) => security.currency),
  );
  const sources = tickSources(profile.seed, securities, days, factors);
  const out = createWriteStream(file);
  let rows = 0;
  const write = async (chunk: Buffer) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(TickCopyEncoder.header());
  for (const month of tickMonths(days)) {
    for (const source of sources) {
      for (const chunk of tickChunks(profile.seed, source, days, month.first, month.end, []))
        await write(chunk);
      rows += (month.end - month.first) * 1_170;
    }
  }
  await write(TickCopyEncoder.trailer());
  out.end();
  await once(out, 'finish');
  // The server reads the file as its own OS user.
  chmodSync(file, 0o644);
  return rows;
}

/** PostgreSQL's own COPY of the file into an unindexed copy of tick_data: the ceiling. */
async function copyCeiling(dataSource: DataSource, file: string): Promise<number> {
  await dataSource.query(`DROP TABLE IF EXISTS ${CEILING_TABLE}`);
  await dataSource.query(`CREATE TABLE ${CEILING_TABLE} (LIKE tick_data INCLUDING CONSTRAINTS)`);
  await dataSource.query('CHECKPOINT');
  const [{ superuser }] = await dataSource.query(
    'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
  );
  const started = process.hrtime.bigint();
  if (superuser) {
    await dataSource.query(
      `COPY ${CEILING_TABLE} FROM '${file.replace(/'/g, "''")}' (FORMAT binary)`,
    );
  } else {
    const runner = dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await pipeline(
        createReadStream(file, { highWaterMark: 1 << 20 }),
        client.query(copyFrom(`COPY ${CEILING_TABLE} FROM STDIN (FORMAT binary)`)),
      );
    } finally {
      await runner.release();
    }
  }
  return seconds(started);
}

/**
 * Empties the scale run and the base set (tick_data, its bar aggregates and fx_rates have no
 * foreign key to the base set): the next run starts from an empty database.
 */
async function emptyDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('DELETE FROM scale_generator.scale_run');
  const bars = await tickBarViews(dataSource);
  if (bars.length > 0) await dataSource.query(`TRUNCATE ${bars.join(', ')}`);
  await dataSource.query('TRUNCATE issuer, fx_rates, tick_data CASCADE');
  await dataSource.query(`DROP TABLE IF EXISTS ${CEILING_TABLE}`);
}

/**
 * TimescaleDB: the same slice written the way before (ticks into the heap, each month's chunks
 * compressed once loaded) and the way now (direct compress of COPY), one after the other on the
 * same server, with the ratios of now to before.
 */
async function compareCompression(
  dataSource: DataSource,
  profile: ReturnType<typeof resolveScaleProfile>,
): Promise<void> {
  const results: WayResult[] = [];
  for (const way of COMPRESSION_WAYS) {
    await emptyDatabase(dataSource);
    await dataSource.query('CHECKPOINT');
    log(`TimescaleDB, ${way.label}:`);
    const started = process.hrtime.bigint();
    const ticks = await benchScaleRun(dataSource, profile, log, {
      directCompress: way.directCompress,
    });
    results.push({
      label: way.label,
      rows: ticks.rows,
      tickSeconds: ticks.seconds,
      runSeconds: seconds(started),
      parts: ticks.parts ?? {},
      bytes: ticks.tableBytes ?? 0,
    });
  }
  const [before, now] = results;
  const part = (name: string) => (result: WayResult) => result.parts[name] ?? 0;
  const times = (old: number, current: number) => `${(old / current).toFixed(2)}x faster`;
  const rows: {
    measure: string;
    value: (result: WayResult) => number;
    digits: number;
    ratio: (old: number, current: number) => string;
  }[] = [
    {
      measure: 'ticks/s, tick phase end to end',
      value: (r) => r.rows / r.tickSeconds,
      digits: 0,
      ratio: (old, current) => `${(current / old).toFixed(2)}x`,
    },
    { measure: 'tick phase, s', value: (r) => r.tickSeconds, digits: 1, ratio: times },
    { measure: 'load, s', value: part('load'), digits: 1, ratio: times },
    { measure: 'tail after the load, s', value: part('tail'), digits: 1, ratio: times },
    {
      measure: 'compress_chunk, s (second session)',
      value: part('compress'),
      digits: 1,
      ratio: times,
    },
    {
      measure: 'bars refresh, s (second session)',
      value: part('refresh'),
      digits: 1,
      ratio: times,
    },
    {
      measure: 'whole run (base set included), s',
      value: (r) => r.runSeconds,
      digits: 1,
      ratio: times,
    },
    {
      measure: 'bytes per tick row (tick_data in all)',
      value: (r) => r.bytes / r.rows,
      digits: 1,
      ratio: (old, current) => `${(current / old).toFixed(2)}x the size`,
    },
  ];
  const format = (figure: number, digits: number) =>
    figure.toLocaleString('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  log('');
  log(
    `TimescaleDB tick load, ${now.rows.toLocaleString('en-US')} ticks (profile ${profile.name}, ${profile.securities} securities, ${profile.from} .. ${profile.to}), one run:`,
  );
  log(`| measure | ${before.label} | ${now.label} | now vs before |`);
  log('| --- | --- | --- | --- |');
  for (const { measure, value, digits, ratio } of rows) {
    const [old, current] = [value(before), value(now)];
    log(
      `| ${measure} | ${format(old, digits)} | ${format(current, digits)} | ${old > 0 && current > 0 ? ratio(old, current) : '-'} |`,
    );
  }
}

async function bench(options: BenchOptions) {
  const profile = resolveScaleProfile(options.profile, {
    seed: options.seed,
    securities: options.securities,
    from: options.from,
    to: options.to,
  });
  const config = loadConfigFromEnvironment();
  const target = benchDatabaseTarget(process.env, options);
  installSignalHandlers();
  const { server, dataSource } = await openOwnerDatabase(config, {
    log,
    settings: BULK_LOAD_SETTINGS,
    target,
    applicationName: 'securities-tick-bench',
    poolSize: 4,
  });
  const { host, port, database } = server.connection;
  log(
    `Benchmark database: ${database} on ${host}:${port}${target.kind === 'embedded' ? ` (its own server, ${target.dataDir})` : ' (--erase-database)'}`,
  );
  await migrateUp(dataSource);
  if ((await installedTickStorage(dataSource)) === 'timescaledb') {
    await compareCompression(dataSource, profile);
    return;
  }
  // A fresh run every time, from an empty database: runScale then loads the base set first.
  await emptyDatabase(dataSource);

  log(
    `Tick benchmark: profile ${profile.name}, ${profile.securities} securities, ${profile.from} .. ${profile.to}, seed ${profile.seed}`,
  );
  const ticks = await benchScaleRun(dataSource, profile, log);
  const [{ heap, indexes }] = await dataSource.query(`
    SELECT sum(pg_table_size(relid))::bigint AS heap, sum(pg_indexes_size(relid))::bigint AS indexes
    FROM pg_partition_tree('tick_data'::regclass)`);

  // The server reads the file itself: beside its own data folder, or in the system's temp folder.
  const dir =
    target.kind === 'embedded' ? join(dirname(target.dataDir), 'tick-bench-files') : tmpdir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ticks.copy');
  log(
    `Writing the same ${ticks.rows.toLocaleString('en-US')} rows to ${file} for the ceiling (not timed)`,
  );
  const fileRows = await writeCopyFile(dataSource, profile, file);
  const fileBytes = statSync(file).size;
  log('COPY of the file into an unindexed table (the ceiling)');
  const ceilingSeconds = await copyCeiling(dataSource, file);
  rmSync(file, { force: true });
  await dataSource.query(`DROP TABLE ${CEILING_TABLE}`);

  const ours = ticks.rows / ticks.seconds;
  const ceiling = fileRows / ceilingSeconds;
  const rows = ticks.rows;
  log('');
  log(
    `Tick load, end to end (generate + COPY + unique index): ${rows.toLocaleString('en-US')} rows in ${ticks.seconds.toFixed(1)} s = ${Math.round(ours).toLocaleString('en-US')} rows/s  (${ticks.note})`,
  );
  log(
    `Storage: heap ${(Number(heap) / rows).toFixed(1)} + index ${(Number(indexes) / rows).toFixed(1)} = ${((Number(heap) + Number(indexes)) / rows).toFixed(1)} bytes/row`,
  );
  log(
    `Ceiling, PostgreSQL COPY from a file into an unindexed table: ${fileRows.toLocaleString('en-US')} rows (${(fileBytes / fileRows).toFixed(1)} bytes/row in the file) in ${ceilingSeconds.toFixed(1)} s = ${Math.round(ceiling).toLocaleString('en-US')} rows/s`,
  );
  log(`Ratio end to end / ceiling: ${(ours / ceiling).toFixed(2)}`);
}

const program = withProfileOptions(
  createCliProgram(
    'tick-bench',
    'Tick generation into the indexed tick table, against PostgreSQL COPY from a file, on its own server; on TimescaleDB (--database-url) the tick load before and after direct compress of COPY',
  ),
)
  .option(
    '--database-url <url>',
    'run on this database instead of its own embedded server (needs --erase-database)',
  )
  .option('--erase-database', 'confirm that --database-url may be emptied')
  .action(bench);

if (require.main === module) {
  void runProgram('tick-bench', program);
}
