import { createRandomSource } from '../random/random-source';
import { simulateArithmeticWalk } from './arithmetic-walk';
import { simulateFxPath } from './fx-walk';
import { pinPathEnd } from './path-pinning';

describe('FX random walk', () => {
  it('starts at the given rate, stays positive and has the given volatility', () => {
    const path = simulateFxPath(
      1.0354,
      0.08,
      { steps: 5_000, dtYears: 1 / 252, tailDegreesOfFreedom: 5 },
      createRandomSource(1, 'fx'),
    );
    expect(path[0]).toBe(1.0354);
    expect(path.every((rate) => rate > 0)).toBe(true);
    const returns = path.slice(1).map((rate, i) => Math.log(rate / path[i]));
    const volatility = Math.sqrt(
      (returns.reduce((sum, r) => sum + r * r, 0) / returns.length) * 252,
    );
    expect(volatility).toBeCloseTo(0.08, 2);
  });

  it('walks yields arithmetically', () => {
    const walk = simulateArithmeticWalk(
      0.04,
      0,
      { steps: 3, tailDegreesOfFreedom: 4 },
      createRandomSource(1, 'y'),
    );
    expect(walk).toEqual([0.04, 0.04, 0.04, 0.04]);
  });
});

describe('pinPathEnd', () => {
  const path = [1, 1.1, 0.9, 1.05, 1.2];

  it('ends exactly at the requested ratio to the start and keeps the start', () => {
    const pinned = pinPathEnd(path, 1.05);
    expect(pinned[0]).toBe(1);
    expect(pinned[4]).toBeCloseTo(1.05, 12);
  });

  it('leaves the path alone up to fromIndex and pins relative to that point', () => {
    const pinned = pinPathEnd(path, 0.5, 2);
    expect(pinned.slice(0, 3)).toEqual([1, 1.1, 0.9]);
    expect(pinned[4] / pinned[2]).toBeCloseTo(0.5, 12);
  });

  it('refuses a non-positive ratio or an index with nothing after it', () => {
    expect(() => pinPathEnd(path, 0)).toThrow('cannot pin');
    expect(() => pinPathEnd(path, 1, 4)).toThrow('cannot pin');
  });
});
