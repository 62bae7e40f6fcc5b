import { Queryable } from '../schema/tick-storage';

/** Rows a command would remove from one table; `rows` undefined: all of them, not counted. */
export interface TableRemoval {
  table: string;
  rows?: number;
  /** Which rows, when not the whole table (e.g. "above the base set's"). */
  which?: string;
}

/**
 * Raised before a command removes data it did not write itself without the flag that allows it;
 * the message names every table and row count and the flag, and nothing has been changed.
 */
export class DataRemovalRefusedError extends Error {
  override name = 'DataRemovalRefusedError';
}

export function describeRemovals(removals: readonly TableRemoval[]): string {
  return removals
    .map(({ table, rows, which }) => {
      const count = rows === undefined ? 'every row' : `${rows.toLocaleString('en-US')} rows`;
      return `${table} (${count}${which ? ` ${which}` : ''})`;
    })
    .join(', ');
}

/**
 * Throws DataRemovalRefusedError when `removals` is not empty and `allowed` is false: e.g.
 * "Loading /x would replace securities_master (120 rows), ... Nothing was changed: rerun with
 * --replace to remove them."
 */
export function guardRemoval(
  action: string,
  removals: readonly TableRemoval[],
  allowed: boolean,
  flag: string,
): void {
  if (removals.length === 0 || allowed) return;
  throw new DataRemovalRefusedError(
    `${action} would remove data this command did not write: ${describeRemovals(removals)}.\n` +
      `Nothing was changed. Rerun with ${flag} to remove it.`,
  );
}

/** Exact row counts of the tables that hold rows (empty tables are left out). */
export async function nonEmptyTables(
  db: Queryable,
  tables: readonly string[],
  { count = true }: { count?: boolean } = {},
): Promise<TableRemoval[]> {
  const removals: TableRemoval[] = [];
  for (const table of tables) {
    const [{ rows }] = (await db.query(
      count
        ? `SELECT count(*)::bigint AS rows FROM ${table}`
        : `SELECT (EXISTS (SELECT 1 FROM ${table}))::int AS rows`,
    )) as { rows: string | number }[];
    if (Number(rows) > 0) removals.push({ table, rows: count ? Number(rows) : undefined });
  }
  return removals;
}
