import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateUp } from '@securities/database';
import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { CsvLoadError, loadCsvDirectory } from '@securities/loader-core';
import { writeTinyBaseSet } from './fixtures/tiny-base-set';
import { snapshotDatabase } from './support/database-snapshot';

// Foreign keys between base-set files are checked before COPY; one that points outside the base
// set can only be checked by PostgreSQL, at the end of the COPY, and must still name its line.
describe('a foreign key to a table outside the base set', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = writeTinyBaseSet(mkdtempSync(join(tmpdir(), 'loader-tiny-')));
    await migrateUp(db.dataSource);
    await db.dataSource.query(`
      CREATE TABLE currency (code char(3) PRIMARY KEY);
      INSERT INTO currency VALUES ('EUR'), ('USD');
      ALTER TABLE fx_rates ADD CONSTRAINT fx_rates_from_currency_fkey
        FOREIGN KEY (from_currency) REFERENCES currency (code);`);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('is reported by the database and mapped back to the first offending line', async () => {
    const before = await snapshotDatabase(db.dataSource);
    const error = await loadCsvDirectory({ dir, dataSource: db.dataSource }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CsvLoadError);
    expect(error).toMatchObject({ file: 'fx_rates.csv', line: 3, column: 'from_currency' });
    expect((error as Error).message).toBe(
      'fx_rates.csv line 3, column from_currency: insert or update on table "fx_rates" violates foreign key constraint "fx_rates_from_currency_fkey" (Key (from_currency)=(GBP) is not present in table "currency".)',
    );
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
