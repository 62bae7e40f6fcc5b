import { RandomSource } from '../random/random-source';

const LOADING_TOLERANCE = 1e-12;

/** One stock's price process: GBM whose shocks load on a market and a sector factor. */
export interface EquityProcess {
  initialPrice: number;
  annualDrift: number;
  annualVolatility: number;
  /** Correlation of the stock's shock with the market factor. */
  marketLoading: number;
  /** Correlation with its sector's factor; marketLoading² + sectorLoading² must not exceed 1. */
  sectorLoading: number;
  sector: string;
}

export interface PathOptions {
  /** Number of steps; a path has steps + 1 points, the first being the initial value. */
  steps: number;
  /** Length of one step in years (1/252 for a trading day). */
  dtYears: number;
  /** Degrees of freedom of the Student-t shocks: lower means fatter tails. */
  tailDegreesOfFreedom: number;
}

/** One step of geometric Brownian motion driven by a unit-variance shock. */
export function gbmStep(
  price: number,
  annualDrift: number,
  annualVolatility: number,
  dtYears: number,
  shock: number,
): number {
  const logReturn =
    (annualDrift - (annualVolatility * annualVolatility) / 2) * dtYears +
    annualVolatility * Math.sqrt(dtYears) * shock;
  return price * Math.exp(logReturn);
}

/**
 * A unit-variance shock that has correlation `marketLoading` with the market factor and
 * `sectorLoading` with the sector factor; the rest is the stock's own.
 */
export function correlatedShock(
  marketLoading: number,
  sectorLoading: number,
  market: number,
  sector: number,
  own: number,
): number {
  const ownWeight = 1 - marketLoading * marketLoading - sectorLoading * sectorLoading;
  // Loadings that explain exactly all the variance leave a rounding-sized negative remainder.
  if (ownWeight < -LOADING_TOLERANCE) {
    throw new RangeError(
      `factor loadings ${marketLoading} and ${sectorLoading} explain more than all the variance`,
    );
  }
  return marketLoading * market + sectorLoading * sector + Math.sqrt(Math.max(0, ownWeight)) * own;
}

/**
 * Daily (or any step) prices of many stocks at once: each step draws one market shock, one shock per
 * sector and one per stock, all Student-t, so stocks in a sector move together and crashes are
 * shared. Returns one path per process, in input order.
 */
export function simulateEquityPaths(
  processes: readonly EquityProcess[],
  options: PathOptions,
  random: RandomSource,
): number[][] {
  const sectors = [...new Set(processes.map((process) => process.sector))].sort();
  const paths = processes.map((process) => [process.initialPrice]);
  for (let step = 1; step <= options.steps; step++) {
    const market = random.nextStudentT(options.tailDegreesOfFreedom);
    const sectorShocks = new Map(
      sectors.map((sector) => [sector, random.nextStudentT(options.tailDegreesOfFreedom)]),
    );
    processes.forEach((process, i) => {
      const shock = correlatedShock(
        process.marketLoading,
        process.sectorLoading,
        market,
        sectorShocks.get(process.sector) ?? 0,
        random.nextStudentT(options.tailDegreesOfFreedom),
      );
      const path = paths[i];
      path.push(
        gbmStep(
          path[step - 1],
          process.annualDrift,
          process.annualVolatility,
          options.dtYears,
          shock,
        ),
      );
    });
  }
  return paths;
}

/** Beta to a market with the given volatility: cov(stock, market) / var(market). */
export function equityBeta(
  process: Pick<EquityProcess, 'annualVolatility' | 'marketLoading'>,
  marketVolatility: number,
): number {
  return (process.marketLoading * process.annualVolatility) / marketVolatility;
}
