import { grownUniverseRows } from '@securities/generator-core';
import {
  AppConfig,
  ConnectionSettings,
  createDataSource,
  DatabaseTarget,
  installSignalHandlers,
  loadConfigFromEnvironment,
  migrateUp,
  openOwnerDatabase,
  readonlyConnection,
  registerCleanup,
  runProgram,
  workspaceRoot,
} from '@securities/database';
import { freePort } from '@securities/database/testing';
import { generateAndLoadBaseSet } from '@securities/data-setup';
import { createCliProgram, createLogger, positiveInt, seedInt } from '@securities/logging';
import {
  attributeBetween,
  AttributionWindow,
  periodInputStatements,
} from '@securities/portfolio-data';
import {
  BULK_LOAD_SETTINGS,
  createProgressBar,
  formatPhaseSummary,
  resolveScaleProfile,
  runScale,
} from '@securities/scale-generator';
import { join } from 'node:path';
import { Client } from 'pg';
import { startApiProcess } from './api-process';
import { DataSource } from 'typeorm';

/** The benchmark's own data: an embedded server of its own, or its own database on a configured one. */
const BENCH_DATA_DIR = '.data/variance-bench';
const BENCH_PORT_OFFSET = 20;
const BENCH_DATABASE_SUFFIX = '_variance_bench';
/** Quarters in "one year" of attribution. */
const YEAR_QUARTERS = 4;

const logger = createLogger({ name: 'variance-bench' });
const log = (message: string): void => logger.info(message);

