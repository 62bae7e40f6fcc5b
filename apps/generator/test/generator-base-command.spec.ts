import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { logText } from '@securities/logging';
import { CORE_TABLE_NAMES } from '@securities/database';
import { BASE_SET_COUNTS, buildBaseSet, tableToCsv } from '@securities/generator-core';

const WORKSPACE_ROOT = resolve(__dirname, '../../..');
// Generous: node + SWC start slowly on a busy shared machine.
const CLI_TIMEOUT_MS = 120_000;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the generator as a user would, from the workspace root. */
async function runCli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/generator/src/main.ts', ...args],
      { cwd: WORKSPACE_ROOT, timeout: CLI_TIMEOUT_MS },
    );
    return { code: 0, stdout: logText(stdout), stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: logText(failed.stdout), stderr: failed.stderr };
  }
}

describe('generator base', () => {
  let outDir: string;
  beforeEach(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'generator-cli-'));
  });
  afterEach(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it(
    'writes the 13 CSV files for the seed, reporting each table and a one-line summary',
    async () => {
      const result = await runCli('base', '--out', outDir, '--seed', '7');

      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect((await readdir(outDir)).sort()).toEqual(
        CORE_TABLE_NAMES.map((table) => `${table}.csv`).sort(),
      );
      const tables = buildBaseSet(7);
      const totalRows = Object.values(BASE_SET_COUNTS)
        .reduce((sum, count) => sum + count, 0)
        .toLocaleString('en-US');
      for (const table of CORE_TABLE_NAMES) {
        expect(await readFile(join(outDir, `${table}.csv`), 'utf8')).toBe(
          tableToCsv(table, tables[table]),
        );
        expect(result.stdout).toMatch(
          new RegExp(`^  ${table}\\.csv +${tables[table].length} rows$`, 'm'),
        );
      }
      expect(result.stdout).toMatch(
        new RegExp(`^Wrote 13 files, ${totalRows} rows to ${outDir} in \\d+\\.\\d s$`, 'm'),
      );
    },
    CLI_TIMEOUT_MS,
  );

  it.each([
    ['abc', "option '--seed <int>' argument 'abc' is invalid. the seed must be an integer"],
    ['4.2', "option '--seed <int>' argument '4.2' is invalid. the seed must be an integer"],
  ])(
    'refuses --seed %s with a clear message, exit code 1 and no files',
    async (seed, message) => {
      const result = await runCli('base', '--out', outDir, '--seed', seed);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      expect(await readdir(outDir)).toEqual([]);
    },
    CLI_TIMEOUT_MS,
  );
});
