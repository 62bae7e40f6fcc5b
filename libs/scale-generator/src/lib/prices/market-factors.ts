import {
  createRandomSource,
  logVolatilityPath,
  logVolatilityVariance,
} from '@securities/market-sim';
import {
  CURVE_VOLATILITY,
  MARKET_VOLATILITY,
  SHOCK_DEGREES_OF_FREEDOM,
} from './process-parameters';

/** A log-volatility shared by many securities (mean 0) and its stationary variance. */
export interface VolatilityRegime {
  logVolatility: Float64Array;
  variance: number;
}

/**
 * The shared shocks of a run, one per trading day: the equity market, each sector, and each
 * currency's yield curve, with the market's and each curve's volatility regime. Each comes from its
 * own seeded stream, so a security's path depends on the seed, its own id and these, never on the
 * order securities are generated in.
 */
export interface MarketFactors {
  market: Float64Array;
  marketVolatility: VolatilityRegime;
  sectors: ReadonlyMap<string, Float64Array>;
  /** Unit-variance curve shocks; multiply by the curve's regime for the day's move. */
  curves: ReadonlyMap<string, Float64Array>;
  curveVolatility: ReadonlyMap<string, VolatilityRegime>;
}

function factorShocks(seed: number, stream: string, days: number): Float64Array {
  const random = createRandomSource(seed, stream);
  const shocks = new Float64Array(days);
  for (let i = 0; i < days; i++) shocks[i] = random.nextStudentT(SHOCK_DEGREES_OF_FREEDOM);
  return shocks;
}

function regime(
  seed: number,
  stream: string,
  model: typeof MARKET_VOLATILITY,
  shocks: Float64Array,
): VolatilityRegime {
  return {
    logVolatility: logVolatilityPath(model, shocks, createRandomSource(seed, stream)),
    variance: logVolatilityVariance(model),
  };
}

export function buildMarketFactors(
  seed: number,
  days: number,
  sectors: readonly string[],
  currencies: readonly string[],
): MarketFactors {
  const market = factorShocks(seed, 'scale/market', days);
  const curves = new Map(
    [...new Set(currencies)].map((currency) => [
      currency,
      factorShocks(seed, `scale/curve/${currency}`, days),
    ]),
  );
  return {
    market,
    marketVolatility: regime(seed, 'scale/market-volatility', MARKET_VOLATILITY, market),
    sectors: new Map(
      [...new Set(sectors)].map((sector) => [
        sector,
        factorShocks(seed, `scale/sector/${sector}`, days),
      ]),
    ),
    curves,
    curveVolatility: new Map(
      [...curves].map(([currency, shocks]) => [
        currency,
        regime(seed, `scale/curve-volatility/${currency}`, CURVE_VOLATILITY, shocks),
      ]),
    ),
  };
}
