import autocannon from 'autocannon';
import { createCliProgram, createLogger, positiveInt } from '@securities/logging';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  ConnectionSettings,
  ensureDatabaseServer,
  installSignalHandlers,
  loadConfigFromEnvironment,
  readonlyConnection,
  registerCleanup,
  runCleanups,
  runProgram,
} from '@securities/database';
import { createHotStandby, freePort, makeServerDir } from '@securities/database/testing';
import { Client } from 'pg';
import { startApiProcess } from './api-process';
import {
  BENCH_ENDPOINTS,
  BenchEndpoint,
  marketDataEndpoints,
  tickStreamBench,
} from './api-endpoints';

interface Measure {
  perSecond: number;
  p99Ms: number;
}

const WARM_UP_SECONDS = 2;
const execFileAsync = promisify(execFile);

const logger = createLogger({ name: 'api-bench' });
const log = (message: string): void => logger.info(message);

/** A duration wrk prints (`812.00us`, `12.40ms`, `2.61s`) in milliseconds. */
function wrkMilliseconds(value: string, unit: string): number {
  return Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[unit];
}

/**
 * Loads one URL with wrk: a C client on two threads, as pgbench, which it is compared with, is a
 * C client on two (-j 2). autocannon, a Node.js client, took about a core of this 2-core machine
 * away from the API at small answers: health measured 13,200 req/s with it and 18,100 with wrk,
 * back to back on the same API (2026-11-30). A 30 s timeout: a slow answer is a latency, not an
 * error (wrk's default gives up after 2 s).
 */
