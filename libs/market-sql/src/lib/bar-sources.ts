import { INTRADAY_MINUTES, isIntraday, rollsUpInto } from '@securities/market-data';
import { BAR_INTERVALS, BarInterval } from '@securities/vocabulary';
import { ColumnKind, jsonObjectSql } from './json-sql';

/**
 * Where bars come from: tick_data itself, or a continuous aggregate `tick_bars_<interval>` (one row
 * per security and bucket, see CONTRACTS.md "Bars") that re-aggregates into any coarser bar. The
 * SQL below is the same for both; only the names differ.
 */
export interface BarSource {
  relation: string;
  time: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  tradeCount: string;
  priceVolume: string;
  /** The aggregate's own interval; undefined for tick_data. */
  interval?: BarInterval;
}

export const TICK_SOURCE: BarSource = {
  relation: 'tick_data',
  time: 'tick_time',
  open: 'price',
  high: 'price',
  low: 'price',
  close: 'price',
  volume: 'volume',
  tradeCount: 'trade_count',
  priceVolume: 'price * volume',
};

/** The columns a continuous aggregate must have for the API to read it. */
export const AGGREGATE_COLUMNS = [
  'security_id',
  'bucket',
  'open',
  'high',
  'low',
  'close',
  'volume',
  'trade_count',
  'price_volume',
] as const;

export const AGGREGATE_PREFIX = 'tick_bars_';

export function aggregateSource(interval: BarInterval): BarSource {
  return {
    relation: `${AGGREGATE_PREFIX}${interval}`,
    time: 'bucket',
    open: 'open',
    high: 'high',
    low: 'low',
    close: 'close',
    volume: 'volume',
    tradeCount: 'trade_count',
    priceVolume: 'price_volume',
    interval,
  };
}

/** Minutes per bar of the intervals an aggregate may have (intraday, or a day); else undefined. */
function aggregateMinutes(interval: BarInterval): number | undefined {
  if (isIntraday(interval)) return INTRADAY_MINUTES[interval];
  return interval === '1d' ? 24 * 60 : undefined;
}

/**
 * Where bars at `interval` come from: the coarsest of the `available` aggregates that rolls up into
 * it, else tick_data. Both give the same bars (tested); the aggregate reads far fewer rows.
 */
export function barSourceFor(interval: BarInterval, available: readonly BarInterval[]): BarSource {
  const coarsest = available
    .filter((candidate) => rollsUpInto(candidate, interval))
    .sort((a, b) => (aggregateMinutes(b) ?? 0) - (aggregateMinutes(a) ?? 0))[0];
  return coarsest ? aggregateSource(coarsest) : TICK_SOURCE;
}

/** What runs SQL: a TypeORM DataSource or EntityManager, a pg client. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The catalogue's `tick_bars_<interval>` relations: those bars can come from, and the others with why. */
export interface BarAggregates {
  usable: BarInterval[];
  unusable: { relation: string; reason: string }[];
}

/**
 * Reads the bar aggregates of the current schema (TimescaleDB's continuous aggregates; none on
 * plain PostgreSQL): usable when named after a bar interval an aggregate may have, with every
 * AGGREGATE_COLUMNS column, and readable by the connected role.
 */
export async function readBarAggregates(db: Queryable): Promise<BarAggregates> {
  const rows = (await db.query(
    `SELECT c.relname, array_agg(a.attname::text) AS columns, has_table_privilege(c.oid, 'SELECT') AS readable
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = current_schema() AND c.relname LIKE $1
     GROUP BY c.relname, c.oid`,
    [`${AGGREGATE_PREFIX.replace(/_/g, '\\_')}%`],
  )) as { relname: string; columns: string[]; readable: boolean }[];
  const found: BarAggregates = { usable: [], unusable: [] };
  for (const row of rows) {
    const interval = row.relname.slice(AGGREGATE_PREFIX.length) as BarInterval;
    if (!BAR_INTERVALS.includes(interval) || aggregateMinutes(interval) === undefined) continue;
    const missing = AGGREGATE_COLUMNS.filter((column) => !row.columns.includes(column));
    if (missing.length > 0 || !row.readable)
      found.unusable.push({
        relation: row.relname,
        reason: row.readable ? `it lacks ${missing.join(', ')}` : 'no SELECT privilege',
      });
    else found.usable.push(interval);
  }
  return found;
}

/**
 * Intraday bars of one security over [$2, $3), $4 the bar width as an interval, one row per
 * `bucket` (a timestamp) in no particular order: buckets aligned on clock time from midnight like
 * time_bucket; open/close by time, extremes, sums.
 */
