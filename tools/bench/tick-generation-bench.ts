import { createCliProgram, createLogger, positiveInt, runCli } from '@securities/logging';
import { businessDaysBetween } from '@securities/market-sim';
import * as scale from '@securities/scale-generator';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Tick generation alone (daily paths, 20-second ticks, binary COPY encoding; no database): the
 * part of the scale run that is JavaScript's. `--against <ref>` runs the same benchmark on another
 * commit too, rounds alternating in one run, so a shared machine's load hits both alike, and checks
 * that both wrote the same bytes (a SHA-256 of the COPY chunks and the daily bars).
 */

const logger = createLogger({ name: 'tick-generation-bench' });
const log = (message: string): void => logger.info(message);
const SECTORS = ['Technology', 'Financials', 'Health Care', 'Energy', 'Industrials'];
/** The full profile's type mix per 100 securities (55 equity, 29 bond, 9 derivative, 5 structured, 2 fund). */
const TYPE_MIX: readonly [string, number][] = [
  ['EQUITY', 55],
  ['BOND', 29],
  ['OPTION', 5],
  ['FUTURE', 4],
  ['CLO', 3],
  ['ABS', 2],
  ['ETF', 1],
  ['FUND', 1],
];

interface Round {
  ticks: number;
  seconds: number;
  /** SHA-256 of every COPY byte and daily bar written (its CPU is not in `seconds`). */
  sha256: string;
}

/**
 * One measurement in this process: the securities' paths and every tick of `days` days, timed in
 * CPU seconds of this process (on a shared machine the wall clock measures the neighbours too).
 */
function measure(securities: number, days: number, seed: number): Round {
  const types = TYPE_MIX.flatMap(([type, count]) => Array<string>(count).fill(type));
  const dates = businessDaysBetween('2024-01-01', '2026-12-31').slice(0, days);
  const universe = Array.from({ length: securities }, (_, i) => {
    const type = types[i % types.length];
    const bond = ['BOND', 'CLO', 'ABS'].includes(type);
    return {
      securityId: `SEC-${String(i + 1).padStart(4, '0')}`,
      securityType: type,
      currency: 'USD',
      sector: SECTORS[i % SECTORS.length],
      issueDate: '2015-06-15',
      maturityDate: bond ? '2032-06-15' : type === 'OPTION' ? '2026-06-19' : null,
      couponRate: bond ? 4.5 : null,
      pinnedBars: new Map(),
      splits: [],
    };
  });
  const started = process.cpuUsage();
  const factors = scale.buildMarketFactors(
    seed,
    dates.length,
    universe.map((security) => security.sector),
    ['USD'],
  );
  let bytes = 0;
  const hash = createHash('sha256');
  let hashingMicros = 0;
  const hashed = (data: Buffer | string) => {
    const before = process.cpuUsage();
    hash.update(data);
    const spent = process.cpuUsage(before);
    hashingMicros += spent.user + spent.system;
  };
  // Buffers reused as the load reuses them, on commits that have the pool (--against older ones).
  const buffers = 'tickChunkBuffers' in scale ? scale.tickChunkBuffers() : undefined;
  for (const source of scale.tickSources(seed, universe, dates, factors)) {
    const bars: Parameters<typeof scale.tickChunks>[5] = [];
    for (const chunk of scale.tickChunks(seed, source, dates, 0, dates.length, bars, buffers)) {
      bytes += chunk.length;
      hashed(chunk);
      buffers?.release([chunk]);
    }
    hashed(JSON.stringify(bars));
  }
  const { user, system } = process.cpuUsage(started);
  const seconds = (user + system - hashingMicros) / 1e6;
  if (bytes === 0) throw new Error('no ticks were encoded');
  return { ticks: securities * dates.length * 1_170, seconds, sha256: hash.digest('hex') };
}

/** This benchmark, run by `node` in a checkout (its own libs, its own generator). */
function runIn(root: string, options: BenchOptions): Promise<Round> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        SCRIPT,
        '--child',
        '--securities',
        String(options.securities),
        '--days',
        String(options.days),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0
        ? done(JSON.parse(output.trim().split('\n').pop() ?? '') as Round)
        : fail(new Error(`the benchmark in ${root} exited with ${code}`)),
    );
  });
}

const ROOT = resolve(__dirname, '../..');
const SCRIPT = relative(ROOT, __filename);

/** A detached checkout of `ref` in a temporary folder, sharing this checkout's node_modules. */
function checkout(ref: string): { root: string; remove: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'tick-generation-bench-'));
  const root = join(parent, 'tree');
  execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', root, ref], { stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  // The same benchmark file, whatever the other commit holds.
  mkdirSync(dirname(join(root, SCRIPT)), { recursive: true });
  copyFileSync(join(ROOT, SCRIPT), join(root, SCRIPT));
  return {
    root,
    remove: () => {
      execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', root], { stdio: 'ignore' });
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

interface BenchOptions {
  securities: number;
  days: number;
  rounds: number;
  against?: string;
  child?: boolean;
}

const rate = (round: Round) => round.ticks / round.seconds;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const perSecond = (value: number) =>
  `${Math.round(value).toLocaleString('en-US')} ticks per CPU second`;

async function bench(options: BenchOptions): Promise<void> {
  if (options.child) {
    // The parent reads this line from the child's stdout: a result, not a log line.
    process.stdout.write(`${JSON.stringify(measure(options.securities, options.days, 42))}\n`);
    return;
  }
  const ticks = options.securities * options.days * 1_170;
  log(
    `Tick generation, no database: ${options.securities} securities x ${options.days} days = ${ticks.toLocaleString('en-US')} ticks per round, ${options.rounds} rounds`,
  );
  const baseline = options.against ? checkout(options.against) : undefined;
  try {
    const current: number[] = [];
    const other: number[] = [];
    const hashes: string[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      // Alternate which goes first, so a drifting load favours neither.
      const order = baseline && round % 2 === 0 ? ['other', 'current'] : ['current', 'other'];
      const line: string[] = [];
      for (const which of order) {
        if (which === 'other' && !baseline) continue;
        const result = await runIn(which === 'current' ? ROOT : baseline!.root, options);
        (which === 'current' ? current : other).push(rate(result));
        hashes.push(result.sha256);
        line.push(
          `${which === 'current' ? 'this tree' : options.against}: ${perSecond(rate(result))}`,
        );
      }
      log(`  round ${round}: ${line.join(', ')}`);
    }
    log(`this tree: median ${perSecond(median(current))}`);
    if (baseline) {
      if (new Set(hashes).size !== 1)
        throw new Error(
          `the two trees wrote different bytes: ${[...new Set(hashes)].join(' vs ')}`,
        );
      log(`both trees wrote the same bytes: SHA-256 ${hashes[0]}`);
      const ratios = current.map((value, i) => value / other[i]);
      log(`${options.against}: median ${perSecond(median(other))}`);
      log(
        `ratio this tree / ${options.against}: median of rounds ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
      );
    }
  } finally {
    baseline?.remove();
  }
}

const program = createCliProgram(
  'tick-generation-bench',
  'Tick generation alone (no database); --against compares with another commit in the same run',
)
  .option('--securities <n>', 'securities per round', positiveInt, 80)
  .option('--days <n>', 'trading days per round', positiveInt, 120)
  .option('--rounds <n>', 'rounds (each tree once per round)', positiveInt, 5)
  .option('--against <ref>', 'a git commit or branch to compare with, e.g. main')
  .option('--child', 'measure once in this process and print the result as JSON (internal)')
  .action(bench);

void runCli('tick-generation-bench', () => program.parseAsync());
