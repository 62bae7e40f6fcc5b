import { ExactDecimal } from '@securities/variance';
import { checkWindow, IndicatorSeries, PriceInput, toDecimals } from './indicator-math';
import { smoothed } from './ema';

const HUNDRED = new ExactDecimal(100);
const NEUTRAL = new ExactDecimal(50);

/**
 * Wilder's relative strength index over `window` changes: average gain and loss start as the plain
 * means of the first `window` changes, then are smoothed with alpha = 1 / window. RSI = 100 -
 * 100 / (1 + gain / loss); 100 when nothing was lost, 50 when nothing moved at all. Defined from
 * value `window` on (the first value has no change).
 */
export function rsi(values: readonly PriceInput[], window: number): IndicatorSeries {
  checkWindow(window, 'window');
  const inputs = toDecimals(values);
  const changes = inputs.slice(1).map((value, i) => value.minus(inputs[i]));
  const zero = new ExactDecimal(0);
  const alpha = new ExactDecimal(1).div(window);
  const gains = smoothed(
    changes.map((change) => ExactDecimal.max(change, zero)),
    window,
    alpha,
  );
  const losses = smoothed(
    changes.map((change) => ExactDecimal.max(change.neg(), zero)),
    window,
    alpha,
  );
  return [
    null,
    ...gains.map((gain, i) => {
      const loss = losses[i];
      if (gain === null || loss === null) return null;
      if (loss.isZero()) return gain.isZero() ? NEUTRAL : HUNDRED;
      return HUNDRED.minus(HUNDRED.div(gain.div(loss).plus(1)));
    }),
  ].slice(0, inputs.length);
}