async function loadApi(url: string, connections: number, seconds: number): Promise<Measure> {
  const { stdout } = await execFileAsync(
    'wrk',
    [
      '-t',
      '2',
      '-c',
      String(connections),
      '-d',
      `${seconds}s`,
      '--timeout',
      '30s',
      '--latency',
      url,
    ],
    { encoding: 'utf8' },
  );
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(stdout);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  const errors = /Socket errors: (.*)/.exec(stdout)?.[1];
  if (non2xx > 0 || errors !== undefined)
    throw new Error(
      `${url}: ${non2xx} answers that were not 2xx${errors ? `, socket errors (${errors})` : ''} under load`,
    );
  if (!Number.isFinite(perSecond) || !p99)
    throw new Error(`${url}: cannot read wrk's output:\n${stdout}`);
  return { perSecond, p99Ms: wrkMilliseconds(p99[1], p99[2]) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function loadPgbench(
  endpoint: BenchEndpoint,
  db: ConnectionSettings,
  connections: number,
  seconds: number,
): Measure {
  const dir = mkdtempSync(join(tmpdir(), 'securities-pgbench-'));
  try {
    const script = join(dir, 'endpoint.sql');
    writeFileSync(
      script,
      endpoint.sql.map((sql) => `${sql.replace(/\s+/g, ' ').trim()};`).join('\n') + '\n',
    );
    const output = execFileSync(
      'pgbench',
      [
        '-n',
        '-c',
        String(connections),
        '-j',
        '2',
        '-T',
        String(seconds),
        '-f',
        script,
        '-l',
        '--log-prefix',
        join(dir, 'tx'),
        '-h',
        db.host,
        '-p',
        String(db.port),
        '-U',
        db.user,
        db.database,
      ],
      {
        env: { ...process.env, PGPASSWORD: db.password },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1]);
    // Per-transaction log lines: client transaction_no latency_us script epoch epoch_us.
    const latenciesUs = readdirSync(dir)
      .filter((file) => file.startsWith('tx'))
      .flatMap((file) => readFileSync(join(dir, file), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]))
      .sort((a, b) => a - b);
    return { perSecond: tps, p99Ms: percentile(latenciesUs, 99) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SEC-0001's days with bars, the last one being the day the market-data endpoints read. */
async function benchMarketDay(db: ConnectionSettings) {
  const client = new Client(db);
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT min(price_date) AS first_day, max(price_date) AS last_day FROM pricing_history WHERE security_id = 'SEC-0001'`,
    );
    const { first_day: firstDay, last_day: lastDay } = rows[0];
    return firstDay === null
      ? undefined
      : { day: lastDay as string, firstDay: firstDay as string, lastDay: lastDay as string };
  } finally {
    await client.end();
  }
}

const STREAM_RUNS = 3;

/** Rows per second of one full read of `read` (the median of STREAM_RUNS runs). */
async function medianRowsPerSecond(
  read: () => Promise<number>,
): Promise<{ rows: number; perSecond: number }> {
  const runs: { rows: number; perSecond: number }[] = [];
  for (let i = 0; i < STREAM_RUNS; i++) {
    const started = process.hrtime.bigint();
    const rows = await read();
    runs.push({ rows, perSecond: rows / (Number(process.hrtime.bigint() - started) / 1e9) });
  }
  return runs.sort((a, b) => a.perSecond - b.perSecond)[Math.floor(STREAM_RUNS / 2)];
}

const countLines = (text: string | Buffer) => {
  let lines = 0;
  for (const byte of Buffer.isBuffer(text) ? text : Buffer.from(text)) if (byte === 10) lines += 1;
  return lines;
};

/** The CSV stream through the API against psql's COPY TO STDOUT of the same rows, rows/s. */
async function benchTickStream(
  port: number,
  db: ConnectionSettings,
  year: string,
): Promise<string> {
  const stream = tickStreamBench(year);
  const viaApi = await medianRowsPerSecond(async () => {
    const response = await fetch(`http://127.0.0.1:${port}${stream.path}`);
    if (response.status !== 200) throw new Error(`${stream.path}: HTTP ${response.status}`);
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
      lines += countLines(Buffer.from(chunk));
    return lines - 1;
  });
  const direct = await medianRowsPerSecond(async () => {
    const output = execFileSync(
      'psql',
      [
        '-X',
        '-q',
        '-h',
        db.host,
        '-p',
        String(db.port),
        '-U',
        db.user,
        '-d',
        db.database,
        '-c',
        stream.copySql.replace(/\s+/g, ' '),
      ],
      { env: { ...process.env, PGPASSWORD: db.password }, maxBuffer: 1 << 30 },
    );
    return countLines(output) - 1;
  });
  return (
    `| ${stream.name} (${viaApi.rows.toLocaleString('en-US')} rows) | ${viaApi.perSecond.toFixed(0)} rows/s | | ` +
    `${direct.perSecond.toFixed(0)} rows/s (psql COPY) | | ${(viaApi.perSecond / direct.perSecond).toFixed(2)} |`
  );
}

/** Installs a Debian package (as root, with apt-get) when its command is missing. */
function ensureCommand(command: string, debianPackage: string): void {
  try {
    execFileSync('bash', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    if (process.getuid?.() !== 0)
      throw new Error(`${command} not found: install ${debianPackage}.`);
    log(`Installing ${debianPackage} for ${command} (apt-get) ...`);
    execFileSync(
      'bash',
      [
        '-c',
        `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${debianPackage} >/dev/null`,
      ],
      { stdio: 'inherit' },
    );
  }
}

/** The p99 the API must keep at 32 connections (issue 15). */
const P99_GOAL_MS = 50;
/** The soak run's memory goal: every API process's RSS grows less than this after warm-up. */
const RSS_GROWTH_GOAL = 0.1;
const RSS_SAMPLE_SECONDS = 5;

interface BenchOptions {
  connections: number;
  duration: number;
  soak?: number;
  soakConnections: number;
  replica?: boolean;
  only?: string[];
}

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The API's processes: the primary and its workers. */
function apiProcesses(primary: number): number[] {
  const children = readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return [primary, ...children];
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The endpoints of the base set, and the market-data ones when there are bars to read. */
/** Whether `--only` (words, any of them, case-insensitive) selects the endpoint `name`. */
function selected(name: string, only: string[] | undefined): boolean {
  return !only || only.some((word) => name.toLowerCase().includes(word.toLowerCase()));
}

async function benchEndpoints(
  reader: ConnectionSettings,
  only: string[] | undefined,
): Promise<BenchEndpoint[]> {
  const marketDay = await benchMarketDay(reader);
  if (!marketDay)
    log('No market data (pricing_history is empty): the market-data endpoints are left out.');
  return [...BENCH_ENDPOINTS, ...(marketDay ? marketDataEndpoints(marketDay) : [])].filter(
    (endpoint) => selected(endpoint.name, only),
  );
}

/** The two API processes the comparison loads: answers computed each time, and from the cache. */
interface BenchApis {
  uncachedPort: number;
  cachedPort: number;
}

async function measureApi(port: number, path: string, connections: number, seconds: number) {
  const url = `http://127.0.0.1:${port}${path}`;
  // Unmeasured warm-up: JIT, connection pool, the server's caches (the response cache included).
  await loadApi(url, connections, WARM_UP_SECONDS);
  return loadApi(url, connections, seconds);
}

async function compareWithPgbench(
  apis: BenchApis,
  reader: ConnectionSettings,
  options: BenchOptions,
): Promise<void> {
  log(
    `\nEach endpoint: ${options.duration}s with ${options.connections} connections through the API (wrk), first with`,
  );
  log(
    'API_RESPONSE_CACHE_MB=0 (every request runs its SQL), then with the response cache (the default; repeated requests',
  );
  log(
    `are answered from it), then the same SQL for ${options.duration}s with ${options.connections} clients straight to PostgreSQL (pgbench),`,
  );
  log(
    'same role, same run. The goal compares the first with pgbench: the same SQL, run every time.\n',
  );
  const rows: string[] = [];
  let met = 0;
  const endpoints = await benchEndpoints(reader, options.only);
  for (const endpoint of endpoints) {
    const { connections, duration } = options;
    const uncached = await measureApi(apis.uncachedPort, endpoint.path, connections, duration);
    const cached = await measureApi(apis.cachedPort, endpoint.path, connections, duration);
    const direct = loadPgbench(endpoint, reader, connections, duration);
    const ratio = uncached.perSecond / direct.perSecond;
    const ok = ratio >= endpoint.goal && uncached.p99Ms < P99_GOAL_MS;
    if (ok) met += 1;
    rows.push(
      `| ${endpoint.name} | ${uncached.perSecond.toFixed(0)} | ${uncached.p99Ms.toFixed(1)} | ` +
        `${cached.perSecond.toFixed(0)} | ${cached.p99Ms.toFixed(1)} | ${direct.perSecond.toFixed(0)} | ` +
        `${direct.p99Ms.toFixed(1)} | ${ratio.toFixed(2)} | ${(cached.perSecond / direct.perSecond).toFixed(2)} | ` +
        `${endpoint.goal} | ${ok ? 'yes' : 'no'} |`,
    );
    log(rows[rows.length - 1]);
  }
  const marketDay = await benchMarketDay(reader);
  if (marketDay && selected(tickStreamBench(marketDay.day.slice(0, 4)).name, options.only)) {
    rows.push(await benchTickStream(apis.uncachedPort, reader, marketDay.day.slice(0, 4)));
    log(rows[rows.length - 1]);
  }
  log(
    '\n| endpoint | API req/s | API p99 ms | API req/s, cached | cached p99 ms | pgbench tx/s | pgbench p99 ms | ' +
      `API / pgbench | cached / pgbench | goal | met (API, p99 < ${P99_GOAL_MS} ms) |`,
  );
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
  rows.forEach((row) => log(row));
  log(`\n${met} of ${endpoints.length} endpoints meet their goal.`);
}

/**
 * The soak run: mixed requests over every endpoint for the whole duration, the RSS of every API
 * process sampled; growth is measured from the end of the warm-up (a tenth of the run, at most
 * a minute) to the end.
 */
async function soak(
  port: number,
  primary: number,
  endpoints: BenchEndpoint[],
  seconds: number,
  connections: number,
) {
  const warmUpSeconds = Math.min(60, Math.max(1, Math.round(seconds / 10)));
  const processes = apiProcesses(primary);
  log(
    `\nSoak: ${seconds}s of mixed requests over the ${endpoints.length} endpoints with ${connections} connections; ` +
      `RSS of ${processes.length} API processes (primary ${primary}, workers ${processes.slice(1).join(', ')}) ` +
      `every ${RSS_SAMPLE_SECONDS}s, growth measured after a ${warmUpSeconds}s warm-up.`,
  );
  const samples: { second: number; rss: number[] }[] = [];
  const started = Date.now();
  const sample = () =>
    samples.push({ second: (Date.now() - started) / 1000, rss: processes.map(rssBytes) });
  sample();
  const timer = setInterval(sample, RSS_SAMPLE_SECONDS * 1000);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: endpoints.map((endpoint) => ({ method: 'GET', path: endpoint.path })),
  });
  clearInterval(timer);
  sample();
  const afterWarmUp = samples.find((s) => s.second >= warmUpSeconds) ?? samples[0];
  const last = samples[samples.length - 1];
  const errors = result.errors + result.timeouts + result.non2xx;
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([status, stats]) => `${status}: ${(stats.count ?? 0).toLocaleString('en-US')}`)
    .join(', ');
  log(
    `\n${result.requests.total.toLocaleString('en-US')} requests in ${seconds}s = ${result.requests.average.toFixed(0)} req/s, ` +
      `p99 ${result.latency.p99} ms; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} (answers by status: ${statuses}).`,
  );
  log('\n| process | RSS after warm-up MB | RSS at end MB | peak MB | growth |');
  log('| --- | ---: | ---: | ---: | ---: |');
  let worstGrowth = 0;
  processes.forEach((pid, i) => {
    const growth = last.rss[i] / afterWarmUp.rss[i] - 1;
    worstGrowth = Math.max(worstGrowth, growth);
    const peak = Math.max(...samples.map((s) => s.rss[i]));
    log(
      `| ${i === 0 ? 'primary' : `worker ${i}`} (${pid}) | ${megabytes(afterWarmUp.rss[i])} | ${megabytes(last.rss[i])} | ` +
        `${megabytes(peak)} | ${(growth * 100).toFixed(1)} % |`,
    );
  });
  log(
    `\nSoak goal (zero errors, RSS growth < ${RSS_GROWTH_GOAL * 100} % after warm-up): ` +
      `${errors === 0 && worstGrowth < RSS_GROWTH_GOAL ? 'met' : 'MISSED'}.`,
  );
}

/**
 * The API reading from a hot standby of the bench database (DATABASE_REPLICA_URLS) against the
 * API reading the primary alone, endpoint by endpoint, in the same run; then where the reads went.
 */
async function compareWithReplica(owner: ConnectionSettings, options: BenchOptions): Promise<void> {
  const dir = makeServerDir('securities-bench-standby-');
  const standby = await createHotStandby({
    primary: owner,
    dataDir: join(dir, 'standby'),
    port: await freePort(),
  });
  registerCleanup(async () => {
    await standby.remove();
    rmSync(dir, { recursive: true, force: true });
  });
  await standby.catchUp();
  // The response cache off: every request is a read, and the reads are what is compared.
  const primaryOnlyPort = await freePort();
  await startApiProcess(primaryOnlyPort, { API_RESPONSE_CACHE_MB: '0' });
  const replicaPort = await freePort();
  await startApiProcess(replicaPort, {
    API_RESPONSE_CACHE_MB: '0',
    DATABASE_REPLICA_URLS: `postgresql://127.0.0.1:${standby.connection.port}/${owner.database}`,
  });
  log(
    `\nEach endpoint: ${options.duration}s with ${options.connections} connections through the API reading the primary, ` +
      `then through an API reading a hot standby of it (port ${standby.connection.port}), same run.\n`,
  );
  const rows: string[] = [];
  for (const endpoint of await benchEndpoints(owner, options.only)) {
    const measure = async (port: number) => {
      const url = `http://127.0.0.1:${port}${endpoint.path}`;
      await loadApi(url, options.connections, WARM_UP_SECONDS);
      return loadApi(url, options.connections, options.duration);
    };
    const primaryOnly = await measure(primaryOnlyPort);
    const viaReplica = await measure(replicaPort);
    rows.push(
      `| ${endpoint.name} | ${primaryOnly.perSecond.toFixed(0)} | ${primaryOnly.p99Ms.toFixed(1)} | ` +
        `${viaReplica.perSecond.toFixed(0)} | ${viaReplica.p99Ms.toFixed(1)} | ${(viaReplica.perSecond / primaryOnly.perSecond).toFixed(2)} |`,
    );
    log(rows[rows.length - 1]);
  }
  const client = new Client(standby.connection);
  await client.connect();
  const { rows: backends } = await client
    .query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'securities-api' AND datname = $1`,
      [owner.database],
    )
    .finally(() => client.end());
  log(
    '\n| endpoint | primary only req/s | p99 ms | via the standby req/s | p99 ms | standby / primary only |',
  );
  log('| --- | ---: | ---: | ---: | ---: | ---: |');
  rows.forEach((row) => log(row));
  log(
    `\nThe API's connections on the standby: ${backends[0].n}. Primary, standby and both APIs share ` +
      `this machine's ${availableParallelism()} core(s): this shows the mechanism, not a speed-up.`,
  );
}

