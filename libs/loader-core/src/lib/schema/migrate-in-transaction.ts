import { MigrationExecutor, QueryRunner } from 'typeorm';

/**
 * Applies pending migrations on the caller's query runner, inside its open transaction, so that
 * a load that fails (or a dry run) leaves even a brand-new database exactly as it was. Returns the
 * names applied. Same migrations and bookkeeping table as `migrateUp` from @securities/database,
 * which commits each migration on its own.
 */
export async function migrateInTransaction(queryRunner: QueryRunner): Promise<string[]> {
  if (!queryRunner.isTransactionActive) {
    throw new Error('migrateInTransaction needs a query runner with an open transaction');
  }
  const executor = new MigrationExecutor(queryRunner.connection, queryRunner);
  // With a transaction already open, the executor neither starts nor ends one: ours holds it all.
  executor.transaction = 'all';
  const applied = await executor.executePendingMigrations();
  return applied.map((migration) => migration.name);
}
