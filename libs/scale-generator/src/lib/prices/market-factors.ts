import { createRandomSource } from '@securities/market-sim';

/** Degrees of freedom of every shock: fat tails, so crashes happen. */
export const TAIL_DEGREES_OF_FREEDOM = 5;

/**
 * The shared shocks of a run, one per trading day: the equity market, each sector, and each
 * currency's yield curve. Each comes from its own seeded stream, so a security's path depends on
 * the seed, its own id and these, never on the order securities are generated in.
 */
export interface MarketFactors {
  market: Float64Array;
  sectors: ReadonlyMap<string, Float64Array>;
  curves: ReadonlyMap<string, Float64Array>;
}

function factorShocks(seed: number, stream: string, days: number): Float64Array {
  const random = createRandomSource(seed, stream);
  const shocks = new Float64Array(days);
  for (let i = 0; i < days; i++) shocks[i] = random.nextStudentT(TAIL_DEGREES_OF_FREEDOM);
  return shocks;
}

export function buildMarketFactors(
  seed: number,
  days: number,
  sectors: readonly string[],
  currencies: readonly string[],
): MarketFactors {
  return {
    market: factorShocks(seed, 'scale/market', days),
    sectors: new Map(
      [...new Set(sectors)].map((sector) => [
        sector,
        factorShocks(seed, `scale/sector/${sector}`, days),
      ]),
    ),
    curves: new Map(
      [...new Set(currencies)].map((currency) => [
        currency,
        factorShocks(seed, `scale/curve/${currency}`, days),
      ]),
    ),
  };
}
