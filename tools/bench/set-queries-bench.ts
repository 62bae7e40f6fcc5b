import { createCliProgram, createLogger, positiveInt } from '@securities/logging';
import {
  installedTickStorage,
  installSignalHandlers,
  isCitusDatabase,
  loadConfigFromEnvironment,
  openOwnerDatabase,
  runProgram,
  TickStorage,
} from '@securities/database';
import {
  barSourceFor,
  DAILY_BARS_SQL,
  dayTotalsSql,
  readBarAggregates,
} from '@securities/market-sql';
import { tableBytes } from '@securities/scale-generator';
import { DataSource } from 'typeorm';
import { countRows, seedOneDayTickQuery, warmMedianMs } from './query-timing';

/**
 * What a database holding a scale run gives its readers, measured on it as it is: tick_data's bytes
 * per row (heap, indexes and, on TimescaleDB, the compressed batches), the seed's one-day tick
 * query with its EXPLAIN and the chunks or partitions it read, and a one-year daily-bar query as
 * the API runs it; warm medians. Reads only.
 */
const WARM_UPS = 3;
/** The API's default bar limit: a year of days fits. */
const DAILY_BAR_LIMIT = 5000;

const logger = createLogger({ name: 'bench-queries' });
const log = (message: string): void => logger.info(message);
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const count = (value: number) => value.toLocaleString('en-US');

interface Options {
  security: string;
  day?: string;
  runs: number;
}

/** tick_data's storage split by kind, where the engine tells it; the total is tableBytes'. */
async function tickStorage(
  db: DataSource,
  storage: TickStorage,
): Promise<{ label: string; bytes: number }[]> {
  if (await isCitusDatabase(db)) return [];
  if (storage === 'timescaledb') {
    const [size] = await db.query(
      `SELECT table_bytes::bigint AS heap, index_bytes::bigint AS indexes, toast_bytes::bigint AS toast
       FROM hypertable_detailed_size('tick_data')`,
    );
    return [
      { label: "heap (the compressed batches' rows)", bytes: Number(size.heap) },
      { label: "TOAST (the batches' compressed columns)", bytes: Number(size.toast) },
      { label: 'indexes', bytes: Number(size.indexes) },
    ];
  }
  const [size] = await db.query(
    `SELECT sum(pg_table_size(relid))::bigint AS heap, sum(pg_indexes_size(relid))::bigint AS indexes
     FROM pg_partition_tree('tick_data'::regclass) WHERE isleaf`,
  );
  return [
    { label: 'heap and TOAST', bytes: Number(size.heap) },
    { label: 'indexes', bytes: Number(size.indexes) },
  ];
}

/** The names of tick_data's chunks (TimescaleDB) or partitions a plan scanned. */
async function tickRelationsRead(
  db: DataSource,
  storage: TickStorage,
  plan: unknown,
): Promise<string[]> {
  const scanned = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node['Relation Name'] === 'string') scanned.add(node['Relation Name']);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(plan as Record<string, unknown>);
  const leaves: { name: string }[] = await db.query(
    storage === 'timescaledb'
      ? `SELECT chunk_name AS name FROM timescaledb_information.chunks WHERE hypertable_name = 'tick_data'`
      : `SELECT relid::regclass::text AS name FROM pg_partition_tree('tick_data'::regclass) WHERE isleaf`,
  );
  return leaves.map((leaf) => leaf.name).filter((name) => scanned.has(name));
}

