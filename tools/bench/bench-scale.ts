import { grownUniverseRows } from '@securities/generator-core';
import { generateAndLoadBaseSet } from '@securities/data-setup';
import {
  createProgressBar,
  formatPhaseSummary,
  PhaseSummary,
  resolveScaleProfile,
  runScale,
  RunScaleOptions,
} from '@securities/scale-generator';
import { positiveInt, seedInt } from '@securities/logging';
import { Command } from 'commander';
import { DataSource } from 'typeorm';

/**
 * A benchmark's scale run, from a database without one (runScale loads the base set first), with
 * its progress and summary logged; returns the summary of the tick phase.
 */
export async function benchScaleRun(
  dataSource: DataSource,
  profile: ReturnType<typeof resolveScaleProfile>,
  log: (message: string) => void,
  options: Pick<RunScaleOptions, 'directCompress'> = {},
): Promise<PhaseSummary> {
  const summaries = await runScale({
    dataSource,
    profile,
    ensureBaseSet: async (seed) => void (await generateAndLoadBaseSet({ dataSource, seed })),
    growUniverse: grownUniverseRows,
    progress: createProgressBar(log),
    log,
    // The benchmark's own database: whatever an earlier run left goes.
    replace: true,
    ...options,
  });
  log(formatPhaseSummary(summaries));
  const ticks = summaries.find((summary) => summary.phase === 'tick_data');
  if (!ticks) throw new Error('the run wrote no tick_data phase');
  return ticks;
}

/** The scale profile options a benchmark takes, checked like the scale command's. */
export function withProfileOptions(program: Command): Command {
  return program
    .option('--profile <name>', 'scale profile (medium = 61 M ticks)', 'medium')
    .option('--securities <n>', "override the profile's securities", positiveInt)
    .option('--from <date>', "override the profile's first day (YYYY-MM-DD)")
    .option('--to <date>', "override the profile's last day (YYYY-MM-DD)")
    .option('--seed <int>', 'random seed', seedInt, 42);
}
