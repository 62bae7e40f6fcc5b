import fc from 'fast-check';
import { TICKS_PER_DAY } from '../profiles/scale-profiles';
import { pinVwap, vwapMicros } from './tick-vwap';

describe('the daily vwap, exactly as SQL rounds it', () => {
  it('is sum(price x volume) / sum(volume) to 6 decimals: 10.0000 x 1 + 10.0001 x 3 -> 10.000075', () => {
    expect(vwapMicros([100_000, 100_001], [1, 3])).toBe(10_000_075);
  });

  it('rounds half up: (0.0003 x 1 + 0.0002 x 199) / 200 = 0.0002005 -> 0.000201', () => {
    expect(vwapMicros([3, 2], [1, 199])).toBe(201);
  });

  it('is exact where floating point is not: 773.6363 x 24,956,089 + 773.6364 x 24,461,909', () => {
    // 100 S / V = 773,636,349.49999999... : below the half, so 773.636349; in doubles the
    // quotient comes out as 773,636,349.5 and Math.round would give 773.636350.
    expect(vwapMicros([7_736_363, 7_736_364], [24_956_089, 24_461_909])).toBe(773_636_349);
  });

  it('is the close when nothing traded', () => {
    expect(vwapMicros([100, 120, 110], [0, 0, 0])).toBe(11_000);
  });
});

describe('pinning a day to the vwap of its given bar', () => {
  const day = (prices: number[], volumes: number[]) => ({
    price: Float64Array.from(prices),
    volume: Int32Array.from(volumes),
  });

  it('moves volume so the rounded vwap is the target, prices and total untouched', () => {
    const { price, volume } = day(
      [1000, 1010, 1020, 1005, 990, 1000],
      [500, 300, 200, 400, 600, 0],
    );
    pinVwap(price, volume, 101_234); // 0.101234: between 0.0990 and 0.1020
    expect(vwapMicros(price, volume)).toBe(101_234);
    expect(volume.reduce((a, b) => a + b, 0)).toBe(2_000);
    expect(Array.from(price)).toEqual([1000, 1010, 1020, 1005, 990, 1000]);
    expect(Math.min(...volume)).toBeGreaterThanOrEqual(0);
  });

  it('refuses a target outside the day’s prices, naming it', () => {
    const { price, volume } = day([1000, 1010], [5, 5]);
    expect(() => pinVwap(price, volume, 102_000)).toThrow(/vwap 0.102/);
  });

  /** A day's walk: up to a session's ticks, moving at most 40 (0.0040) each. */
  const LARGEST_STEP = 40;
  /**
   * Prices are positive: a walk starting here cannot reach 0. (From 1,000 a falling walk went
   * negative, and a negative target's rounding is not the half-up the generator ever needs.)
   */
  const LOWEST_START = 1 + TICKS_PER_DAY * LARGEST_STEP;

  it('lands on any target within [low, high] of a session-like day: a walk of prices, busy volume', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: LOWEST_START, max: 10_000_000 }),
        // The start and its steps: at most a session's prices, one volume each.
        fc.array(fc.integer({ min: -LARGEST_STEP, max: LARGEST_STEP }), {
          minLength: 100,
          maxLength: TICKS_PER_DAY - 1,
        }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), {
          minLength: TICKS_PER_DAY,
          maxLength: TICKS_PER_DAY,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, steps, volumes, at) => {
          const prices = steps.reduce(
            (walk, step) => [...walk, walk[walk.length - 1] + step],
            [start],
          );
          const { price, volume } = day(prices, volumes.slice(0, prices.length));
          const total = volume.reduce((a, b) => a + b, 0);
          const low = Math.min(...prices);
          const high = Math.max(...prices);
          fc.pre(total >= 10_000 && high > low);
          const target = Math.round((low + at * (high - low)) * 100);
          pinVwap(price, volume, target);
          expect(vwapMicros(price, volume)).toBe(target);
          expect(volume.reduce((a, b) => a + b, 0)).toBe(total);
          expect(Math.min(...volume)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
