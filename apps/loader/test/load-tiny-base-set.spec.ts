import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { CsvLoadError, loadCsvDirectory, LoadProgress } from '@securities/loader-core';
import { TINY_BASE_SET, writeTinyBaseSet } from './fixtures/tiny-base-set';
import { copyCsvDir, editLines, removeCsvDir } from './support/csv-edits';
import { snapshotDatabase } from './support/database-snapshot';

// The CSV corners: quoted commas and quotes, a line break inside a field, NULLs, non-ASCII text.
describe('loading a hand-written base set with every CSV corner', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = writeTinyBaseSet(mkdtempSync(join(tmpdir(), 'loader-tiny-')));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('migrates an empty database, loads every file and reports each step', async () => {
    const events: LoadProgress[] = [];
    const summary = await loadCsvDirectory({
      dir,
      dataSource: db.dataSource,
      onProgress: (e) => events.push(e),
    });
    expect(summary.committed).toBe(true);
    // Every migration of the schema, in order, whatever their number.
    expect(summary.migrationsApplied).toEqual(
      db.dataSource.migrations.map((migration) => migration.name),
    );
    expect(summary.migrationsApplied[0]).toBe('CreateCoreTables1732500000000');
    expect(summary.totalRows).toBe(34);
    expect(Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]))).toMatchObject({
      issuer: 3,
      securities_master: 3,
      transactions: 1,
      fx_rates: 4,
      variance_summary: 3,
    });
    expect(events.map((e) => e.kind)).toEqual([
      'migrated',
      ...Array(13).fill('validated'),
      ...Array(13).fill('loaded'),
    ]);
  });

  it('keeps quoted commas, doubled quotes, line breaks and non-ASCII text as written', async () => {
    const names = await db.dataSource.query('SELECT issuer_name FROM issuer ORDER BY issuer_id');
    expect(names.map((r: { issuer_name: string }) => r.issuer_name)).toEqual([
      'Acme, "Holdings" Inc',
      'Müller\nWerke AG',
      'Treasury Board',
    ]);
  });

  it('stores empty fields as NULL and decimals exactly', async () => {
    const [row] = await db.dataSource.query(
      `SELECT cusip, maturity_date, coupon_rate, status FROM securities_master WHERE security_id = 'SEC-0002'`,
    );
    expect(row).toEqual({ cusip: null, maturity_date: null, coupon_rate: null, status: 'ACTIVE' });
    const [risk] = await db.dataSource.query(
      `SELECT security_id, var_95::text FROM risk_metrics WHERE metric_id = 2`,
    );
    expect(risk).toEqual({ security_id: null, var_95: '-2100.00' });
  });

  it('counts physical lines, so a record after a quoted line break has the right line', async () => {
    const bad = copyCsvDir(dir);
    try {
      // ISS-003 is on line 5: line 3-4 hold the two-line name of ISS-002.
      editLines(join(bad, 'issuer.csv'), (lines) =>
        lines.map((l) => l.replace('ISS-003,Treasury Board,GB', 'ISS-003,Treasury Board,GBR')),
      );
      const before = await snapshotDatabase(db.dataSource);
      const error = await loadCsvDirectory({ dir: bad, dataSource: db.dataSource }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CsvLoadError);
      expect(error).toMatchObject({ file: 'issuer.csv', line: 5, column: 'country' });
      expect((error as Error).message).toBe(
        "issuer.csv line 5, column country: 'GBR' is 3 characters long; char(2) allows 2",
      );
      expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    } finally {
      removeCsvDir(bad);
    }
  });

  it('reloading the same files leaves every table exactly as it was', async () => {
    const before = await snapshotDatabase(db.dataSource);
    const summary = await loadCsvDirectory({ dir, dataSource: db.dataSource });
    expect(summary.migrationsApplied).toEqual([]);
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('empties the scale tables built on the base set only with replace, and says so (a dry run only says it)', async () => {
    const scaleRows = async () =>
      (await db.dataSource.query('SELECT count(*)::int AS n FROM pricing_history'))[0].n;
    await db.dataSource.query(
      `INSERT INTO pricing_history VALUES ('SEC-0001', '2025-03-28', 150, 151, 149, 150, 1000, 150)`,
    );
    const warning =
      'pricing_history: the scale data is built on the base set being replaced; run the scale generator again';
    const dryRun = await loadCsvDirectory({ dir, dataSource: db.dataSource, dryRun: true });
    expect(dryRun.clearedScaleTables).toEqual(['pricing_history']);
    expect(dryRun.warnings).toEqual([
      'a real load would remove pricing_history (every row): it needs --replace',
      `Would empty ${warning}`,
    ]);
    expect(await scaleRows()).toBe(1);

    // The scale rows are not the loader's own: without replace the load is refused, nothing changes.
    const before = await snapshotDatabase(db.dataSource);
    await expect(loadCsvDirectory({ dir, dataSource: db.dataSource })).rejects.toThrow(
      /would remove data this command did not write: pricing_history \(every row\)\.\nNothing was changed\. Rerun with --replace/,
    );
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);

    const events: LoadProgress[] = [];
    const load = await loadCsvDirectory({
      dir,
      dataSource: db.dataSource,
      replace: true,
      onProgress: (e) => events.push(e),
    });
    expect(load.warnings).toEqual([`Emptied ${warning}`]);
    expect(events).toContainEqual({ kind: 'warning', message: `Emptied ${warning}` });
    expect(await scaleRows()).toBe(0);
  });

  it('stops and rolls back when aborted halfway (Ctrl-C in the CLI)', async () => {
    const before = await snapshotDatabase(db.dataSource);
    const abort = new AbortController();
    const error = await loadCsvDirectory({
      dir,
      dataSource: db.dataSource,
      signal: abort.signal,
      onProgress: (e) => {
        if (e.kind === 'loaded' && e.table === 'portfolio') abort.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('has a fixture for every core table', () => {
    expect(Object.keys(TINY_BASE_SET)).toHaveLength(13);
  });
});
