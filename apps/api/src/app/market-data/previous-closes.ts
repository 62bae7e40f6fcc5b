import { addDays } from '@securities/market-sim';
import { DataSource } from 'typeorm';

/** A security and the day before which its last close is wanted. */
export interface CloseBefore {
  security_id: string;
  before: string;
}

/** The last close of `security_id` before `before`, as read from pricing_history. */
export interface PreviousCloseRow extends CloseBefore {
  previous_close_date: string;
  previous_close: string;
}

/**
 * Days searched back first: a weekend and the longest holidays. A close older than that (a
 * security that did not trade for a while) costs a second query over its whole history before.
 */
const RECENT_DAYS = 7;

/**
 * The last close of each pair, found between its `since` and `before`. One statement for every
 * engine: on one server an index range scan of (security_id, price_date) per pair, reading a few
 * days; on Citus a DISTINCT ON that contains the distribution column, so each shard answers its
 * securities. (A LATERAL ... ORDER BY price_date DESC LIMIT 1 reads one row per pair on one server,
 * but Citus cannot run a LIMIT that refers to the outer query on its shards.)
 */
const PREVIOUS_CLOSES_SQL = `
  SELECT DISTINCT ON (q.security_id, k.before) q.security_id, k.before,
         q.price_date AS previous_close_date, q.close_price AS previous_close
  FROM unnest($1::text[], $2::date[], $3::date[]) AS k(security_id, before, since)
  JOIN pricing_history q ON q.security_id = k.security_id
   AND q.price_date < k.before AND q.price_date >= k.since
  ORDER BY q.security_id, k.before, q.price_date DESC`;

export const closeBeforeKey = (pair: CloseBefore) => `${pair.security_id} ${pair.before}`;

/** The last close before each pair's day: one row per pair that has one. */
export async function previousCloses(
  db: DataSource,
  wanted: readonly CloseBefore[],
): Promise<PreviousCloseRow[]> {
  const closesSince = (pairs: readonly CloseBefore[], since: (pair: CloseBefore) => string) =>
    db.query(PREVIOUS_CLOSES_SQL, [
      pairs.map((pair) => pair.security_id),
      pairs.map((pair) => pair.before),
      pairs.map(since),
    ]) as Promise<PreviousCloseRow[]>;
  if (wanted.length === 0) return [];
  const recent = await closesSince(wanted, (pair) => addDays(pair.before, -RECENT_DAYS));
  const found = new Set(recent.map(closeBeforeKey));
  const older = wanted.filter((pair) => !found.has(closeBeforeKey(pair)));
  return older.length === 0
    ? recent
    : [...recent, ...(await closesSince(older, () => '-infinity'))];
}
