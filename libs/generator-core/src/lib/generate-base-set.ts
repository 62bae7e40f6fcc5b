import { resolve } from 'node:path';
import { buildBaseSet } from './base-set/build-base-set';
import { CoreTableName } from '@securities/database';
import { writeCsvTables } from './csv/write-csv-tables';

export interface BaseSetProgress {
  table: CoreTableName;
  rows: number;
  file: string;
}

export interface BaseSetOptions {
  /** Any safe integer; the same seed gives byte-identical files. */
  seed: number;
  /** Folder for the 13 CSV files, created if missing; existing files are replaced. */
  outDir: string;
  /** Called after each file is written. */
  onProgress?: (event: BaseSetProgress) => void;
}

export interface BaseSetSummary {
  seed: number;
  /** Absolute path of the folder written. */
  outDir: string;
  files: { table: CoreTableName; file: string; rows: number }[];
}

/** Builds the base set for the seed and writes it as one CSV per core table. */
export async function generateBaseSet(options: BaseSetOptions): Promise<BaseSetSummary> {
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`seed must be an integer, got ${options.seed}`);
  }
  const outDir = resolve(options.outDir);
  const files = await writeCsvTables(buildBaseSet(options.seed), outDir, options.onProgress);
  return { seed: options.seed, outDir, files };
}