async function bench(options: Options): Promise<void> {
  installSignalHandlers();
  const { dataSource: db } = await openOwnerDatabase(loadConfigFromEnvironment(), {
    applicationName: 'securities-bench-queries',
  });
  const storage = await installedTickStorage(db);
  const [span] = await db.query(
    `SELECT min(price_date)::text AS first, max(price_date)::text AS last,
            (max(price_date) - interval '1 year' + interval '1 day')::date::text AS year_from,
            (max(price_date) + 1)::text AS until
     FROM pricing_history WHERE security_id = $1`,
    [options.security],
  );
  if (!span.last)
    throw new Error(`${options.security} has no pricing_history: is a scale run in this database?`);
  const day = options.day ?? span.last;

  log(`tick_data: counting its rows (on the full profile this reads every chunk once) ...`);
  const countStarted = process.hrtime.bigint();
  const [{ rows }] = await db.query(`SELECT count(*)::bigint AS rows FROM tick_data`);
  const ticks = Number(rows);
  if (ticks === 0) throw new Error('tick_data is empty: run generator:scale first');
  const countSeconds = Number(process.hrtime.bigint() - countStarted) / 1e9;
  const total = await tableBytes(db, 'tick_data');
  log(
    `tick_data: ${count(ticks)} rows (counted in ${countSeconds.toFixed(1)} s), ${gb(total)} = ${(total / ticks).toFixed(1)} bytes per row`,
  );
  for (const { label, bytes } of await tickStorage(db, storage))
    log(
      `  ${label.padEnd(48)}${gb(bytes).padStart(10)}${`${(bytes / ticks).toFixed(1)} B/row`.padStart(14)}`,
    );
  if (storage === 'timescaledb') {
    const [chunks] = await db.query(
      `SELECT count(*)::int AS chunks, count(*) FILTER (WHERE is_compressed)::int AS compressed
       FROM timescaledb_information.chunks WHERE hypertable_name = 'tick_data'`,
    );
    log(`  chunks: ${chunks.chunks}, compressed: ${chunks.compressed}`);
  }

  const oneDay = seedOneDayTickQuery(options.security, day);
  const dayRows = await countRows(db, oneDay);
  const dayMs = await warmMedianMs(() => db.query(oneDay), options.runs, WARM_UPS);
  const [
    {
      'QUERY PLAN': [jsonPlan],
    },
  ] = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${oneDay}`);
  const read = await tickRelationsRead(db, storage, jsonPlan.Plan);
  log('');
  log(
    `The seed's one-day tick query, ${options.security} on ${day}: ${count(dayRows)} rows, warm median ${dayMs.toFixed(2)} ms (${options.runs} runs); tick_data ${read.length === 1 ? 'chunk' : 'chunks/partitions'} read: ${read.length} (${read.join(', ')})`,
  );
  log(oneDay);
  const textPlan: { 'QUERY PLAN': string }[] = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${oneDay}`,
  );
  for (const line of textPlan) log(line['QUERY PLAN']);

  // GET /api/securities/{id}/bars?interval=1d over a year: the days, then their ticks' totals
  // from the coarsest bar aggregate (tick_data where there is none), as BarsService reads them.
  const source = barSourceFor('1d', (await readBarAggregates(db)).usable);
  const daily = DAILY_BARS_SQL('ASC');
  const dailyParams = [options.security, span.year_from, span.until, DAILY_BAR_LIMIT];
  const totals = dayTotalsSql(source);
  const totalsParams = [options.security, span.year_from, span.until];
  const barRows = await countRows(db, daily, dailyParams);
  const yearMs = await warmMedianMs(
    async () => {
      await db.query(daily, dailyParams);
      await db.query(totals, totalsParams);
    },
    options.runs,
    WARM_UPS,
  );
  log('');
  log(
    `One year of daily bars, ${options.security} ${span.year_from} .. ${span.last}: ${barRows} bars (pricing_history, day totals from ${source.relation}), warm median ${yearMs.toFixed(2)} ms for both statements (${options.runs} runs)`,
  );
  await db.destroy();
}

const program = createCliProgram(
  'bench-queries',
  "On the database's scale run as it is: tick_data's bytes per row, the seed's one-day tick query (warm, EXPLAIN, chunks read) and a one-year daily-bar query",
)
  .option('--security <id>', 'the security the queries read', 'SEC-0001')
  .option('--day <date>', "the one-day query's day (default: the security's last day)")
  .option('--runs <n>', 'timed runs of each query', positiveInt, 21)
  .action(bench);

void runProgram('bench-queries', program);
