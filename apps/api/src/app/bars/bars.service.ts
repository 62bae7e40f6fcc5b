import { Injectable } from '@nestjs/common';
import { BarsQuery, BARS_PAGE } from '@securities/contracts';
import {
  adjustBars,
  Bar,
  bucketStart,
  compareLocalTime,
  decodeCursorKey,
  encodeCursor,
  formatLocalTime,
  INTRADAY_MINUTES,
  isIntraday,
  LocalTime,
  nextBucketStart,
  RawBar,
  readLocalTime,
  resolveTimeRange,
  startOfDay,
  tickVwap,
  TimeRange,
} from '@securities/market-data';
import { addDays } from '@securities/market-sim';
import { Adjustment, BarInterval, IntradayInterval, SortOrder } from '@securities/vocabulary';
import { DataSource } from 'typeorm';
import { AdjustmentsService } from '../adjustments/adjustments.service';
import { MarketDataContextService } from '../market-data/market-data-context.service';
import { exactJson } from '../common/json-text';
import { barResponse } from './bar-response';
import {
  DAILY_BARS_SQL,
  dayTotalsSql,
  intradayBarJsonSql,
  intradayBarsSql,
} from '@securities/market-sql';
import { BarSourcesService } from './bar-sources.service';

/** The start of the first bar and the end (excluded) of the last one wanted. */
export interface BarWindow {
  first: LocalTime;
  end: LocalTime;
}

export interface BarPage {
  /** The page as JSON text (BarResponse[]), its numbers exact. */
  json: string;
  /** The cursor of the next page, when there is one. */
  next?: string;
}

/** A bar as the API writes it: its start (exchange-local ISO text) and its JSON object. */
interface BarJson {
  start: string;
  json: string;
}

/** Days a bar holds at most: how many pricing_history rows `n` bars can need. */
const MAX_DAYS_PER_BAR: Readonly<Record<'1d' | '1w' | '1mo', number>> = {
  '1d': 1,
  '1w': 7,
  '1mo': 31,
};
/** Minutes of a regular session (09:30-16:00): sizes the first window of intraday ticks read. */
const SESSION_MINUTES = 390;

const timeParam = (time: LocalTime) => formatLocalTime(time);

interface IntradayRow {
  start: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  trade_count: string;
  price_volume: string;
}

interface DailyRow {
  price_date: string;
  open_price: string;
  high_price: string;
  low_price: string;
  close_price: string;
  volume: string;
  vwap: string;
}

/** Bars of one security: intraday from ticks (or their aggregates), days from pricing_history. */
@Injectable()
export class BarsService {
  constructor(
    private readonly db: DataSource,
    private readonly context: MarketDataContextService,
    private readonly sources: BarSourcesService,
    private readonly adjustments: AdjustmentsService,
  ) {}

  /** The bars whose bucket meets the range: whole bars, the first holding `from`, the last `to`. */
  windowOf(interval: BarInterval, range: TimeRange): BarWindow {
    return {
      first: bucketStart(interval, range.from),
      end: nextBucketStart(interval, bucketStart(interval, range.to)),
    };
  }

  async findBars(securityId: string, query: BarsQuery): Promise<BarPage> {
    const range = resolveTimeRange(query, await this.context.spanFor(securityId));
    const { interval, adjustment, sort } = query;
    const limit = query.limit ?? BARS_PAGE.default;
    const scope = [
      'bars',
      securityId,
      interval,
      adjustment,
      sort,
      ...[range.from, range.to].map(formatLocalTime),
    ].join('|');
    const window = this.windowOf(interval, range);
    if (query.cursor !== undefined) {
      const last = decodeCursorKey(scope, query.cursor, readLocalTime);
      if (sort === 'asc') window.first = nextBucketStart(interval, last);
      else window.end = last;
    }
    const bars = isIntraday(interval)
      ? await this.intradayBarsJson(securityId, interval, adjustment, window, limit + 1, sort)
      : (await this.collectBars(securityId, interval, adjustment, window, limit + 1, sort)).map(
          (bar) => ({
            start: formatLocalTime(bar.start),
            json: exactJson(barResponse(interval, bar)),
          }),
        );
    const page = bars.slice(0, limit);
    return {
      json: `[${page.map((bar) => bar.json).join(',')}]`,
      next: bars.length > limit ? encodeCursor(scope, page[limit - 1].start) : undefined,
    };
  }

  /**
   * Up to `count` intraday bars of the window, adjusted, in `sort` order, as PostgreSQL writes
   * them (intradayBarJsonSql): the answer's text without a number parsed in JavaScript.
   */
  private async intradayBarsJson(
    securityId: string,
    interval: IntradayInterval,
    adjustment: Adjustment,
    window: BarWindow,
    count: number,
    sort: SortOrder,
  ): Promise<BarJson[]> {
    if (compareLocalTime(window.first, window.end) >= 0) return [];
    const [source, schedule] = await Promise.all([
      this.sources.sourceFor(interval),
      this.adjustments.scheduleFor(securityId, adjustment),
    ]);
    const steps = [
      schedule.map((step) => step.before),
      schedule.map((step) => step.price.toString()),
      schedule.map((step) => step.volume.toString()),
    ];
    const bars = await this.intradayRows<BarJson>(
      intradayBarJsonSql(source),
      steps,
      securityId,
      interval,
      window,
      count,
      sort,
    );
    return sort === 'asc' ? bars : bars.reverse();
  }

