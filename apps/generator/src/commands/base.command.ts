import {
  BaseSetProgress,
  DEFAULT_BASE_SEED,
  DEFAULT_BASE_SET_DIR,
  generateBaseSet,
} from '@securities/generator-core';
import { seedInt } from '@securities/logging';
import { Command } from 'commander';
import { logger } from '../logger';
import { relative } from 'node:path';

const TABLE_COLUMN_WIDTH = 24;
const ROWS_COLUMN_WIDTH = 6;

function reportTable({ table, rows }: BaseSetProgress): void {
  logger.info(
    `  ${`${table}.csv`.padEnd(TABLE_COLUMN_WIDTH)}${String(rows).padStart(ROWS_COLUMN_WIDTH)} rows`,
  );
}

/** `base`: the 120-security base set as one CSV per core table. */
export function registerBaseCommand(program: Command): void {
  program
    .command('base')
    .description('write the deterministic base set: 13 CSV files, one per core table')
    .option(
      '--seed <int>',
      'random seed; the same seed gives byte-identical files',
      seedInt,
      DEFAULT_BASE_SEED,
    )
    .option('--out <dir>', 'output folder', DEFAULT_BASE_SET_DIR)
    .action(async (options: { seed: number; out: string }) => {
      const started = process.hrtime.bigint();
      logger.info(`Generating the base set (seed ${options.seed})`);
      const summary = await generateBaseSet({
        seed: options.seed,
        outDir: options.out,
        onProgress: reportTable,
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rows = summary.files.reduce((sum, file) => sum + file.rows, 0);
      const fromHere = relative(process.cwd(), summary.outDir);
      const folder = fromHere === '' ? '.' : fromHere.startsWith('..') ? summary.outDir : fromHere;
      logger.info(
        `Wrote ${summary.files.length} files, ${rows.toLocaleString('en-US')} rows to ${folder} in ${seconds.toFixed(1)} s`,
      );
    });
}
