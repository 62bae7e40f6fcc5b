import { intradayMultiplier } from './intraday-profile';

const shape = { open: 3, close: 2, openDecay: 0.1, closeBuild: 0.05 };

describe('an intraday U-shape', () => {
  it('starts near its open multiplier and ends near its close multiplier', () => {
    // 1 + 2 + 1·e^-20 at the open; 1 + 2·e^-10 + 1 at the close.
    expect(intradayMultiplier(shape, 0)).toBeCloseTo(3, 6);
    expect(intradayMultiplier(shape, 1)).toBeCloseTo(2 + 2 * Math.exp(-10), 9);
  });

  it('is close to 1 at midday and decays by a factor e over openDecay', () => {
    expect(intradayMultiplier(shape, 0.5)).toBeCloseTo(1 + 2 * Math.exp(-5) + Math.exp(-10), 12);
    expect(intradayMultiplier(shape, 0.1)).toBeCloseTo(1 + 2 / Math.E + Math.exp(-18), 9);
  });

  it('refuses points outside the session', () => {
    expect(() => intradayMultiplier(shape, -0.1)).toThrow('in [0, 1]');
    expect(() => intradayMultiplier(shape, 1.5)).toThrow('in [0, 1]');
  });
});
