import { BASE_SET_COUNTS } from '@securities/generator-core';
import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { loadCsvDirectory } from '@securities/loader-core';
import { prepareBaseSet, PreparedBaseSet, TEST_SEED } from './support/base-set';
import { rowCounts, snapshotDatabase } from './support/database-snapshot';

describe('loading a generated base set', () => {
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

  it('a dry run on an empty database writes nothing, not even the schema', async () => {
    const before = await snapshotDatabase(db.dataSource);
    const summary = await loadCsvDirectory({
      dir: baseSet.dir,
      dataSource: db.dataSource,
      dryRun: true,
    });
    expect(summary).toMatchObject({ dryRun: true, committed: false });
    expect(Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]))).toEqual(
      BASE_SET_COUNTS,
    );
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    const [{ tables }] = await db.dataSource.query(
      `SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(tables).toBe(0);
  });

  it('fills every core table with exactly the base set counts', async () => {
    const summary = await loadCsvDirectory({ dir: baseSet.dir, dataSource: db.dataSource });
    expect(summary.committed).toBe(true);
    expect(await rowCounts(db.dataSource)).toEqual(BASE_SET_COUNTS);
    expect(summary.totalRows).toBe(
      Object.values(BASE_SET_COUNTS).reduce((sum: number, n: number) => sum + n, 0),
    );
    expect(summary.warnings).toEqual([]);
  });

  it('loading the same files again changes nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    const summary = await loadCsvDirectory({ dir: baseSet.dir, dataSource: db.dataSource });
    expect(summary.migrationsApplied).toEqual([]);
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('a dry run of a different, valid base set on a loaded database writes nothing', async () => {
    const other = await prepareBaseSet(TEST_SEED + 1);
    try {
      const before = await snapshotDatabase(db.dataSource);
      const summary = await loadCsvDirectory({
        dir: other.dir,
        dataSource: db.dataSource,
        dryRun: true,
      });
      expect(summary.committed).toBe(false);
      expect(summary.warnings).toContainEqual(
        expect.stringMatching(
          /^a real load would remove issuer \(71 rows\), securities_master \(120 rows\), .*: it needs --replace$/,
        ),
      );
      expect(await snapshotDatabase(db.dataSource)).toEqual(before);
      // The real load of that set, without replace, is refused: the rows it would replace differ.
      await expect(loadCsvDirectory({ dir: other.dir, dataSource: db.dataSource })).rejects.toThrow(
        `Loading ${other.dir} would remove data this command did not write: issuer (71 rows), securities_master (120 rows),`,
      );
      expect(await snapshotDatabase(db.dataSource)).toEqual(before);
      // ...and with replace it does replace the data.
      await loadCsvDirectory({ dir: other.dir, dataSource: db.dataSource, replace: true });
      expect(await snapshotDatabase(db.dataSource)).not.toEqual(before);
      expect(await rowCounts(db.dataSource)).toEqual(BASE_SET_COUNTS);
    } finally {
      other.remove();
    }
  });
});
