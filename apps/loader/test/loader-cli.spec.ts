import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { prepareBaseSet, PreparedBaseSet } from './support/base-set';
import { copyCsvDir, plainLine, removeCsvDir, setField } from './support/csv-edits';
import { rowCounts, snapshotDatabase } from './support/database-snapshot';
import { runLoaderCli } from './support/loader-cli';

describe('loader csv, run as a child process', () => {
  let db: TestDatabase;
  let baseSet: PreparedBaseSet;

  beforeAll(async () => {
    db = await createTestDatabase();
    baseSet = await prepareBaseSet();
  });
  afterAll(async () => {
    baseSet.remove();
    await db.drop();
  });

  it('--dry-run validates everything, prints the summary and writes nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    const result = await runLoaderCli(['csv', '--dir', baseSet.dir, '--dry-run'], db.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Applied \d+ migration\(s\)/);
    expect(result.stdout).toMatch(
      /Dry run: [\d,]+ rows in 13 tables from .* are valid and would load; nothing was written/,
    );
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('loads a good folder, reports each table and the total, and exits 0', async () => {
    const result = await runLoaderCli(['csv', '--dir', baseSet.dir], db.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const counts = await rowCounts(db.dataSource);
    for (const [table, rows] of Object.entries(counts)) {
      expect(result.stdout).toMatch(
        new RegExp(`copied\\s+${table}\\s+${rows.toLocaleString('en-US')} rows`),
      );
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(result.stdout).toMatch(
      new RegExp(
        `Loaded ${total.toLocaleString('en-US')} rows into 13 tables from .* in [\\d.]+ s \\(one transaction, committed\\)`,
      ),
    );
  });

  it('refuses to replace a loaded base set with another without --replace, naming what it would remove', async () => {
    const other = await prepareBaseSet(8);
    try {
      const before = await snapshotDatabase(db.dataSource);
      const refused = await runLoaderCli(['csv', '--dir', other.dir], db.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(
          `^loader: Loading ${other.dir} would remove data this command did not write: issuer \\(71 rows\\), securities_master \\(120 rows\\), .*variance_summary \\(169 rows\\)\\.\nNothing was changed\\. Rerun with --replace to remove it\\.\n$`,
        ),
      );
      expect(await snapshotDatabase(db.dataSource)).toEqual(before);

      const replaced = await runLoaderCli(['csv', '--dir', other.dir, '--replace'], db.env);
      expect(replaced).toMatchObject({ code: 0, stderr: '' });
      expect(await snapshotDatabase(db.dataSource)).not.toEqual(before);
    } finally {
      other.remove();
    }
  });

  it('rejects a corrupted folder with file, line and column, exits 1 and changes nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    const dir = copyCsvDir(baseSet.dir);
    try {
      const file = join(dir, 'securities_master.csv');
      const line = plainLine(file, 1);
      setField(file, line, 'security_type', 'STOCK');
      const result = await runLoaderCli(['csv', '--dir', dir], db.env);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `loader: securities_master.csv line ${line}, column security_type: 'STOCK' is not one of EQUITY, BOND, OPTION, FUTURE, CLO, ABS, ETF, FUND\n` +
          'Load failed: nothing was written (the transaction was rolled back).\n',
      );
    } finally {
      removeCsvDir(dir);
    }
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('names a folder that does not exist and exits 1', async () => {
    const result = await runLoaderCli(['csv', '--dir', '/nonexistent/base-set'], db.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'loader: CSV folder not found: /nonexistent/base-set (write one with nx run generator:base)\n',
    );
  });
});