  /** Up to `count` adjusted bars of the window, in `sort` order. */
  async collectBars(
    securityId: string,
    interval: BarInterval,
    adjustment: Adjustment,
    window: BarWindow,
    count: number,
    sort: SortOrder,
  ): Promise<Bar[]> {
    if (compareLocalTime(window.first, window.end) >= 0) return [];
    const [source, schedule] = await Promise.all([
      isIntraday(interval)
        ? this.intradayBars(securityId, interval, window, count, sort)
        : this.dailyBars(securityId, interval, window, count, sort),
      this.adjustments.scheduleFor(securityId, adjustment),
    ]);
    const bars = adjustBars(source, isIntraday(interval) ? interval : '1d', interval, schedule);
    return (sort === 'asc' ? bars : bars.reverse()).slice(0, count);
  }

  /** Raw intraday bars of the window (intradayBarsSql), at most `count`; ascending. */
  private async intradayBars(
    securityId: string,
    interval: IntradayInterval,
    window: BarWindow,
    count: number,
    sort: SortOrder,
  ): Promise<RawBar[]> {
    const sql = intradayBarsSql(await this.sources.sourceFor(interval));
    const rows = await this.intradayRows<IntradayRow>(
      sql,
      [],
      securityId,
      interval,
      window,
      count,
      sort,
    );
    return rows.map(intradayRawBar);
  }

  /**
   * The rows of an intraday bar query (intradayBarsSql's parameters, then `extra`), read window
   * by window in the order asked (each window's query touches only its partitions or chunks)
   * until `count` bars are found or the range ends; ascending.
   */
  private async intradayRows<Row>(
    sql: string,
    extra: unknown[],
    securityId: string,
    interval: IntradayInterval,
    window: BarWindow,
    count: number,
    sort: SortOrder,
  ): Promise<Row[]> {
    const width = `${INTRADAY_MINUTES[interval]} minutes`;
    // Calendar days for `count` bars of full sessions (weekends included), then doubling.
    let days = Math.ceil(((count * INTRADAY_MINUTES[interval]) / SESSION_MINUTES) * (7 / 5)) + 1;
    const found: Row[][] = [];
    let total = 0;
    let { first, end } = window;
    while (total < count && compareLocalTime(first, end) < 0) {
      const [from, to] =
        sort === 'asc'
          ? [first, minTime(end, startOfDay(addDays(first.date, days)))]
          : [maxTime(first, startOfDay(addDays(end.date, -days))), end];
      const rows: Row[] = await this.db.query(sql, [
        securityId,
        timeParam(from),
        timeParam(to),
        width,
        ...extra,
      ]);
      found.push(rows);
      total += rows.length;
      if (sort === 'asc') first = to;
      else end = from;
      days *= 2;
    }
    const ascending = sort === 'asc' ? found.flat() : found.reverse().flat();
    return sort === 'asc'
      ? ascending.slice(0, count)
      : ascending.slice(Math.max(0, ascending.length - count));
  }

  /**
   * Day-based bars: pricing_history's days (enough of them for `count` bars), with the trade count
   * and price x volume of their ticks; ascending.
   */
  private async dailyBars(
    securityId: string,
    interval: '1d' | '1w' | '1mo',
    window: BarWindow,
    count: number,
    sort: SortOrder,
  ): Promise<RawBar[]> {
    const rows: DailyRow[] = await this.db.query(DAILY_BARS_SQL(sort === 'asc' ? 'ASC' : 'DESC'), [
      securityId,
      window.first.date,
      window.end.date,
      count * MAX_DAYS_PER_BAR[interval],
    ]);
    if (rows.length === 0) return [];
    const days = sort === 'asc' ? rows : rows.reverse();
    const totals = await this.dayTotals(
      securityId,
      days[0].price_date,
      addDays(days[days.length - 1].price_date, 1),
    );
    return days.map((row) => {
      const own = totals.get(row.price_date);
      return {
        start: startOfDay(row.price_date),
        open: row.open_price,
        high: row.high_price,
        low: row.low_price,
        close: row.close_price,
        volume: row.volume,
        vwap: row.vwap,
        tradeCount: own?.trade_count ?? null,
        priceVolume: own?.price_volume ?? null,
      };
    });
  }

  private async dayTotals(
    securityId: string,
    from: string,
    until: string,
  ): Promise<Map<string, { trade_count: string; price_volume: string }>> {
    const rows: { day: string; trade_count: string; price_volume: string }[] = await this.db.query(
      dayTotalsSql(await this.sources.sourceFor('1d')),
      [securityId, from, until],
    );
    return new Map(rows.map((row) => [row.day, row]));
  }
}

const minTime = (a: LocalTime, b: LocalTime) => (compareLocalTime(a, b) <= 0 ? a : b);
const maxTime = (a: LocalTime, b: LocalTime) => (compareLocalTime(a, b) >= 0 ? a : b);

function intradayRawBar(row: IntradayRow): RawBar {
  return {
    start: readLocalTime(row.start) as LocalTime,
    open: row.open,
    high: row.high,
    low: row.low,
    close: row.close,
    volume: row.volume,
    vwap: tickVwap(row.price_volume, row.volume, row.close),
    tradeCount: row.trade_count,
    priceVolume: row.price_volume,
  };
}
