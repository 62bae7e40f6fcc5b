import { DataSource } from 'typeorm';

export interface MigrationStep {
  name: string;
}

/** Applies every pending migration; returns the names applied (empty when up to date). */
export async function migrateUp(dataSource: DataSource): Promise<MigrationStep[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map(({ name }) => ({ name }));
}

/** Reverts the last `count` applied migrations (all of them with `Infinity`); returns their names. */
export async function migrateDown(dataSource: DataSource, count = 1): Promise<MigrationStep[]> {
  const reverted: MigrationStep[] = [];
  while (reverted.length < count) {
    const executed = await dataSource.query(
      `SELECT to_regclass('typeorm_migrations') IS NOT NULL AS exists`,
    );
    if (!executed[0].exists) break;
    const [last] = await dataSource.query(
      'SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1',
    );
    if (!last) break;
    await dataSource.undoLastMigration({ transaction: 'each' });
    reverted.push({ name: last.name });
  }
  if (count === Infinity) {
    // TypeORM keeps its bookkeeping table; with nothing applied it is ours to remove.
    await dataSource.query('DROP TABLE IF EXISTS typeorm_migrations');
  }
  return reverted;
}
