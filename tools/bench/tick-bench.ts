import {
  DatabaseTarget,
  installSignalHandlers,
  loadConfigFromEnvironment,
  migrateUp,
  openOwnerDatabase,
  runCleanups,
  workspaceRoot,
} from '@securities/database';
import { generateAndLoadBaseSet } from '@securities/data-setup';
import {
  buildMarketFactors,
  BULK_LOAD_SETTINGS,
  createProgressBar,
  formatPhaseSummary,
  loadScaleSecurities,
  resolveScaleProfile,
  runScale,
  scaleLedger,
  TickCopyEncoder,
  tickChunks,
  tickMonths,
  tickSources,
  tradingDays,
} from '@securities/scale-generator';
import { Command } from 'commander';
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
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';

/** The benchmark's own embedded server, so its settings apply and the dev database is untouched. */
const BENCH_DATA_DIR = '.data/tick-bench';
const BENCH_PORT_OFFSET = 10;
const CEILING_TABLE = 'tick_bench_ceiling';

const log = (message: string): void => void process.stdout.write(`${message}\n`);
const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

function benchTarget(target: DatabaseTarget): DatabaseTarget {
  return target.kind === 'embedded'
    ? {
        ...target,
        dataDir: join(workspaceRoot, BENCH_DATA_DIR),
        port: target.port + BENCH_PORT_OFFSET,
      }
    : target;
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

async function bench(options: {
  profile: string;
  securities?: string;
  seed: string;
  keep?: boolean;
}) {
  const profile = resolveScaleProfile(options.profile, {
    seed: Number(options.seed),
    securities: options.securities ? Number(options.securities) : undefined,
  });
  const config = loadConfigFromEnvironment();
  installSignalHandlers();
  const { server, dataSource } = await openOwnerDatabase(config, {
    log,
    settings: BULK_LOAD_SETTINGS,
    target: benchTarget(config.database),
    applicationName: 'securities-tick-bench',
    poolSize: 4,
  });
  await migrateUp(dataSource);
  // A fresh run every time, from an empty database: runScale then loads the base set first.
  await dataSource.query('DELETE FROM scale_generator.scale_run');
  await dataSource.query('TRUNCATE issuer CASCADE');
  await dataSource.query(`DROP TABLE IF EXISTS ${CEILING_TABLE}`);

  log(
    `Tick benchmark: profile ${profile.name}, ${profile.securities} securities, ${profile.from} .. ${profile.to}, seed ${profile.seed}`,
  );
  const summaries = await runScale({
    dataSource,
    profile,
    ensureBaseSet: async (seed) => void (await generateAndLoadBaseSet({ dataSource, seed })),
    progress: createProgressBar(log),
    log,
  });
  log(formatPhaseSummary(summaries));
  const ticks = summaries.find((summary) => summary.phase === 'tick_data');
  if (!ticks) throw new Error('the run wrote no tick_data phase');
  const [{ heap, indexes }] = await dataSource.query(`
    SELECT sum(pg_table_size(relid))::bigint AS heap, sum(pg_indexes_size(relid))::bigint AS indexes
    FROM pg_partition_tree('tick_data'::regclass)`);

  const dir =
    server.connection.host === '127.0.0.1' && config.database.kind === 'embedded'
      ? join(workspaceRoot, BENCH_DATA_DIR, '..', 'tick-bench-files')
      : tmpdir();
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

const program = new Command('tick-bench')
  .description('Tick generation into the indexed tick table, against PostgreSQL COPY from a file')
  .option('--profile <name>', 'scale profile (medium = 61 M ticks)', 'medium')
  .option('--securities <n>', 'override the profile securities')
  .option('--seed <int>', 'random seed', '42')
  .action(bench);

program
  .parseAsync()
  .then(() => runCleanups())
  .catch(async (error: Error) => {
    process.stderr.write(`tick-bench: ${error.message}\n`);
    await runCleanups();
    process.exitCode = 1;
  });
