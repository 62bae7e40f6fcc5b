import Decimal from 'decimal.js';
import { ExactDecimal } from '@securities/variance';

/** Decimals of a change in percent. */
export const CHANGE_PERCENT_DECIMALS = 4;

export interface PriceChange {
  adjustedPreviousClose: Decimal;
  change: Decimal;
  changePercent: Decimal;
}

/**
 * A price against the previous close, made comparable first: the close x the factors of the
 * actions going ex on the day (a 4-for-1 split is no -75 % day; an ex-dividend drop is no loss).
 */
export function priceChange(
  price: Decimal.Value,
  previousClose: Decimal.Value,
  exDayFactor: Decimal.Value = 1,
): PriceChange {
  const adjustedPreviousClose = new ExactDecimal(previousClose).times(exDayFactor);
  const change = new ExactDecimal(price).minus(adjustedPreviousClose);
  return {
    adjustedPreviousClose,
    change,
    changePercent: change
      .div(adjustedPreviousClose)
      .times(100)
      .toDecimalPlaces(CHANGE_PERCENT_DECIMALS, Decimal.ROUND_HALF_UP),
  };
}
