import { BASE_PERIOD_POSITIONS } from '@securities/vocabulary';
import {
  installSignalHandlers,
  loadConfigFromEnvironment,
  migrateUp,
  openOwnerDatabase,
  runCleanups,
} from '@securities/database';
import { generateAndLoadBaseSet } from '@securities/data-setup';
import {
  BULK_LOAD_SETTINGS,
  createProgressBar,
  formatPhaseSummary,
  planScale,
  resolveScaleProfile,
  runScale,
  SCALE_PROFILE_NAMES,
  ScaleProfile,
} from '@securities/scale-generator';
import { Command, InvalidArgumentError } from 'commander';
import { parseSeed } from '../options';

interface ScaleOptions {
  profile: string;
  securities?: number;
  from?: string;
  to?: string;
  seed?: number;
  plan?: boolean;
}

const log = (message: string): void => void process.stdout.write(`${message}\n`);

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1)
    throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

function printPlan(profile: ScaleProfile): void {
  const plan = planScale(profile);
  log(
    `Plan for profile ${profile.name}: ${profile.securities} securities (universe ${profile.universe}, ${profile.issuers} issuers), ${profile.from} .. ${profile.to} = ${plan.tradingDays} trading days, seed ${profile.seed}`,
  );
  for (const phase of plan.phases) {
    const label =
      phase.phase === 'ticks'
        ? 'tick_data'
        : phase.phase === 'universe'
          ? 'securities_master'
          : phase.phase;
    log(
      `  ${label.padEnd(20)}${phase.rows.toLocaleString('en-US').padStart(16)} rows${phase.approximate ? `, about (trades are drawn at random); with the base set's ${BASE_PERIOD_POSITIONS.trades}: ${(phase.rows + BASE_PERIOD_POSITIONS.trades).toLocaleString('en-US')}` : ''}`,
    );
  }
}

async function generateScale(options: ScaleOptions): Promise<void> {
  const profile = resolveScaleProfile(options.profile, {
    securities: options.securities,
    from: options.from,
    to: options.to,
    seed: options.seed,
  });
  if (options.plan) {
    printPlan(profile);
    return;
  }
  const config = loadConfigFromEnvironment();
  installSignalHandlers();
  try {
    const { dataSource } = await openOwnerDatabase(config, {
      log,
      settings: BULK_LOAD_SETTINGS,
      applicationName: 'securities-generator-scale',
      poolSize: 4,
    });
    await migrateUp(dataSource);
    printPlan(profile);
    const started = Date.now();
    const progress = createProgressBar(log);
    const summaries = await runScale({
      dataSource,
      profile,
      ensureBaseSet: async (seed) =>
        void (await generateAndLoadBaseSet({ dataSource, seed, progress })),
      progress,
      log,
    });
    log(formatPhaseSummary(summaries));
    log(`Scale set ${profile.name} complete in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await runCleanups();
  }
}

/** `scale`: the scale set (1,000 securities, five years, 1.6 B ticks for `full`), resumable. */
export function registerScaleCommand(program: Command): void {
  program
    .command('scale')
    .description(
      'generate the scale set straight into the database (resumable after any interruption)',
    )
    .option('--profile <name>', `size of the run: ${SCALE_PROFILE_NAMES.join(' | ')}`, 'full')
    .option('--securities <n>', 'securities that get ticks and daily bars', positiveInt)
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--seed <int>', 'random seed; the same seed gives the same data', parseSeed)
    .option('--plan', 'print the rows each phase would write, and write nothing')
    .action(generateScale);
}
