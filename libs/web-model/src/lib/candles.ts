import type { BarInterval } from '@securities/vocabulary';
import { chartSeconds, ChartSeconds, dayOf } from './chart-time';
import { PALETTE } from './palette';

/** The fields of a bar the chart draws (the API's BarResponse has more). */
export interface BarInput {
  bar_time: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface Candle {
  time: ChartSeconds;
  open: number;
  high: number;
  low: number;
  close: number;
}

export interface VolumeColumn {
  time: ChartSeconds;
  value: number;
  color: string;
}

/** One candle and one volume column per bar, in the bars' order (the API's, oldest first). */
export function candlesFrom(bars: readonly BarInput[]): {
  candles: Candle[];
  volumes: VolumeColumn[];
} {
  return {
    candles: bars.map((bar) => ({
      time: chartSeconds(bar.bar_time),
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
    })),
    volumes: bars.map((bar) => ({
      time: chartSeconds(bar.bar_time),
      value: bar.volume,
      color: bar.close >= bar.open ? PALETTE.upTranslucent : PALETTE.downTranslucent,
    })),
  };
}

/** The newest bars the security page asks for, per interval: about a week of minutes, all the days. */
export const BARS_SHOWN: Record<BarInterval, number> = {
  '1m': 1_950,
  '5m': 1_560,
  '15m': 1_040,
  '30m': 1_040,
  '1h': 1_000,
  '1d': 5_000,
  '1w': 1_000,
  '1mo': 1_000,
};

/**
 * The bar a dated event (an ex-date, a rating change) belongs on: the first bar of that day for
 * intraday bars, else the bar whose period holds the date (the last one starting on or before
 * it). Null when the date is outside the bars.
 */
export function barTimeForDate(
  date: string,
  bars: readonly { bar_time: string }[],
  interval: BarInterval,
): string | null {
  if (bars.length === 0) return null;
  const intraday = bars[0].bar_time.length > 10;
  if (intraday) return bars.find((bar) => dayOf(bar.bar_time) === date)?.bar_time ?? null;
  const last = bars[bars.length - 1].bar_time;
  if (date < bars[0].bar_time || (interval === '1d' && date > last)) return null;
  let found: string | null = null;
  for (const bar of bars) {
    if (bar.bar_time > date) break;
    found = bar.bar_time;
  }
  if (found === null) return null;
  if (interval === '1w' && chartSeconds(date) - chartSeconds(found) >= 7 * 86_400) return null;
  if (interval === '1mo' && found.slice(0, 7) !== date.slice(0, 7)) return null;
  return found;
}
