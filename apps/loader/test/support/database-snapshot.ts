import { CORE_TABLE_NAMES, SCALE_TABLE_NAMES } from '@securities/database';
import { DataSource } from 'typeorm';

export const SNAPSHOT_TABLES = [...CORE_TABLE_NAMES, ...SCALE_TABLE_NAMES, 'typeorm_migrations'];

/**
 * Per table: row count and an md5 of every row's text in a fixed order, so two snapshots are
 * equal exactly when the tables hold the same rows. A table that does not exist shows as null.
 */
export async function snapshotDatabase(
  dataSource: DataSource,
): Promise<Record<string, { rows: number; md5: string } | null>> {
  const snapshot: Record<string, { rows: number; md5: string } | null> = {};
  for (const table of SNAPSHOT_TABLES) {
    const [{ exists }] = await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS exists', [
      table,
    ]);
    if (!exists) {
      snapshot[table] = null;
      continue;
    }
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS rows,
              md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5
         FROM "${table}" t`,
    );
    snapshot[table] = row;
  }
  return snapshot;
}

export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of CORE_TABLE_NAMES) {
    const [{ rows }] = await dataSource.query(`SELECT count(*)::int AS rows FROM "${table}"`);
    counts[table] = rows;
  }
  return counts;
}
