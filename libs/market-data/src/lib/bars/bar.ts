import Decimal from 'decimal.js';
import { ExactDecimal } from '@securities/variance';
import { LocalTime } from '../time/local-time';

/** Decimals of a vwap, as pricing_history.vwap (numeric(18,6)) and the generator keep it. */
export const VWAP_DECIMALS = 6;

/**
 * A bar as the database gives it, values as PostgreSQL numeric text. `priceVolume` (the sum of
 * price x volume over the bar's ticks) and `tradeCount` are null when the bar has no ticks behind it.
 */
export interface RawBar {
  start: LocalTime;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  vwap: string;
  tradeCount: string | null;
  priceVolume: string | null;
}

/** A bar as the API serves it, after adjustment. */
export interface Bar {
  start: LocalTime;
  open: Decimal;
  high: Decimal;
  low: Decimal;
  close: Decimal;
  volume: Decimal;
  vwap: Decimal;
  tradeCount: Decimal | null;
  /**
   * What every price of the bar was multiplied by (1 unadjusted), and its volume: null when the bar
   * spans an ex-date, whose days were then adjusted one by one before they were aggregated.
   */
  adjustmentFactor: Decimal | null;
  volumeFactor: Decimal | null;
}

/**
 * The generator's vwap (libs/scale-generator day-ticks.ts): sum(price x volume) / sum(volume),
 * rounded half up to 6 decimals; the close when nothing traded.
 */
export function tickVwap(
  priceVolume: Decimal.Value,
  volume: Decimal.Value,
  close: Decimal.Value,
): string {
  const traded = new ExactDecimal(volume);
  if (traded.isZero()) return new ExactDecimal(close).toFixed(VWAP_DECIMALS);
  return new ExactDecimal(priceVolume).div(traded).toFixed(VWAP_DECIMALS, Decimal.ROUND_HALF_UP);
}
