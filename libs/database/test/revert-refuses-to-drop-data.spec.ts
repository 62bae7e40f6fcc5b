import { Client } from 'pg';
import { createTestDatabase, TEST_DATASET_TIMEOUT_MS, TestDatabase } from '../src/testing';
import { spawnDatabaseCli } from './cli-process';

describe('database:revert on a database that holds data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'base' });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db.drop());

  const state = async () =>
    (
      await db.dataSource
        .query(`SELECT (SELECT count(*) FROM typeorm_migrations)::int AS migrations,
        (SELECT count(*) FROM securities_master)::int AS securities`)
    )[0];

  it('refuses --all without --drop-data, naming every table with rows, and changes nothing', async () => {
    const before = await state();
    const cli = spawnDatabaseCli(['revert', '--all'], db.env);
    const { code } = await cli.exited;
    expect(code).toBe(1);
    expect(cli.output()).toMatch(
      /^database: Reverting .*CreateCoreTables1732500000000 would remove data this command did not write: corporate_actions \(12 rows\), credit_ratings \(61 rows\), .*securities_master \(120 rows\), .*variance_summary \(169 rows\)\.\nNothing was changed\. Rerun with --drop-data to remove it\.$/m,
    );
    expect(await state()).toEqual(before);
  });

  it('reverts a migration whose tables are empty without the flag', async () => {
    const cli = spawnDatabaseCli(['revert'], db.env);
    expect((await cli.exited).code).toBe(0);
    expect(cli.output()).toMatch(/Reverted 1 migration\(s\)/);
  });

  it('reverts everything with --drop-data', async () => {
    const cli = spawnDatabaseCli(['revert', '--all', '--drop-data'], db.env);
    expect((await cli.exited).code).toBe(0);
    // A new session: one opened before TimescaleDB's extension was dropped keeps its stale cache.
    const fresh = new Client(db.connection);
    await fresh.connect();
    try {
      const { rows } = await fresh.query(
        `SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(rows).toEqual([{ tables: 0 }]);
    } finally {
      await fresh.end();
    }
  });
});
