import { Bar, formatLocalTime, isIntraday } from '@securities/market-data';
import { BarInterval } from '@securities/vocabulary';

/** bar_time: the exchange-local start of an intraday bar, the first day of a daily or longer one. */
export function barTime(interval: BarInterval, bar: Bar): string {
  return isIntraday(interval) ? formatLocalTime(bar.start) : bar.start.date;
}

/** A bar as BarResponse, its decimals kept exact for exactJson. */
export function barResponse(interval: BarInterval, bar: Bar) {
  return {
    bar_time: barTime(interval, bar),
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: bar.volume,
    vwap: bar.vwap,
    trade_count: bar.tradeCount,
    adjustment_factor: bar.adjustmentFactor,
    volume_factor: bar.volumeFactor,
  };
}
