import { Injectable } from '@nestjs/common';
import {
  MarketDailyBarResponse,
  MarketDailyQuery,
  MarketMoverResponse,
  MarketMoversQuery,
  PriceChange,
} from '@securities/contracts';
import { DataSpan, MarketDataInputError, resolveMoment } from '@securities/market-data';
import { addDays } from '@securities/market-sim';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { AdjustmentsService } from '../adjustments/adjustments.service';
import { dayTotalsByIdSql } from '@securities/market-sql';
import { BarSourcesService } from '../bars/bar-sources.service';
import { jsonNumber } from '../common/decimal-json';
import { pagedQuery } from '../common/paged-query';
import { Page } from '../common/page';
import { MarketDataContextService } from '../market-data/market-data-context.service';
import { previousCloses, PreviousCloseRow } from '../market-data/previous-closes';
import { priceChangeFields } from '../market-data/price-change-fields';

type DailyRow = Pick<
  MarketDailyBarResponse,
  'security_id' | 'ticker' | 'security_type' | 'currency' | 'sector' | 'price_date'
> & {
  open_price: string;
  high_price: string;
  low_price: string;
  close_price: string;
  volume: string;
  vwap: string;
};

interface MoverRow {
  security_id: string;
  ticker: string;
  security_name: string;
  currency: string;
  price_date: string;
  close_price: string;
}

/** The whole market on one trading day: every security's bar, and the day's biggest moves. */
@Injectable()
export class MarketService {
  constructor(
    private readonly db: DataSource,
    private readonly context: MarketDataContextService,
    private readonly sources: BarSourcesService,
    private readonly adjustments: AdjustmentsService,
  ) {}

  /** 400 unless `date` lies in the data and is a trading day (a day with bars), naming its neighbours. */
  private async tradingDay(date: string): Promise<void> {
    const span: DataSpan = await this.context.spanFor();
    resolveMoment(date, 'date', span);
    const [row]: { traded: boolean; before: string | null; after: string | null }[] =
      await this.db.query(
        `SELECT EXISTS (SELECT 1 FROM pricing_history WHERE price_date = $1) AS traded,
              (SELECT max(price_date) FROM pricing_history WHERE price_date < $1) AS before,
              (SELECT min(price_date) FROM pricing_history WHERE price_date > $1) AS after`,
        [date],
      );
    if (!row.traded) {
      const neighbours = [row.before, row.after].filter((day) => day !== null).join(' and ');
      throw new MarketDataInputError(
        'date',
        `(${date}) is not a trading day: the nearest are ${neighbours}`,
      );
    }
  }

  async findDailyBars(query: MarketDailyQuery): Promise<Page<MarketDailyBarResponse>> {
    await this.tradingDay(query.date);
    const page = await pagedQuery<DailyRow>(this.db, {
      from: `pricing_history p JOIN securities_master s ON s.security_id = p.security_id
        JOIN issuer i ON i.issuer_id = s.issuer_id`,
      columns: `p.security_id, s.ticker, s.security_type, s.currency, i.sector, p.price_date, p.open_price,
        p.high_price, p.low_price, p.close_price, p.volume, p.vwap`,
      orderBy: 'p.security_id',
      filters: { 'p.price_date': query.date },
      limit: query.limit,
      offset: query.offset,
    });
    const [tradeCounts, changes] = await Promise.all([
      this.tradeCounts(
        page.rows.map((row) => row.security_id),
        query.date,
      ),
      this.priceChanges(page.rows, query.date),
    ]);
    return page.map((row) => ({
      security_id: row.security_id,
      ticker: row.ticker,
      security_type: row.security_type,
      currency: row.currency,
      sector: row.sector,
      price_date: row.price_date,
      open: jsonNumber(row.open_price),
      high: jsonNumber(row.high_price),
      low: jsonNumber(row.low_price),
      close: jsonNumber(row.close_price),
      volume: jsonNumber(row.volume),
      vwap: jsonNumber(row.vwap),
      trade_count: jsonNumber(tradeCounts.get(row.security_id) ?? null),
      ...(changes.get(row.security_id) as PriceChange),
    }));
  }

  private async tradeCounts(securityIds: string[], date: string): Promise<Map<string, string>> {
    if (securityIds.length === 0) return new Map();
    const rows: { security_id: string; trade_count: string }[] = await this.db.query(
      dayTotalsByIdSql(await this.sources.sourceFor('1d')),
      [securityIds, date, addDays(date, 1)],
    );
    return new Map(rows.map((row) => [row.security_id, row.trade_count]));
  }

  /** The top `limit`; X-Total-Count is every security with a move that day. */
  async findMovers(query: MarketMoversQuery): Promise<Page<MarketMoverResponse>> {
    await this.tradingDay(query.date);
    const rows: MoverRow[] = await this.db.query(
      `SELECT p.security_id, s.ticker, s.security_name, s.currency, p.price_date, p.close_price
       FROM pricing_history p JOIN securities_master s ON s.security_id = p.security_id
       WHERE p.price_date = $1`,
      [query.date],
    );
    const changes = await this.priceChanges(rows, query.date);
    const sign = query.direction === 'gainers' ? -1 : 1;
    const moved = rows
      .map((row) => ({ row, change: changes.get(row.security_id) as PriceChange }))
      .filter(({ change }) => change.change_percent !== null);
    const top = moved
      .sort(
        (a, b) =>
          sign * ((a.change.change_percent as number) - (b.change.change_percent as number)) ||
          a.row.security_id.localeCompare(b.row.security_id),
      )
      .slice(0, query.limit)
      .map(({ row, change }) => ({
        security_id: row.security_id,
        ticker: row.ticker,
        security_name: row.security_name,
        currency: row.currency,
        price_date: row.price_date,
        close: Number(row.close_price),
        ...change,
      }));
    return new Page(top, moved.length);
  }

  /** Each security's change on its previous close, adjusted for what went ex on `date`. */
  private async priceChanges(
    rows: readonly { security_id: string; close_price: string }[],
    date: string,
  ): Promise<Map<string, PriceChange>> {
    const ids = rows.map((row) => row.security_id);
    const [previous, exDayFactors]: [PreviousCloseRow[], Map<string, Decimal>] = await Promise.all([
      previousCloses(
        this.db,
        ids.map((id) => ({ security_id: id, before: date })),
      ),
      this.adjustments.exDayFactors(date, ids),
    ]);
    const byId = new Map(previous.map((row) => [row.security_id, row]));
    return new Map(
      rows.map((row) => [
        row.security_id,
        priceChangeFields(
          row.close_price,
          byId.get(row.security_id),
          exDayFactors.get(row.security_id),
        ),
      ]),
    );
  }
}
