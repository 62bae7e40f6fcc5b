import {
  installSignalHandlers,
  loadConfigFromEnvironment,
  openOwnerDatabase,
  runCleanups,
} from '@securities/database';
import { createProgressBar, realismReport } from '@securities/scale-generator';
import { Command } from 'commander';
import { logger } from '../logger';

const log = (message: string): void => logger.info(message);

async function reportRealism(options: { check?: boolean }): Promise<void> {
  const config = loadConfigFromEnvironment();
  installSignalHandlers();
  try {
    const { dataSource } = await openOwnerDatabase(config, {
      log,
      applicationName: 'securities-generator-realism',
    });
    const [{ bars }] = await dataSource.query(
      'SELECT count(*)::bigint AS bars FROM pricing_history',
    );
    if (Number(bars) === 0) {
      throw new Error(
        'pricing_history is empty: generate a scale set first, e.g. npx nx run generator:scale --profile=medium',
      );
    }
    const started = Date.now();
    const { text, verdicts } = await realismReport(dataSource, createProgressBar(log));
    log(text);
    log(`Measured in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const missed = verdicts.filter((verdict) => !verdict.pass);
    if (options.check && missed.length > 0) {
      throw new Error(`missed ${missed.map((verdict) => verdict.label).join('; ')}`);
    }
  } finally {
    await runCleanups();
  }
}

/** `realism`: the stylized facts of the data in the database against those of real markets. */
export function registerRealismCommand(program: Command): void {
  program
    .command('realism')
    .description(
      'measure the stylized facts of returns in the database (per security type) against real markets',
    )
    .option('--check', 'exit with code 1 when a median of the equities misses its target')
    .action(reportRealism);
}
