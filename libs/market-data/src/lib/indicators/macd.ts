import Decimal from 'decimal.js';
import { ExactDecimal } from '@securities/variance';
import { MarketDataInputError } from '../market-data-input-error';
import { ema, smoothed } from './ema';
import { checkWindow } from './indicator-math';
import { PriceInput } from './indicator-math';

export interface MacdWindows {
  fast: number;
  slow: number;
  signal: number;
}

export const MACD_DEFAULTS: Readonly<MacdWindows> = { fast: 12, slow: 26, signal: 9 };

export interface MacdValue {
  /** EMA(fast) - EMA(slow). */
  macd: Decimal;
  /** EMA(signal) of the MACD line. */
  signal: Decimal;
  /** macd - signal. */
  histogram: Decimal;
}

/**
 * Moving average convergence/divergence: the MACD line from the slow-th value on, its signal
 * line `signal - 1` values later; one entry per input, null until both exist.
 */
export function macd(values: readonly PriceInput[], windows: MacdWindows): (MacdValue | null)[] {
  checkWindow(windows.fast, 'fast');
  checkWindow(windows.slow, 'slow', 2);
  checkWindow(windows.signal, 'signal');
  if (windows.fast >= windows.slow) {
    throw new MarketDataInputError(
      'fast',
      `(${windows.fast}) must be shorter than slow (${windows.slow})`,
    );
  }
  const fast = ema(values, windows.fast);
  const slow = ema(values, windows.slow);
  const start = windows.slow - 1;
  const line = slow
    .slice(start)
    .map((slowValue, i) => (fast[start + i] as Decimal).minus(slowValue as Decimal));
  const signal = smoothed(line, windows.signal, new ExactDecimal(2).div(windows.signal + 1));
  return values.map((_, i) => {
    const signalValue = i >= start ? signal[i - start] : null;
    if (signalValue === null) return null;
    const macdValue = line[i - start];
    return { macd: macdValue, signal: signalValue, histogram: macdValue.minus(signalValue) };
  });
}
