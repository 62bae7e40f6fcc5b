import autocannon from 'autocannon';
import { Command, InvalidArgumentError } from 'commander';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConnectionSettings,
  ensureDatabaseServer,
  installSignalHandlers,
  loadConfigFromEnvironment,
  readonlyConnection,
  registerCleanup,
  runCleanups,
  workspaceRoot,
} from '@securities/database';
import { freePort } from '@securities/database/testing';
import { BENCH_ENDPOINTS, BenchEndpoint } from './api-endpoints';

interface Measure {
  perSecond: number;
  p99Ms: number;
}

const WARM_UP_SECONDS = 2;

const log = (message: string): void => void process.stdout.write(`${message}\n`);

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

async function startApi(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: workspaceRoot,
    // Request logging off: the figures are the API's, not the terminal's.
    env: { ...process.env, API_PORT: String(port), API_HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Securities Platform API:')) resolve();
    });
    child.on('exit', (code) =>
      reject(new Error(`The API exited (${code}) before serving:\n${output}`)),
    );
  });
  return child;
}

async function loadApi(url: string, connections: number, seconds: number): Promise<Measure> {
  const result = await autocannon({ url, connections, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors under load`,
    );
  }
  return { perSecond: result.requests.average, p99Ms: result.latency.p99 };
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

function ensurePgbench(): void {
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' });
  } catch {
    if (process.getuid?.() !== 0) throw new Error('pgbench not found: install postgresql-client.');
    log('Installing postgresql-client for pgbench (apt-get) ...');
    execFileSync(
      'bash',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null',
      ],
      {
        stdio: 'inherit',
      },
    );
  }
}

async function main(options: { connections: number; duration: number }): Promise<void> {
  installSignalHandlers();
  ensurePgbench();
  const config = loadConfigFromEnvironment();
  const server = await ensureDatabaseServer(config.database, { log });
  const port = await freePort();
  const api = await startApi(port);
  registerCleanup(async () => {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
  });
  const reader = readonlyConnection(config, server.connection);
  log(
    `\nEach endpoint: ${options.duration}s with ${options.connections} connections through the API (autocannon), then`,
  );
  log(
    `the same SQL for ${options.duration}s with ${options.connections} clients straight to PostgreSQL (pgbench), same role, same run.\n`,
  );
  const rows: string[] = [];
  for (const endpoint of BENCH_ENDPOINTS) {
    // Unmeasured warm-up: JIT, connection pool, the server's caches.
    await loadApi(`http://127.0.0.1:${port}${endpoint.path}`, options.connections, WARM_UP_SECONDS);
    const viaApi = await loadApi(
      `http://127.0.0.1:${port}${endpoint.path}`,
      options.connections,
      options.duration,
    );
    const direct = loadPgbench(endpoint, reader, options.connections, options.duration);
    rows.push(
      `| ${endpoint.name} | ${viaApi.perSecond.toFixed(0)} | ${viaApi.p99Ms.toFixed(1)} | ${direct.perSecond.toFixed(0)} | ` +
        `${direct.p99Ms.toFixed(1)} | ${(viaApi.perSecond / direct.perSecond).toFixed(2)} |`,
    );
    log(rows[rows.length - 1]);
  }
  log('\n| endpoint | API req/s | API p99 ms | pgbench tx/s | pgbench p99 ms | API / pgbench |');
  log('| --- | ---: | ---: | ---: | ---: | ---: |');
  rows.forEach((row) => log(row));
  await runCleanups();
}

new Command('api-bench')
  .description(
    'Load every endpoint with concurrent connections and compare with the same SQL run by pgbench',
  )
  .option('--connections <n>', 'concurrent connections / pgbench clients', positiveInt, 10)
  .option('--duration <seconds>', 'seconds per endpoint and per side', positiveInt, 10)
  .action(main)
  .parseAsync()
  .catch(async (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    await runCleanups();
    process.exit(1);
  });
