import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBaseSet } from '../src/lib/generate-base-set';

async function fileHashes(seed: number): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), `base-set-${seed}-`));
  try {
    await generateBaseSet({ seed, outDir: dir });
    const files = (await readdir(dir)).sort();
    const hashes: Record<string, string> = {};
    for (const file of files) {
      hashes[file] = createHash('sha256')
        .update(await readFile(join(dir, file)))
        .digest('hex');
    }
    return hashes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('base set: determinism', () => {
  let seven: Record<string, string>;
  beforeAll(async () => {
    seven = await fileHashes(7);
  });

  it('writes the 13 CSV files and nothing else', () => {
    expect(Object.keys(seven)).toHaveLength(13);
    expect(Object.keys(seven).every((file) => file.endsWith('.csv'))).toBe(true);
  });

  it('writes byte-identical files for the same seed', async () => {
    expect(await fileHashes(7)).toEqual(seven);
  });

  it('writes other data for another seed (only the fixed portfolio list is the same)', async () => {
    const eight = await fileHashes(8);
    const differing = Object.keys(seven).filter((file) => seven[file] !== eight[file]);
    expect(differing).toHaveLength(12);
    expect(Object.keys(seven).filter((file) => !differing.includes(file))).toEqual([
      'portfolio.csv',
    ]);
  });

  it('refuses a seed that is not an integer', async () => {
    await expect(generateBaseSet({ seed: 1.5, outDir: tmpdir() })).rejects.toThrow(
      'seed must be an integer, got 1.5',
    );
  });
});
