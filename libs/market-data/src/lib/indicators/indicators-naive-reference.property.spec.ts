import fc from 'fast-check';
import { ema } from './ema';
import { IndicatorSeries } from './indicator-math';
import { macd } from './macd';
import { rsi } from './rsi';
import { sma } from './sma';

// Naive references in plain floating point, written from the textbook definitions without the
// library's running sums and recursions: each value is recomputed from scratch.

function naiveSma(values: number[], window: number): (number | null)[] {
  return values.map((_, i) =>
    i < window - 1 ? null : values.slice(i - window + 1, i + 1).reduce((a, b) => a + b, 0) / window,
  );
}

/** The closed form of a seeded EMA: (1-a)^(t-n+1) * SMA_n + sum over k of a (1-a)^(t-k) x_k. */
function naiveSmoothed(values: number[], window: number, alpha: number): (number | null)[] {
  return values.map((_, t) => {
    if (t < window - 1) return null;
    const seed = values.slice(0, window).reduce((a, b) => a + b, 0) / window;
    let total = seed * (1 - alpha) ** (t - window + 1);
    for (let k = window; k <= t; k++) total += alpha * (1 - alpha) ** (t - k) * values[k];
    return total;
  });
}

const naiveEma = (values: number[], window: number) =>
  naiveSmoothed(values, window, 2 / (window + 1));

function naiveRsi(values: number[], window: number): (number | null)[] {
  const changes = values.slice(1).map((value, i) => value - values[i]);
  const gains = naiveSmoothed(
    changes.map((c) => Math.max(c, 0)),
    window,
    1 / window,
  );
  const losses = naiveSmoothed(
    changes.map((c) => Math.max(-c, 0)),
    window,
    1 / window,
  );
  return values.map((_, i) => {
    const gain = i === 0 ? null : gains[i - 1];
    const loss = i === 0 ? null : losses[i - 1];
    if (gain === null || loss === null) return null;
    if (loss === 0) return gain === 0 ? 50 : 100;
    return 100 - 100 / (1 + gain / loss);
  });
}

function expectClose(
  actual: IndicatorSeries,
  expected: (number | null)[],
  tolerance: number,
): void {
  expect(actual.map((value) => value === null)).toEqual(expected.map((value) => value === null));
  actual.forEach((value, i) => {
    if (value === null) return;
    const reference = expected[i] as number;
    expect(Math.abs(value.toNumber() - reference)).toBeLessThanOrEqual(
      tolerance * Math.max(1, Math.abs(reference)),
    );
  });
}

// Prices on the 1e-4 grid of tick_data, between 1 and 10,000.
const prices = fc.array(
  fc.integer({ min: 10_000, max: 100_000_000 }).map((units) => units / 10_000),
  {
    maxLength: 80,
  },
);
const window = fc.integer({ min: 1, max: 30 });

describe('indicators equal naive reference implementations', () => {
  it('SMA', () => {
    fc.assert(
      fc.property(prices, window, (values, n) =>
        expectClose(sma(values, n), naiveSma(values, n), 1e-9),
      ),
    );
  });

  it('EMA', () => {
    fc.assert(
      fc.property(prices, window, (values, n) =>
        expectClose(ema(values, n), naiveEma(values, n), 1e-9),
      ),
    );
  });

  it('RSI, and it stays within 0..100', () => {
    fc.assert(
      fc.property(prices, window, (values, n) => {
        const series = rsi(values, n);
        // Near-zero average losses make the float reference's ratio sensitive: compare on RSI's scale.
        expectClose(series, naiveRsi(values, n), 1e-7);
        for (const value of series)
          if (value !== null) expect(value.gte(0) && value.lte(100)).toBe(true);
      }),
    );
  });

  it('MACD: line = EMA(fast) - EMA(slow), signal = EMA of the line, histogram = their difference', () => {
    const windows = fc
      .tuple(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
      )
      .map(([fast, extra, signal]) => ({ fast, slow: fast + extra, signal }));
    fc.assert(
      fc.property(prices, windows, (values, w) => {
        const fast = naiveEma(values, w.fast);
        const slow = naiveEma(values, w.slow);
        const line = values
          .map((_, i) => (slow[i] === null ? null : (fast[i] as number) - (slow[i] as number)))
          .filter((value): value is number => value !== null);
        const signal = naiveEma(line, w.signal);
        const offset = values.length - line.length;
        const actual = macd(values, w);
        actual.forEach((value, i) => {
          const expectedSignal = i < offset ? null : signal[i - offset];
          expect(value === null).toBe(expectedSignal === null);
          if (value === null || expectedSignal === null) return;
          // The line is a difference of averages of prices: its float error scales with the prices.
          const scale = Math.max(1, ...values);
          expect(Math.abs(value.macd.toNumber() - line[i - offset])).toBeLessThanOrEqual(
            1e-9 * scale,
          );
          expect(Math.abs(value.signal.toNumber() - expectedSignal)).toBeLessThanOrEqual(
            1e-9 * scale,
          );
          expect(value.histogram.toNumber()).toBeCloseTo(line[i - offset] - expectedSignal, 6);
        });
      }),
    );
  });
});
