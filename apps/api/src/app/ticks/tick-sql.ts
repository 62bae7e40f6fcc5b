import { SortOrder } from '@securities/contracts';

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
const TICK_SELECT = `replace(tick_time::text, ' ', 'T') AS tick_time, price, bid, ask, volume,
  bid_size, ask_size, trade_count, vwap`;

const direction = (sort: SortOrder) => (sort === 'asc' ? 'ASC' : 'DESC');

/**
 * One page of one security's ticks over [$2, $3], at most $4 rows; `$5`, when `afterCursor`, is
 * the last tick of the previous page, excluded. idx_td_sec serves the order either way.
 */
export function tickPageSql(sort: SortOrder, afterCursor: boolean): string {
  const cursor = !afterCursor ? '' : sort === 'asc' ? 'AND tick_time > $5' : 'AND tick_time < $5';
  return `
    SELECT ${TICK_SELECT}
    FROM tick_data
    WHERE security_id = $1 AND tick_time >= $2 AND tick_time <= $3 ${cursor}
    ORDER BY tick_time ${direction(sort)}
    LIMIT $4`;
}

export interface TickStreamRange {
  /** Literals, already quoted: COPY takes no parameters. */
  securityId: string;
  from: string;
  to: string;
  sort: SortOrder;
}

const streamSelect = (select: string, range: TickStreamRange) => `
  SELECT ${select} FROM tick_data
  WHERE security_id = ${range.securityId} AND tick_time >= ${range.from} AND tick_time <= ${range.to}
  ORDER BY tick_time ${direction(range.sort)}`;

/** The whole range as CSV with a header line, straight from COPY. */
export function tickCsvCopySql(range: TickStreamRange): string {
  return `COPY (${streamSelect(TICK_SELECT, range)}) TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/**
 * The whole range as one JSON object per line (row_to_json writes it compactly). COPY's text
 * format escapes backslashes, tabs and newlines; these objects hold only numbers and ISO times,
 * so each line is the JSON as built.
 */
export function tickNdjsonCopySql(range: TickStreamRange): string {
  return `COPY (SELECT row_to_json(t)::text FROM (${streamSelect(TICK_SELECT, range)}) t) TO STDOUT`;
}
