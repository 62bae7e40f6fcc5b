import { SortOrder } from '@securities/vocabulary';
import { ColumnKind, jsonObjectSql } from './json-sql';

/** The tick columns every format carries, in order; tick_time as exchange-local ISO text. */
export const TICK_COLUMNS = {
  tick_time: 'string',
  price: 'number',
  bid: 'number',
  ask: 'number',
  volume: 'number',
  bid_size: 'number',
  ask_size: 'number',
  trade_count: 'number',
  vwap: 'number',
} as const;

// DateStyle ISO (which node-postgres relies on too) writes '2025-03-03 09:30:00[.ffffff]'.
const TICK_TIME_TEXT = (column: string) => `replace(${column}::text, ' ', 'T')`;

/** The tick columns of `tick_data d` as rows, streams and the replay carry them. */
const TICK_ROW_SELECT = Object.keys(TICK_COLUMNS)
  .map((name) =>
    name === 'tick_time' ? `${TICK_TIME_TEXT('d.tick_time')} AS tick_time` : `d.${name}`,
  )
  .join(', ');

const direction = (sort: SortOrder) => (sort === 'asc' ? 'ASC' : 'DESC');

/** A tick of `tick_data d` as its JSON object (TickResponse), written by PostgreSQL. */
const TICK_JSON = jsonObjectSql(
  Object.entries(TICK_COLUMNS).map(([name, kind]): [string, ColumnKind, string] => [
    name,
    kind,
    name === 'tick_time' ? TICK_TIME_TEXT('d.tick_time') : `d.${name}`,
  ]),
);

/**
 * `select` over one security's ticks (`tick_data d`) in [$2, $3], in order, at most `limit`;
 * `$5`, when `afterCursor`, is the last tick of the previous page, excluded. idx_td_sec serves the
 * order either way (d.tick_time, not an output column of the same name).
 */
function tickRangeSql(select: string, sort: SortOrder, afterCursor: boolean, limit: string) {
  const cursor = !afterCursor ? '' : `AND d.tick_time ${sort === 'asc' ? '>' : '<'} $5`;
  return `
    SELECT ${select}
    FROM tick_data d
    WHERE d.security_id = $1 AND d.tick_time >= $2 AND d.tick_time <= $3 ${cursor}
    ORDER BY d.tick_time ${direction(sort)}
    LIMIT ${limit}`;
}

/** At most $4 ticks of one security over [$2, $3] as rows (tickRangeSql). */
export function tickRowsSql(sort: SortOrder, afterCursor: boolean): string {
  return tickRangeSql(TICK_ROW_SELECT, sort, afterCursor, '$4');
}

/**
 * One page of one security's ticks over [$2, $3] (tickRangeSql), at most $4 of them, as one row:
 * `json`, the page as a JSON array written by PostgreSQL (each number its exact numeric text, so
 * the API passes the text through without parsing a row), `more` (a tick follows the page) and
 * `last` (the page's last tick_time, for the cursor).
 */
export function tickPageSql(sort: SortOrder, afterCursor: boolean): string {
  const page = tickRangeSql(
    `${TICK_TIME_TEXT('d.tick_time')} AS tick_time, ${TICK_JSON} AS json,
     row_number() OVER (ORDER BY d.tick_time ${direction(sort)}) AS n`,
    sort,
    afterCursor,
    '$4::int + 1',
  );
  return `
    SELECT '[' || coalesce(string_agg(p.json, ',' ORDER BY p.n) FILTER (WHERE p.n <= $4::int), '') || ']' AS json,
           count(*) > $4::int AS more,
           max(p.tick_time) FILTER (WHERE p.n = $4::int) AS last
    FROM (${page}) p`;
}

export interface TickStreamRange {
  /** Literals, already quoted: COPY takes no parameters. */
  securityId: string;
  from: string;
  to: string;
  sort: SortOrder;
}

// Ordered by d.tick_time, the column: a bare tick_time would name the text output column and
// sort the rows again instead of reading them in idx_td_sec's order.
const streamSelect = (range: TickStreamRange) => `
  SELECT ${TICK_ROW_SELECT} FROM tick_data d
  WHERE d.security_id = ${range.securityId} AND d.tick_time >= ${range.from}
    AND d.tick_time <= ${range.to}
  ORDER BY d.tick_time ${direction(range.sort)}`;

/** The whole range as CSV with a header line, straight from COPY. */
export function tickCsvCopySql(range: TickStreamRange): string {
  return `COPY (${streamSelect(range)}) TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/**
 * The whole range as one JSON object per line (row_to_json writes it compactly). COPY's text
 * format escapes backslashes, tabs and newlines; these objects hold only numbers and ISO times,
 * so each line is the JSON as built.
 */
export function tickNdjsonCopySql(range: TickStreamRange): string {
  return `COPY (SELECT row_to_json(t)::text FROM (${streamSelect(range)}) t) TO STDOUT`;
}

/**
 * The next ticks of `count` securities after the key (tick_time, security_id) = ($1, $2), in that
 * order: the first `$3` of each security ($4, $5, ...; idx_td_sec serves each one), merged. `$2 =
 * ''` takes the ticks at `$1` too. One branch per security rather than a LATERAL over an array:
 * Citus cannot push a correlated ORDER BY ... LIMIT down to the shards, but it routes each branch
 * (security_id = a constant) to its one shard; PostgreSQL merges the branches' index order.
 */
export function nextTicksSql(count: number): string {
  const branches = Array.from(
    { length: count },
    (_, index) => `(
    SELECT d.security_id, ${TICK_ROW_SELECT}
    FROM tick_data d
    WHERE d.security_id = $${index + 4} AND d.tick_time >= $1
      AND (d.tick_time, d.security_id) > ($1::timestamp, $2::text)
    ORDER BY d.tick_time
    LIMIT $3)`,
  );
  return `SELECT t.* FROM (${branches.join(' UNION ALL ')}) t
  ORDER BY t.tick_time, t.security_id
  LIMIT $3`;
}
