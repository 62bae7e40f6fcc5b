import Decimal from 'decimal.js';
import { ExactDecimal } from '@securities/variance';
import { MarketDataInputError } from '../market-data-input-error';

/** Decimals an indicator value is reported with (the arithmetic is ExactDecimal's, then rounded). */
export const INDICATOR_DECIMALS = 8;

/** A price as PostgreSQL numeric text ("101.250000") or a number. */
export type PriceInput = string | number | Decimal;

/** One value per input bar; null while the indicator has too few bars (its warm-up). */
export type IndicatorSeries = (Decimal | null)[];

export function toDecimals(values: readonly PriceInput[]): Decimal[] {
  return values.map((value) => new ExactDecimal(value));
}

/** A window length: a whole number of bars, at least `minimum`; errors name the parameter. */
export function checkWindow(window: number, parameter: string, minimum = 1): void {
  if (!Number.isInteger(window) || window < minimum) {
    throw new MarketDataInputError(
      parameter,
      `must be a whole number of bars >= ${minimum}, got ${window}`,
    );
  }
}
