import { grownUniverseRows } from '@securities/generator-core';
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
  checkDiskSpace,
  createProgressBar,
  estimateDisk,
  formatBytes,
  formatPhaseSummary,
  planScale,
  resolveScaleProfile,
  runScale,
  SCALE_PROFILE_NAMES,
  ScaleProfile,
  STORAGE_LABELS,
} from '@securities/scale-generator';
import { positiveInt, seedInt } from '@securities/logging';
import { Command } from 'commander';
import { logger } from '../logger';

interface ScaleOptions {
  profile: string;
  securities?: number;
  from?: string;
  to?: string;
  seed?: number;
  plan?: boolean;
  replace?: boolean;
  skipDiskCheck?: boolean;
}
const log = (message: string): void => logger.info(message);

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
      `  ${label.padEnd(20)}${phase.rows.toLocaleString('en-US').padStart(16)} rows${phase.phase === 'transactions' ? `, with the base set's ${BASE_PERIOD_POSITIONS.trades}: ${(phase.rows + BASE_PERIOD_POSITIONS.trades).toLocaleString('en-US')}` : ''}`,
    );
  }
  log("Estimated disk (the run's tables; WAL comes on top):");
  for (const estimate of Object.values(estimateDisk(plan)))
    log(
      `  ${`${STORAGE_LABELS[estimate.storage]}:`.padEnd(26)}${formatBytes(estimate.finalBytes).padStart(10)} at the end, ${formatBytes(estimate.peakBytes)} at the peak`,
    );
}

/** PostgreSQL's disk_full (SQLSTATE 53100), or the same from the operating system. */
function isDiskFull(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '53100' || /No space left on device/.test(message ?? '');
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
    printPlan(profile);
    // Before anything is written, migrations included.
    log(
      options.skipDiskCheck
        ? 'Disk check skipped (--skip-disk-check).'
        : await checkDiskSpace(dataSource, config, profile),
    );
    await migrateUp(dataSource);
    const started = Date.now();
    const progress = createProgressBar(log);
    const summaries = await runScale({
      dataSource,
      profile,
      ensureBaseSet: async (seed) =>
        void (await generateAndLoadBaseSet({ dataSource, seed, progress })),
      growUniverse: grownUniverseRows,
      progress,
      log,
      replace: options.replace,
    });
    log(formatPhaseSummary(summaries));
    log(`Scale set ${profile.name} complete in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    throw isDiskFull(error)
      ? new Error(
          `${(error as Error).message}\nThe disk is full: free some space, then run the same command again; it continues from its last finished step.`,
        )
      : error;
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
    .option('--seed <int>', 'random seed; the same seed gives the same data', seedInt)
    .option('--plan', 'print the rows each phase would write and the disk it needs; write nothing')
    .option(
      '--replace',
      "allow starting over when the database holds another run's scale rows (refused without it)",
    )
    .option('--skip-disk-check', 'run even when the estimate does not fit in the free space')
    .action(generateScale);
}
