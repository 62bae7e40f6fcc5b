import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';
import { guardRemoval, TableRemoval } from '../safety/data-removal';
import { citusSequentialTransaction } from '../schema/citus';

export interface MigrationStep {
  name: string;
}

export interface RevertOptions {
  /** Allow dropping tables that hold rows (the CLI's `--drop-data`). */
  dropData?: boolean;
}

/** Applies every pending migration; returns the names applied (empty when up to date). */
export async function migrateUp(dataSource: DataSource): Promise<MigrationStep[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map(({ name }) => ({ name }));
}

/**
 * Every table of the platform's schemas that holds rows, by qualified name. Partitioned tables and
 * hypertables (tables with children) are only checked for a row, never counted: they can hold
 * billions. TypeORM's bookkeeping and the data version (platform_meta) are the migrations' own.
 */
async function tablesWithRows(runner: QueryRunner): Promise<TableRemoval[]> {
  const tables = (await runner.query(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name,
           c.relkind = 'p' OR EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhparent = c.oid) AS large
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      AND n.nspname NOT LIKE '\\_timescaledb%' AND n.nspname NOT LIKE 'timescaledb%'
      AND c.relname <> 'typeorm_migrations' AND n.nspname <> 'platform_meta'
      AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)
      -- An extension's own tables (Citus's catalogue) are not the platform's data.
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY 1`)) as { name: string; large: boolean }[];
  const filled: TableRemoval[] = [];
  for (const { name, large } of tables) {
    const [{ rows }] = await runner.query(
      large
        ? `SELECT (EXISTS (SELECT 1 FROM ${name}))::int AS rows`
        : `SELECT count(*)::bigint AS rows FROM ${name}`,
    );
    if (Number(rows) > 0)
      filled.push({ table: name.replace(/^public\./, ''), rows: large ? undefined : Number(rows) });
  }
  return filled;
}

/**
 * Reverts the last `count` applied migrations (all of them with `Infinity`) in one transaction and
 * returns their names. A revert that would drop a table holding rows is refused (nothing changes,
 * DataRemovalRefusedError names the tables) unless `dropData` allows it.
 */
export async function migrateDown(
  dataSource: DataSource,
  count = 1,
  options: RevertOptions = {},
): Promise<MigrationStep[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const reverted: MigrationStep[] = [];
  try {
    await runner.startTransaction();
    // The DDL of a revert follows the reads below in this transaction.
    await citusSequentialTransaction(runner);
    const filled = await tablesWithRows(runner);
    // With our transaction open, the executor neither starts nor ends one: it is all or nothing.
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'all';
    while (reverted.length < count) {
      const [{ exists }] = await runner.query(
        `SELECT to_regclass('typeorm_migrations') IS NOT NULL AS exists`,
      );
      if (!exists) break;
      const [last] = await runner.query(
        'SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1',
      );
      if (!last) break;
      await executor.undoLastMigration();
      reverted.push({ name: last.name });
    }
    if (count === Infinity) {
      // TypeORM keeps its bookkeeping table; with nothing applied it is ours to remove.
      await runner.query('DROP TABLE IF EXISTS typeorm_migrations');
    }
    const dropped: TableRemoval[] = [];
    for (const table of filled) {
      const [{ gone }] = await runner.query('SELECT to_regclass($1) IS NULL AS gone', [
        table.table,
      ]);
      if (gone) dropped.push(table);
    }
    guardRemoval(
      `Reverting ${reverted.map((step) => step.name).join(', ')}`,
      dropped,
      options.dropData ?? false,
      '--drop-data',
    );
    await runner.commitTransaction();
    return reverted;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
