import Decimal from 'decimal.js';
import { ExactDecimal } from '@securities/variance';
import { checkWindow, IndicatorSeries, PriceInput, toDecimals } from './indicator-math';

/**
 * Exponential moving average with alpha = 2 / (window + 1), seeded with the simple average of the
 * first `window` values (so it is defined from the window-th value on, like the SMA).
 */
export function ema(values: readonly PriceInput[], window: number): IndicatorSeries {
  checkWindow(window, 'window');
  return smoothed(toDecimals(values), window, new ExactDecimal(2).div(window + 1));
}

/** EMA-style smoothing with a given alpha: the SMA of the first `window` values, then recursion. */
export function smoothed(
  inputs: readonly Decimal[],
  window: number,
  alpha: Decimal,
): IndicatorSeries {
  let sum = new ExactDecimal(0);
  let average: Decimal | null = null;
  return inputs.map((value, i) => {
    if (i < window) {
      sum = sum.plus(value);
      if (i === window - 1) average = sum.div(window);
      return average;
    }
    average = (average as Decimal).plus(alpha.times(value.minus(average as Decimal)));
    return average;
  });
}
