import {
  createServerDatabase,
  databaseUrl,
  dropServerDatabase,
  installSignalHandlers,
  loadConfig,
  migrateUp,
  openOwnerDatabase,
  registerCleanup,
  runProgram,
  serverNodes,
  ServerNodes,
  withClient,
} from '@securities/database';
import {
  resolveScaleProfile,
  SCALE_RUN_TABLES,
  tableBytes,
  tradingDays,
} from '@securities/scale-generator';
import { createCliProgram, createLogger, positiveInt } from '@securities/logging';
import { benchScaleRun, withProfileOptions } from './bench-scale';
import { countRows, seedOneDayTickQuery, warmMedianMs } from './query-timing';

const logger = createLogger({ name: 'citus-bench' });
const log = (message: string): void => logger.info(message);

/** The benchmark's own databases on the Citus server; it drops them when it ends. */
const SINGLE_NODE_DATABASE = 'citus_bench_single';
const DISTRIBUTED_DATABASE = 'citus_bench_distributed';
/**
 * Each database's own read-only role. A role belongs to the whole server: one shared by both would
 * be created by the plain database's migrations on the coordinator alone, and the distributed
 * database's grants to it would then fail on the workers, which never saw it.
 */
const readerOf = (database: string) => `${database}_reader`;
const WARM_UP_QUERIES = 5;

interface BenchOptions {
  profile: string;
  securities?: number;
  from?: string;
  to?: string;
  seed: number;
  citusUrl?: string;
  queries: number;
}

interface EngineResult {
  label: string;
  ticks: number;
  tickSeconds: number;
  bytes: number;
  queryMs: number;
}

/** The scale run of `profile` into a fresh database, then the one-day query, timed. */
async function benchEngine(
  label: string,
  url: string,
  profile: ReturnType<typeof resolveScaleProfile>,
  queries: number,
): Promise<EngineResult> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    POSTGRES_READONLY_USER: readerOf(new URL(url).pathname.slice(1)),
    POSTGRES_READONLY_PASSWORD: 'bench',
  });
  const { dataSource } = await openOwnerDatabase(config, {
    log,
    target: config.database,
    applicationName: 'securities-citus-bench',
  });
  try {
    await migrateUp(dataSource);
    log(
      `${label}: profile ${profile.name}, ${profile.securities} securities, ${profile.from} .. ${profile.to}, seed ${profile.seed}`,
    );
    const ticks = await benchScaleRun(dataSource, profile, log);
    let bytes = 0;
    for (const table of SCALE_RUN_TABLES) bytes += await tableBytes(dataSource, table);
    const days = tradingDays(profile);
    const day = days.includes('2025-03-28') ? '2025-03-28' : days[days.length - 1];
    const sql = seedOneDayTickQuery('SEC-0001', day);
    await countRows(dataSource, sql);
    const queryMs = await warmMedianMs(() => dataSource.query(sql), queries, WARM_UP_QUERIES);
    return { label, ticks: ticks.rows, tickSeconds: ticks.seconds, bytes, queryMs };
  } finally {
    await dataSource.destroy();
  }
}

async function bench(options: BenchOptions) {
  const profile = resolveScaleProfile(options.profile, {
    seed: options.seed,
    securities: options.securities,
    from: options.from,
    to: options.to,
  });
  const adminUrl = options.citusUrl ?? process.env.CITUS_URL;
  if (!adminUrl)
    throw new Error(
      '--citus-url (or CITUS_URL): the admin database of a Citus coordinator with workers, e.g. the DATABASE_URL `citus/start-cluster` prints',
    );
  installSignalHandlers();
  const cluster = await serverNodes(adminUrl);
  if (cluster.workers.length === 0)
    throw new Error(
      `${new URL(adminUrl).host} is not a Citus coordinator (no citus extension in its admin database)`,
    );
  // The single-node database lives on the coordinator only, without the extension: plain
  // PostgreSQL on the same binaries, settings and disk.
  const single: ServerNodes = { coordinator: adminUrl, workers: [] };
  const databases: [ServerNodes, string][] = [
    [single, SINGLE_NODE_DATABASE],
    [cluster, DISTRIBUTED_DATABASE],
  ];
  // Its own databases and roles only (fixed names): a previous run's, if it was killed, are replaced.
  const dropDatabasesAndRoles = async () => {
    for (const [nodes, name] of databases) await dropServerDatabase(nodes, name);
    // On every node: Citus propagated the distributed database's role to the workers.
    for (const node of [cluster.coordinator, ...cluster.workers])
      await withClient(node, async (admin) => {
        for (const [, name] of databases)
          await admin.query(`DROP ROLE IF EXISTS ${readerOf(name)}`);
      });
  };
  await dropDatabasesAndRoles();
  registerCleanup(dropDatabasesAndRoles);
  for (const [nodes, name] of databases) await createServerDatabase(nodes, name);

  const results = [
    await benchEngine(
      'PostgreSQL, one node',
      databaseUrl(adminUrl, SINGLE_NODE_DATABASE),
      profile,
      options.queries,
    ),
    await benchEngine(
      `Citus, coordinator + ${cluster.workers.length} workers`,
      databaseUrl(adminUrl, DISTRIBUTED_DATABASE),
      profile,
      options.queries,
    ),
  ];
  const [plain, citus] = results;
  log('');
  log(
    `All nodes share this machine's cores: the figures show what distribution costs here, not what more servers would gain.`,
  );
  for (const result of results)
    log(
      `${result.label}: ticks ${result.ticks.toLocaleString('en-US')} in ${result.tickSeconds.toFixed(1)} s = ${Math.round(result.ticks / result.tickSeconds).toLocaleString('en-US')} rows/s; scale tables ${(result.bytes / 1024 ** 3).toFixed(2)} GB; one-day tick query median ${result.queryMs.toFixed(2)} ms (${options.queries} runs)`,
    );
  log(
    `Ratio Citus / PostgreSQL: ticks/s ${(citus.ticks / citus.tickSeconds / (plain.ticks / plain.tickSeconds)).toFixed(2)}, one-day query time ${(citus.queryMs / plain.queryMs).toFixed(2)}, disk ${(citus.bytes / plain.bytes).toFixed(2)}`,
  );
}

const program = withProfileOptions(
  createCliProgram(
    'citus-bench',
    'The scale run and the one-day tick query on Citus (coordinator + workers) vs plain PostgreSQL on the same server',
  ),
)
  .option('--citus-url <url>', 'admin database of the Citus coordinator (default: CITUS_URL)')
  .option('--queries <n>', 'timed runs of the one-day query on each', positiveInt, 50)
  .action(bench);

if (require.main === module) {
  void runProgram('citus-bench', program);
}
