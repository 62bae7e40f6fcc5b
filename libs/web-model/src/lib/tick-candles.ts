import { ChartSeconds, chartSeconds } from './chart-time';
import type { Candle } from './candles';

/** The fields of a tick the live chart folds into candles. */
export interface TickInput {
  tick_time: string;
  price: number;
}

const MINUTE = 60;

/**
 * Folds one tick into one-minute candles (clock-aligned, as the API's 1m bars): it updates the
 * last candle when it falls in the same minute, else starts a new one. Returns the candle the
 * chart should draw (update) for it. Ticks must come in time order.
 */
export function foldTick(candles: Candle[], tick: TickInput): Candle {
  const seconds: ChartSeconds = chartSeconds(tick.tick_time);
  const minute = seconds - (seconds % MINUTE);
  const last = candles[candles.length - 1];
  if (last && minute < last.time) {
    throw new RangeError(`tick ${tick.tick_time} is before the last candle`);
  }
  if (last && last.time === minute) {
    last.high = Math.max(last.high, tick.price);
    last.low = Math.min(last.low, tick.price);
    last.close = tick.price;
    return { ...last };
  }
  const candle: Candle = {
    time: minute,
    open: tick.price,
    high: tick.price,
    low: tick.price,
    close: tick.price,
  };
  candles.push(candle);
  return { ...candle };
}
