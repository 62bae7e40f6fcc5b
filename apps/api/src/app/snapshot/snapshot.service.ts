import { Injectable, NotFoundException } from '@nestjs/common';
import { SnapshotQuery, SnapshotResponse } from '@securities/contracts';
import {
  formatLocalTime,
  LocalTime,
  readLocalTime,
  resolveMoment,
  startOfDay,
  tickVwap,
} from '@securities/market-data';
import { addDays } from '@securities/market-sim';
import { DataSource } from 'typeorm';
import { AdjustmentsService } from '../adjustments/adjustments.service';
import { intradayBarsSql, TICK_SOURCE, tickRowsSql } from '@securities/market-sql';
import { previousCloses } from '../market-data/previous-closes';
import { priceChangeFields } from '../market-data/price-change-fields';
import { MarketDataContextService } from '../market-data/market-data-context.service';

/** Days searched back for the last tick before the whole data is: one read of a partition or two. */
const RECENT_DAYS = 7;

type TickRow = Record<'tick_time' | 'price' | 'bid' | 'ask' | 'vwap', string> &
  Record<'volume' | 'bid_size' | 'ask_size' | 'trade_count', number>;

interface DayRow {
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  trade_count: string;
  price_volume: string;
}

/** A security at a moment: its last tick, the day so far, and the change on the previous close. */
@Injectable()
export class SnapshotService {
  constructor(
    private readonly db: DataSource,
    private readonly context: MarketDataContextService,
    private readonly adjustments: AdjustmentsService,
  ) {}

  private async lastTick(
    securityId: string,
    at: LocalTime,
    firstDay: string,
  ): Promise<TickRow | undefined> {
    const search = async (from: string) => {
      const rows: TickRow[] = await this.db.query(tickRowsSql('desc', false), [
        securityId,
        from,
        formatLocalTime(at),
        1,
      ]);
      return rows[0];
    };
    const recent = addDays(at.date, -RECENT_DAYS);
    return (
      (await search(recent > firstDay ? recent : firstDay)) ??
      (recent > firstDay ? search(firstDay) : undefined)
    );
  }

  async snapshot(securityId: string, query: SnapshotQuery): Promise<SnapshotResponse> {
    const span = await this.context.spanFor(securityId);
    const at = resolveMoment(query.at, 'at', span);
    const tick = await this.lastTick(securityId, at, span.first);
    if (!tick) {
      throw new NotFoundException(`No tick of ${securityId} at or before ${formatLocalTime(at)}`);
    }
    const time = readLocalTime(tick.tick_time) as LocalTime;
    const [[day], [previous], exDayFactors] = await Promise.all([
      this.db.query(intradayBarsSql(TICK_SOURCE), [
        securityId,
        formatLocalTime(startOfDay(time.date)),
        formatLocalTime({ date: time.date, micros: time.micros + 1 }),
        '1 day',
      ]) as Promise<DayRow[]>,
      previousCloses(this.db, [{ security_id: securityId, before: time.date }]),
      this.adjustments.exDayFactors(time.date, [securityId]),
    ]);
    return {
      security_id: securityId,
      at: formatLocalTime(at),
      last_tick: {
        tick_time: tick.tick_time,
        price: Number(tick.price),
        bid: Number(tick.bid),
        ask: Number(tick.ask),
        volume: tick.volume,
        bid_size: tick.bid_size,
        ask_size: tick.ask_size,
        trade_count: tick.trade_count,
        vwap: Number(tick.vwap),
      },
      day: {
        date: time.date,
        open: Number(day.open),
        high: Number(day.high),
        low: Number(day.low),
        close: Number(day.close),
        volume: Number(day.volume),
        vwap: Number(tickVwap(day.price_volume, day.volume, day.close)),
        trade_count: Number(day.trade_count),
      },
      ...priceChangeFields(tick.price, previous, exDayFactors.get(securityId)),
    };
  }
}
