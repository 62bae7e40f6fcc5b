import { CORE_TABLE_NAMES } from '@securities/database';
import { generateBaseSet } from '@securities/generator-core';
import { loadCsvDirectory, LoadSummary } from '@securities/loader-core';
import { PhaseProgress, SILENT_PROGRESS } from '@securities/scale-generator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export interface GenerateAndLoadOptions {
  /** Owner-role DataSource, initialised (the loader migrates if needed). */
  dataSource: DataSource;
  seed: number;
  /** One bar for writing the 13 files, one for validating and loading them. */
  progress?: PhaseProgress;
}

/**
 * The base set for a seed, straight into the database: generated as CSV into a temporary folder,
 * loaded in one transaction (replacing the core tables), the folder removed whatever happens.
 */
export async function generateAndLoadBaseSet(
  options: GenerateAndLoadOptions,
): Promise<LoadSummary> {
  const progress = options.progress ?? SILENT_PROGRESS;
  const dir = mkdtempSync(join(tmpdir(), 'securities-base-set-'));
  try {
    progress.start(`base set (seed ${options.seed}): write CSV`, CORE_TABLE_NAMES.length, 0);
    await generateBaseSet({
      seed: options.seed,
      outDir: dir,
      onProgress: () => progress.advance(1),
    });
    progress.stop();
    // Each table is validated, then copied: two steps per table.
    progress.start('base set: validate and load', 2 * CORE_TABLE_NAMES.length, 0);
    const summary = await loadCsvDirectory({
      dir,
      dataSource: options.dataSource,
      onProgress: (event) => {
        if (event.kind === 'validated' || event.kind === 'loaded') progress.advance(1);
      },
    });
    progress.stop();
    return summary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
