import { Injectable } from '@nestjs/common';
import { formatLocalTime, MarketDataInputError, resolveTimeRange } from '@securities/market-data';
import { ReplaySource } from '@securities/replay';
import { DataSource } from 'typeorm';
import { ColumnKind, TICK_COLUMNS } from '@securities/market-sql';
import { rowsAsJson } from '../common/json-text';
import { MarketDataContextService } from '../market-data/market-data-context.service';
import { ReplaySubscription } from './replay-subscription';

/** A tick row as PostgreSQL sent it: numbers as text, written verbatim into the JSON. */
export interface ReplayTickRow {
  security_id: string;
  tick_time: string;
  [column: string]: string;
}

const REPLAY_TICK_COLUMNS: Record<string, ColumnKind> = { security_id: 'string', ...TICK_COLUMNS };

/**
 * The next ticks of `count` securities after the key (tick_time, security_id) = ($1, $2), in that
 * order: the first `$3` of each security ($4, $5, ...; idx_td_sec serves each one), merged. `$2 =
 * ''` takes the ticks at `$1` too. One branch per security rather than a LATERAL over an array:
 * Citus cannot push a correlated ORDER BY ... LIMIT down to the shards, but it routes each branch
 * (security_id = a constant) to its one shard; PostgreSQL merges the branches' index order.
 */
function nextTicksSql(count: number): string {
  const branches = Array.from(
    { length: count },
    (_, index) => `(
    SELECT d.security_id, replace(d.tick_time::text, ' ', 'T') AS tick_time, d.price, d.bid,
           d.ask, d.volume, d.bid_size, d.ask_size, d.trade_count, d.vwap
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

/** What a replay reads: the checks of a subscription against the data, and its ticks in order. */
@Injectable()
export class ReplayTicksService {
  constructor(
    private readonly db: DataSource,
    private readonly context: MarketDataContextService,
  ) {}

  /** The start as exchange-local text; an error naming the field when the data cannot serve it. */
  async resolveStart(subscription: ReplaySubscription): Promise<string> {
    const known: { security_id: string }[] = await this.db.query(
      'SELECT security_id FROM securities_master WHERE security_id = ANY($1)',
      [subscription.securities],
    );
    const unknown = subscription.securities.filter(
      (id) => !known.some((row) => row.security_id === id),
    );
    if (unknown.length > 0) {
      throw new MarketDataInputError('securities', `are not known: ${unknown.join(', ')}`);
    }
    const span = await this.context.spanFor();
    return formatLocalTime(resolveTimeRange({ from: subscription.from }, span).from);
  }

  source(securities: string[], from: string): ReplaySource<ReplayTickRow> {
    return {
      next: (after, limit) =>
        this.db.query(nextTicksSql(securities.length), [
          after?.tick_time ?? from,
          after?.security_id ?? '',
          limit,
          ...securities,
        ]),
    };
  }

  /** The ticks of one moment as the `data` of a `ticks` message. */
  static json(rows: readonly ReplayTickRow[]): string {
    return rowsAsJson(rows, REPLAY_TICK_COLUMNS);
  }
}