function bucketsSql(source: BarSource): string {
  const { relation, time } = source;
  return `
    SELECT date_bin($4::interval, ${time}, TIMESTAMP '2000-01-01') AS bucket,
           (array_agg(${source.open} ORDER BY ${time}))[1] AS open,
           max(${source.high}) AS high, min(${source.low}) AS low,
           (array_agg(${source.close} ORDER BY ${time} DESC))[1] AS close,
           sum(${source.volume}) AS volume, sum(${source.tradeCount}) AS trade_count,
           sum(${source.priceVolume}) AS price_volume
    FROM ${relation}
    WHERE security_id = $1 AND ${time} >= $2 AND ${time} < $3
    GROUP BY 1`;
}

const BAR_START = `replace(b.bucket::text, ' ', 'T')`;

/** The bars of bucketsSql, raw, as numeric text; rows ascend. */
export function intradayBarsSql(source: BarSource): string {
  return `
    SELECT ${BAR_START} AS start, b.open, b.high, b.low, b.close,
           b.volume, b.trade_count, b.price_volume
    FROM (${bucketsSql(source)}) b
    ORDER BY b.bucket`;
}

/**
 * The bars of bucketsSql as the API writes them, one row per bar, ascending: `start`, and `json`,
 * the bar's JSON object (BarResponse) written by PostgreSQL, each number its exact numeric text
 * with trailing zeros trimmed as decimal.js writes them, so the API joins the objects without
 * parsing a number. $5, $6, $7: the adjustment schedule (AdjustmentStep's `before` dates,
 * ascending, and their price and volume factors); a bar takes the first step whose `before` is
 * after its day (an intraday bar never spans two days; width_bucket counts the steps at or before
 * it), else 1. The vwap is the generator's (tick-vwap.ts): floor((2 x 10^6 S + V) / 2V) x 10^-6
 * is sum(price x volume) / sum(volume) rounded half up to 6 decimals, exactly; the close when
 * nothing traded.
 */
export function intradayBarJsonSql(source: BarSource): string {
  const step = `width_bucket(b.bucket::date, $5::date[]) + 1`;
  const price = `coalesce(($6::numeric[])[${step}], 1)`;
  const volume = `coalesce(($7::numeric[])[${step}], 1)`;
  const vwap = `CASE WHEN b.volume = 0 THEN round(b.close, 6)
    ELSE div(b.price_volume * 2000000 + b.volume, b.volume * 2) * 0.000001 END`;
  const json = jsonObjectSql([
    ['bar_time', 'string', BAR_START],
    ...(['open', 'high', 'low', 'close'] as const).map((field): [string, ColumnKind, string] => [
      field,
      'number',
      `trim_scale(b.${field} * ${price})`,
    ]),
    ['volume', 'number', `trim_scale(b.volume * ${volume})`],
    ['vwap', 'number', `trim_scale((${vwap}) * ${price})`],
    ['trade_count', 'number', `coalesce(b.trade_count::text, 'null')`],
    ['adjustment_factor', 'number', `trim_scale(${price})`],
    ['volume_factor', 'number', `trim_scale(${volume})`],
  ]);
  return `
    SELECT ${BAR_START} AS start, ${json} AS json
    FROM (${bucketsSql(source)}) b
    ORDER BY b.bucket`;
}

/** Per day of one security over [$2, $3): the ticks' trade count and sum of price x volume. */
export function dayTotalsSql(source: BarSource): string {
  const { relation, time } = source;
  return `
    SELECT ${time}::date AS day, sum(${source.tradeCount}) AS trade_count,
           sum(${source.priceVolume}) AS price_volume
    FROM ${relation}
    WHERE security_id = $1 AND ${time} >= $2 AND ${time} < $3
    GROUP BY 1`;
}

/** pricing_history rows of one security over [$2, $3), in the order asked, at most $4. */
export const DAILY_BARS_SQL = (order: 'ASC' | 'DESC') => `
  SELECT price_date, open_price, high_price, low_price, close_price, volume, vwap
  FROM pricing_history
  WHERE security_id = $1 AND price_date >= $2 AND price_date < $3
  ORDER BY price_date ${order}
  LIMIT $4`;

/** Per security of $1 (an array) on one day [$2, $3): the ticks' trade count. */
export function dayTotalsByIdSql(source: BarSource): string {
  const { relation, time } = source;
  return `
    SELECT security_id, sum(${source.tradeCount}) AS trade_count
    FROM ${relation}
    WHERE security_id = ANY($1) AND ${time} >= $2 AND ${time} < $3
    GROUP BY 1`;
}
