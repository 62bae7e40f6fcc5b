import { Injectable } from '@nestjs/common';
import { formatLocalTime, MarketDataInputError, resolveTimeRange } from '@securities/market-data';
import { ReplaySource } from '@securities/replay';
import { DataSource } from 'typeorm';
import { ColumnKind, nextTicksSql, TICK_COLUMNS } from '@securities/market-sql';
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
