import { RandomSource } from '../random/random-source';

/** One AR(1) component of log-volatility. */
export interface VolatilityComponent {
  /** Day-to-day persistence φ (0 <= φ < 1): the component's half-life is ln 2 / -ln φ days. */
  persistence: number;
  /** Standard deviation η of its daily innovation. */
  volatility: number;
}

/**
 * Stochastic volatility of the EGARCH kind (Nelson 1991) with a latent part: the log of a day's
 * volatility is a sum of AR(1) components (a fast one for bursts, a slower one for regimes:
 * together their autocorrelation decays slowly, as real volatility's does). Each component's
 * innovation is driven by the previous day's return shock ε, through its size (a big move of
 * either sign raises tomorrow's volatility: clustering) and its sign (a fall raises it more than a
 * rise: the leverage effect), plus noise of its own:
 * ξ = leverage·ε + magnitude·(|ε| - E|ε|)/sd|ε| + √(1 - leverage² - magnitude²)·ν, of unit variance.
 */
export interface StochasticVolatilityModel {
  components: readonly VolatilityComponent[];
  /** Weight of the previous day's shock in each innovation: negative for leverage. */
  leverage: number;
  /** Weight of the previous day's standardised absolute shock: positive for clustering. */
  magnitude: number;
}

/** Occasional jumps (news, earnings), on top of the diffusive move. */
export interface JumpModel {
  /** Probability of a jump on any one day. */
  probability: number;
  /** Mean of a jump's log size, in units of the long-run daily volatility. */
  mean: number;
  /** Standard deviation of a jump's log size, in the same units. */
  size: number;
}

/** E|ε| and sd|ε| of a standard normal shock (√(2/π) and √(1 - 2/π)); near enough for Student-t ones. */
const MEAN_ABSOLUTE_SHOCK = Math.sqrt(2 / Math.PI);
const SD_ABSOLUTE_SHOCK = Math.sqrt(1 - 2 / Math.PI);

function checkModel(model: StochasticVolatilityModel): void {
  const driven = model.leverage * model.leverage + model.magnitude * model.magnitude;
  if (!(driven <= 1) || !(model.magnitude >= 0)) {
    throw new RangeError(
      `leverage² + magnitude² must not exceed 1 (magnitude >= 0), got ${model.leverage} and ${model.magnitude}`,
    );
  }
  for (const { persistence, volatility } of model.components) {
    if (!(persistence >= 0 && persistence < 1) || !(volatility >= 0)) {
      throw new RangeError(
        `a volatility component needs 0 <= persistence < 1 and volatility >= 0, got ${persistence} and ${volatility}`,
      );
    }
  }
}

/**
 * Stationary variance of the summed log-volatility. Two components' innovations share the return
 * shock's part (correlation leverage² + magnitude²), so they covary: η_i η_j c_ij / (1 - φ_i φ_j).
 */
export function logVolatilityVariance(model: StochasticVolatilityModel): number {
  checkModel(model);
  const shared = model.leverage * model.leverage + model.magnitude * model.magnitude;
  let variance = 0;
  model.components.forEach((a, i) =>
    model.components.forEach((b, j) => {
      variance +=
        (a.volatility * b.volatility * (i === j ? 1 : shared)) /
        (1 - a.persistence * b.persistence);
    }),
  );
  return variance;
}

/**
 * The log-volatility x_t of each day (mean 0), given each day's unit-variance return shock: day t's
 * value depends only on the shocks before it. The path starts from its stationary distribution, so
 * the first days are as clustered as the rest.
 */
export function logVolatilityPath(
  model: StochasticVolatilityModel,
  shocks: ArrayLike<number>,
  random: RandomSource,
): Float64Array {
  checkModel(model);
  const { components, leverage, magnitude } = model;
  const own = Math.sqrt(Math.max(0, 1 - leverage * leverage - magnitude * magnitude));
  const state = components.map(
    ({ persistence, volatility }) =>
      (volatility / Math.sqrt(1 - persistence * persistence)) * random.nextNormal(),
  );
  const path = new Float64Array(shocks.length);
  for (let t = 0; t < shocks.length; t++) {
    let x = 0;
    for (let i = 0; i < state.length; i++) x += state[i];
    path[t] = x;
    const shock = shocks[t];
    const driven =
      leverage * shock + (magnitude * (Math.abs(shock) - MEAN_ABSOLUTE_SHOCK)) / SD_ABSOLUTE_SHOCK;
    for (let i = 0; i < state.length; i++) {
      const { persistence, volatility } = components[i];
      state[i] = persistence * state[i] + volatility * (driven + own * random.nextNormal());
    }
  }
  return path;
}

export interface ClusteredReturnsInput {
  /** Each day's unit-variance return shock (already correlated with the market by the caller). */
  shocks: ArrayLike<number>;
  /** Long-run standard deviation of a day's diffusive log return. */
  dailyVolatility: number;
  /** Drift of the log price per day, before the variance correction. */
  dailyDrift: number;
  model: StochasticVolatilityModel;
  /** A log-volatility shared with other securities (the market's regime): centred, with its variance. */
  common?: { logVolatility: ArrayLike<number>; variance: number };
  jumps: JumpModel;
}

export interface ClusteredReturns {
  /** Each day's log return: drift, the diffusive move at the day's volatility, and any jump. */
  logReturns: Float64Array;
  /** Each day's diffusive volatility σ_t (its mean square is dailyVolatility²). */
  volatility: Float64Array;
  /** Each day's jump in log price (0 on most days). */
  jumps: Float64Array;
}

/**
 * Daily log returns with the stylized facts of real ones (Cont 2001): volatility that clusters and
 * mean-reverts, rises after falls, and occasional jumps on top of the (heavy-tailed) shocks.
 * σ_t = σ exp(x_t - Var x), so that E[σ_t²] = σ² for a Gaussian x.
 */
export function simulateClusteredReturns(
  input: ClusteredReturnsInput,
  random: RandomSource,
): ClusteredReturns {
  const { shocks, dailyVolatility, dailyDrift, common, jumps } = input;
  const days = shocks.length;
  if (common && common.logVolatility.length < days) {
    throw new RangeError(`the common log-volatility covers fewer than ${days} days`);
  }
  const own = logVolatilityPath(input.model, shocks, random);
  const centre = logVolatilityVariance(input.model) + (common?.variance ?? 0);
  const logReturns = new Float64Array(days);
  const volatility = new Float64Array(days);
  const jumpSizes = new Float64Array(days);
  for (let t = 0; t < days; t++) {
    const sigma =
      dailyVolatility * Math.exp(own[t] + (common ? common.logVolatility[t] : 0) - centre);
    const jump = random.nextBoolean(jumps.probability)
      ? dailyVolatility * (jumps.mean + jumps.size * random.nextNormal())
      : 0;
    volatility[t] = sigma;
    jumpSizes[t] = jump;
    logReturns[t] = dailyDrift - (sigma * sigma) / 2 + sigma * shocks[t] + jump;
  }
  return { logReturns, volatility, jumps: jumpSizes };
}
