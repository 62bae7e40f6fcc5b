import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBaseSet } from '@securities/generator-core';

/** Any seed will do: the counts of the base set are the same for every seed. */
export const TEST_SEED = 20250331;

export interface PreparedBaseSet {
  dir: string;
  remove(): void;
}

/** One generated base set per test file, in a temporary folder. */
export async function prepareBaseSet(seed = TEST_SEED): Promise<PreparedBaseSet> {
  const dir = mkdtempSync(join(tmpdir(), 'loader-base-set-'));
  await generateBaseSet({ seed, outDir: dir });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
