import { createRandomSource } from '../random/random-source';
import {
  correlatedShock,
  equityBeta,
  EquityProcess,
  gbmStep,
  simulateEquityPaths,
} from './equity-gbm';

function correlation(a: number[], b: number[]): number {
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const [ma, mb] = [mean(a), mean(b)];
  let cov = 0;
  let va = 0;
  let vb = 0;
  a.forEach((x, i) => {
    cov += (x - ma) * (b[i] - mb);
    va += (x - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  });
  return cov / Math.sqrt(va * vb);
}

const logReturns = (path: number[]) => path.slice(1).map((price, i) => Math.log(price / path[i]));

const stock = (sector: string): EquityProcess => ({
  initialPrice: 100,
  annualDrift: 0.07,
  annualVolatility: 0.3,
  marketLoading: 0.5,
  sectorLoading: 0.6,
  sector,
});

describe('equity GBM', () => {
  it('grows at the drift less half the variance when the shock is zero', () => {
    expect(gbmStep(100, 0.1, 0.2, 1, 0)).toBeCloseTo(100 * Math.exp(0.08), 10);
    expect(gbmStep(100, 0, 0.2, 0.25, 1)).toBeCloseTo(100 * Math.exp(-0.005 + 0.1), 10);
  });

  it('refuses loadings that explain more than all the variance', () => {
    expect(() => correlatedShock(0.8, 0.8, 1, 1, 1)).toThrow('explain more than all the variance');
    expect(correlatedShock(0.6, 0.8, 1, 2, 5)).toBeCloseTo(2.2, 10);
  });

  it('moves stocks of a sector together more than stocks of different sectors', () => {
    const paths = simulateEquityPaths(
      [stock('Energy'), stock('Energy'), stock('Utilities')],
      { steps: 4_000, dtYears: 1 / 252, tailDegreesOfFreedom: 5 },
      createRandomSource(9, 'gbm'),
    );
    const [energyA, energyB, utility] = paths.map(logReturns);
    // Same sector: 0.5² + 0.6² = 0.61; different sectors: market only, 0.25.
    expect(correlation(energyA, energyB)).toBeCloseTo(0.61, 1);
    expect(correlation(energyA, utility)).toBeCloseTo(0.25, 1);
    const volatility =
      Math.sqrt(energyA.reduce((sum, r) => sum + r * r, 0) / energyA.length) * Math.sqrt(252);
    expect(volatility).toBeCloseTo(0.3, 1);
  });

  it('starts every path at its initial price, stays positive, and is deterministic', () => {
    const simulate = () =>
      simulateEquityPaths(
        [stock('Energy')],
        { steps: 10, dtYears: 1 / 252, tailDegreesOfFreedom: 4 },
        createRandomSource(1, 'p'),
      );
    const [path] = simulate();
    expect(path).toHaveLength(11);
    expect(path[0]).toBe(100);
    expect(path.every((price) => price > 0)).toBe(true);
    expect(simulate()).toEqual([path]);
  });

  it('has beta = market loading x own volatility / market volatility', () => {
    expect(equityBeta({ marketLoading: 0.6, annualVolatility: 0.32 }, 0.16)).toBeCloseTo(1.2, 10);
  });
});
