import { createRandomSource } from '../random/random-source';
import { correlation, lagCorrelation, mean } from '../statistics/sample-statistics';
import {
  logVolatilityPath,
  logVolatilityVariance,
  simulateClusteredReturns,
  StochasticVolatilityModel,
} from './stochastic-volatility';

const normals = (count: number, stream: string) => {
  const random = createRandomSource(3, stream);
  return Float64Array.from({ length: count }, () => random.nextNormal());
};

const variance = (values: ArrayLike<number>) => {
  const centre = mean(values);
  return mean(Array.from(values, (x) => (x - centre) ** 2));
};

describe('stochastic volatility (EGARCH-type, two components)', () => {
  it('has the stationary variance of its AR(1) components, covarying through the shared shock', () => {
    // One component: η² / (1 - φ²) = 0.09 / 0.75.
    expect(
      logVolatilityVariance({
        components: [{ persistence: 0.5, volatility: 0.3 }],
        leverage: -0.6,
        magnitude: 0.6,
      }),
    ).toBeCloseTo(0.12, 12);
    // Two: 0.04/0.19 + 0.01/0.75 + 2 · 0.2 · 0.1 · (0.36 + 0.16) / (1 - 0.45).
    expect(
      logVolatilityVariance({
        components: [
          { persistence: 0.9, volatility: 0.2 },
          { persistence: 0.5, volatility: 0.1 },
        ],
        leverage: -0.6,
        magnitude: 0.4,
      }),
    ).toBeCloseTo(0.04 / 0.19 + 0.01 / 0.75 + (0.04 * 0.52) / 0.55, 12);
  });

  it('refuses a model whose shock weights exceed one, or a persistence outside [0, 1)', () => {
    const component = { persistence: 0.9, volatility: 0.1 };
    expect(() =>
      logVolatilityVariance({ components: [component], leverage: -0.8, magnitude: 0.8 }),
    ).toThrow('must not exceed 1');
    expect(() =>
      logVolatilityVariance({
        components: [{ persistence: 1, volatility: 0.1 }],
        leverage: 0,
        magnitude: 0,
      }),
    ).toThrow('0 <= persistence < 1');
  });

  const model: StochasticVolatilityModel = {
    components: [
      { persistence: 0.8, volatility: 0.1 },
      { persistence: 0.97, volatility: 0.06 },
    ],
    leverage: -0.7,
    magnitude: 0.6,
  };
  const shocks = normals(100_000, 'shocks');
  const path = logVolatilityPath(model, shocks, createRandomSource(3, 'volatility'));

  it('draws a path with that variance, persistent, and reacting to the previous shock', () => {
    expect(variance(path) / logVolatilityVariance(model)).toBeCloseTo(1, 1);
    expect(lagCorrelation(path, 20)).toBeGreaterThan(0.3);
    const next = path.slice(1);
    const previous = shocks.slice(0, -1);
    // A fall raises tomorrow's volatility: negative correlation with the signed shock...
    expect(correlation(previous, next)).toBeLessThan(-0.3);
    // ...and a big move of either sign raises it: positive correlation with its size.
    expect(correlation(previous.map(Math.abs), next)).toBeGreaterThan(0.2);
  });

  it('gives returns whose volatility averages the long-run one, with jumps at their rate', () => {
    const returns = simulateClusteredReturns(
      {
        shocks,
        dailyVolatility: 0.02,
        dailyDrift: 0,
        model,
        jumps: { probability: 0.01, mean: 0, size: 3 },
      },
      createRandomSource(3, 'returns'),
    );
    const meanSquare = mean(Array.from(returns.volatility, (sigma) => sigma * sigma));
    expect(Math.sqrt(meanSquare) / 0.02).toBeCloseTo(1, 1);
    const jumpDays = returns.jumps.filter((jump) => jump !== 0).length;
    expect(jumpDays).toBeGreaterThan(900);
    expect(jumpDays).toBeLessThan(1_100);
    // Each day: drift - σ²/2 + σ ε + jump.
    for (const t of [0, 17, 99_999]) {
      const sigma = returns.volatility[t];
      expect(returns.logReturns[t]).toBeCloseTo(
        -(sigma * sigma) / 2 + sigma * shocks[t] + returns.jumps[t],
        15,
      );
    }
  });

  it('adds a common regime to every day, and refuses one that is too short', () => {
    const flat: StochasticVolatilityModel = { components: [], leverage: 0, magnitude: 0 };
    const common = { logVolatility: Float64Array.from([0, Math.log(2)]), variance: 0 };
    const input = {
      shocks: [1, 1],
      dailyVolatility: 0.01,
      dailyDrift: 0,
      model: flat,
      common,
      jumps: { probability: 0, mean: 0, size: 0 },
    };
    const { volatility } = simulateClusteredReturns(input, createRandomSource(1, 'common'));
    expect(Array.from(volatility)).toEqual([0.01, 0.02]);
    expect(() =>
      simulateClusteredReturns({ ...input, shocks: [1, 1, 1] }, createRandomSource(1, 'common')),
    ).toThrow('fewer than 3 days');
  });
});