/** Never the configured database itself: a benchmark only uses data it created. */
async function benchTarget(target: DatabaseTarget): Promise<DatabaseTarget> {
  if (target.kind === 'embedded') {
    return {
      ...target,
      dataDir: join(workspaceRoot, BENCH_DATA_DIR),
      port: target.port + BENCH_PORT_OFFSET,
    };
  }
  const database = `${target.database}${BENCH_DATABASE_SUFFIX}`;
  const admin = new Client({ ...target });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  return { ...target, database };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The rows the attribution reads, by plain SQL: the very statements it runs, nothing else. */
async function readInputsBySql(client: Client, window: AttributionWindow): Promise<void> {
  const statements = periodInputStatements(window);
  const positions = await client.query(statements.positions);
  const securities = [...new Set(positions.rows.map((row) => row.security_id as string))];
  await client.query(statements.actions(securities));
}

/** The API as its own process over the benchmark's database. */
async function startApi(owner: ConnectionSettings, config: AppConfig, port: number) {
  const url = `postgresql://${encodeURIComponent(owner.user)}:${encodeURIComponent(owner.password)}@${owner.host}:${owner.port}/${owner.database}`;
  await startApiProcess(port, {
    DATABASE_URL: url,
    POSTGRES_READONLY_USER: config.readonlyRole.user,
    POSTGRES_READONLY_PASSWORD: config.readonlyRole.password,
  });
}

interface WindowResult {
  name: string;
  window: AttributionWindow;
  positions: number;
  apiMs: number;
  libraryMs: number;
  sqlMs: number;
}

async function measureWindow(
  name: string,
  window: AttributionWindow,
  baseUrl: string,
  reader: DataSource,
  client: Client,
  options: { requests: number; warmUp: number },
): Promise<WindowResult> {
  const url = `${baseUrl}/api/variance/portfolio/${window.portfolioId}?from=${window.from}&to=${window.to}`;
  const request = async () => {
    const response = await fetch(url);
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  };
  const api: number[] = [];
  const library: number[] = [];
  const sql: number[] = [];
  // Interleaved, so the three see the same machine: it is shared, and its load drifts.
  for (let i = 0; i < options.warmUp + options.requests; i++) {
    const round = [
      await timed(request),
      await timed(() => attributeBetween(reader, window)),
      await timed(() => readInputsBySql(client, window)),
    ];
    if (i < options.warmUp) continue;
    api.push(round[0]);
    library.push(round[1]);
    sql.push(round[2]);
  }
  const { details } = (await request()) as { details: unknown[] };
  return {
    name,
    window,
    positions: details.length,
    apiMs: median(api),
    libraryMs: median(library),
    sqlMs: median(sql),
  };
}

/** The latest quarter and the latest four, as variance_quarterly dates them. */
async function windows(db: DataSource, portfolioId: string) {
  const quarters: { period_from: string; period_to: string }[] = await db.query(
    `SELECT DISTINCT quarter_label, period_from::text, period_to::text FROM variance_quarterly
     ORDER BY quarter_label DESC LIMIT ${YEAR_QUARTERS}`,
  );
  if (quarters.length < YEAR_QUARTERS) {
    throw new Error(
      `the profile holds ${quarters.length} quarter(s); one year needs ${YEAR_QUARTERS} (use --profile medium or full)`,
    );
  }
  const to = quarters[0].period_to;
  return [
    { name: 'one quarter', window: { from: quarters[0].period_from, to, portfolioId } },
    {
      name: 'one year',
      window: { from: quarters[YEAR_QUARTERS - 1].period_from, to, portfolioId },
    },
  ];
}

async function bench(options: { profile: string; seed: number; requests: number; warmUp: number }) {
  installSignalHandlers();
  const profile = resolveScaleProfile(options.profile, { seed: options.seed });
  const config: AppConfig = loadConfigFromEnvironment();
  const target = await benchTarget(config.database);
  const { server, dataSource } = await openOwnerDatabase(config, {
    log,
    settings: BULK_LOAD_SETTINGS,
    target,
    applicationName: 'securities-variance-bench',
    poolSize: 4,
  });
  await migrateUp(dataSource);
  log(
    `Variance benchmark: profile ${profile.name} (${profile.from} .. ${profile.to}), seed ${profile.seed}`,
  );
  // Resumable: a second run finds the profile complete and generates nothing.
  const progress = createProgressBar(log);
  const summaries = await runScale({
    dataSource,
    profile,
    ensureBaseSet: async (seed) =>
      void (await generateAndLoadBaseSet({ dataSource, seed, progress })),
    growUniverse: grownUniverseRows,
    progress,
    log,
  });
  if (summaries.length) log(formatPhaseSummary(summaries));

  const [{ portfolio_id: portfolioId, positions }] = await dataSource.query(
    `SELECT portfolio_id, count(*)::int AS positions FROM holdings_history
     GROUP BY portfolio_id ORDER BY count(*) DESC, portfolio_id LIMIT 1`,
  );
  const reading = readonlyConnection(config, server.connection);
  const reader = createDataSource(config, reading, {
    applicationName: 'securities-variance-bench',
  });
  await reader.initialize();
  registerCleanup(() => reader.destroy());
  const client = new Client({ ...reading, application_name: 'securities-variance-bench-sql' });
  await client.connect();
  registerCleanup(() => client.end());
  const port = await freePort();
  await startApi(server.connection, config, port);

  log(
    `\nLargest portfolio: ${portfolioId} (${positions.toLocaleString('en-US')} daily holdings). ` +
      `Each measure is the median of ${options.requests} sequential runs after ${options.warmUp} unmeasured ones, interleaved:`,
  );
  log(
    '  API:             GET /api/variance/portfolio/{id}?from=&to= over HTTP (validation, 4 queries, maths, JSON)',
  );
  log('  attributeBetween: the shared function in process (its 2 queries + the variance maths)');
  log('  plain SQL:        the same 2 statements through a pg client, rows returned and parsed\n');
  const results: WindowResult[] = [];
  for (const { name, window } of await windows(dataSource, portfolioId)) {
    results.push(
      await measureWindow(name, window, `http://127.0.0.1:${port}`, reader, client, options),
    );
  }
  log('| window | dates | positions | API ms | attributeBetween ms | plain SQL ms | API / SQL |');
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    log(
      `| ${r.name} | ${r.window.from} .. ${r.window.to} | ${r.positions} | ${r.apiMs.toFixed(2)} | ${r.libraryMs.toFixed(2)} | ` +
        `${r.sqlMs.toFixed(2)} | ${(r.apiMs / r.sqlMs).toFixed(2)} |`,
    );
  }
  log('');
  for (const r of results) {
    const share = (ms: number) => `${((100 * ms) / r.apiMs).toFixed(0)} %`;
    log(
      `${r.name}: of the request, reading the rows ${share(r.sqlMs)}, the maths (attributeBetween - SQL) ` +
        `${share(r.libraryMs - r.sqlMs)}, HTTP + validation + the 2 lookups + summary + JSON ${share(r.apiMs - r.libraryMs)}`,
    );
  }
}

const program = createCliProgram(
  'variance-bench',
  'Time the attribution between two dates for the largest portfolio (one quarter, one year) against reading its input rows by plain SQL',
)
  .option('--profile <name>', 'scale profile to generate (resumable) and measure on', 'medium')
  .option('--seed <int>', 'random seed', seedInt, 42)
  .option('--requests <n>', 'measured runs per window and side', positiveInt, 50)
  .option('--warm-up <n>', 'unmeasured runs first', positiveInt, 10)
  .action(bench);

void runProgram('variance-bench', program);