async function main(options: BenchOptions): Promise<void> {
  installSignalHandlers();
  const config = loadConfigFromEnvironment();
  const server = await ensureDatabaseServer(config.database, { log });
  const reader = readonlyConnection(config, server.connection);
  log(`API: ${config.api.workers} worker(s) on ${availableParallelism()} core(s), LOG_LEVEL=warn.`);
  // Every comparison loads the API with wrk; the soak, with its mix of endpoints, with autocannon.
  if (!options.soak) ensureCommand('wrk', 'wrk');
  if (options.replica) {
    await compareWithReplica(server.connection, options);
  } else if (options.soak) {
    // As users run it: the response cache at its configured size.
    const port = await freePort();
    const api = await startApiProcess(port);
    const endpoints = await benchEndpoints(reader, options.only);
    await soak(port, api.pid as number, endpoints, options.soak, options.soakConnections);
  } else {
    ensureCommand('pgbench', 'postgresql-client');
    const uncachedPort = await freePort();
    await startApiProcess(uncachedPort, { API_RESPONSE_CACHE_MB: '0' });
    const cachedPort = await freePort();
    await startApiProcess(cachedPort);
    await compareWithPgbench({ uncachedPort, cachedPort }, reader, options);
  }
  await runCleanups();
}

const program = createCliProgram(
  'api-bench',
  'Load every endpoint with concurrent connections and compare with the same SQL run by pgbench; --soak: a long mixed run watching memory',
)
  .option('--connections <n>', 'concurrent connections / pgbench clients', positiveInt, 32)
  .option('--duration <seconds>', 'seconds per endpoint and per side', positiveInt, 10)
  .option(
    '--soak <seconds>',
    'instead: mixed requests over every endpoint for this long',
    positiveInt,
  )
  .option(
    '--only <words>',
    'only the endpoints whose name contains one of these comma-separated words (e.g. 1m,JSON)',
    (value: string) =>
      value
        .split(',')
        .map((word) => word.trim())
        .filter(Boolean),
  )
  .option('--soak-connections <n>', 'connections of the soak run', positiveInt, 64)
  .option(
    '--replica',
    'instead: each endpoint through an API reading a hot standby of the database vs the API reading the primary',
  )
  .action(main);

void runProgram('api-bench', program);
