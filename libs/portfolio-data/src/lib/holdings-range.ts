import { DataRange } from '@securities/analytics';
import { SqlClient } from './sql-client';

/**
 * The first and last day holdings_history holds for a portfolio (two index probes on its
 * (portfolio_id, as_of_date) key), or undefined when it holds none: the scale set is not loaded.
 */
export async function readHoldingsRange(
  db: SqlClient,
  portfolioId: string,
): Promise<DataRange | undefined> {
  const [range]: { first: string | null; last: string | null }[] = await db.query(
    `SELECT (SELECT min(as_of_date) FROM holdings_history WHERE portfolio_id = $1)::text AS first,
            (SELECT max(as_of_date) FROM holdings_history WHERE portfolio_id = $1)::text AS last`,
    [portfolioId],
  );
  return range.first && range.last ? { first: range.first, last: range.last } : undefined;
}
