import { checkWindow, IndicatorSeries, PriceInput, toDecimals } from './indicator-math';
import { ExactDecimal } from '@securities/variance';

/** Simple moving average of the last `window` values; defined from the window-th value on. */
export function sma(values: readonly PriceInput[], window: number): IndicatorSeries {
  checkWindow(window, 'window');
  const inputs = toDecimals(values);
  let sum = new ExactDecimal(0);
  return inputs.map((value, i) => {
    sum = sum.plus(value);
    if (i >= window) sum = sum.minus(inputs[i - window]);
    return i >= window - 1 ? sum.div(window) : null;
  });
}
