import { normalQuantile } from '../processes/normal-distribution';

export const TRADING_DAYS_PER_YEAR = 252;

/** One position's risk in a factor model: annualised one-sigma USD P&L per factor, and its own. */
export interface PositionRisk {
  /** Factor name -> signed USD exposure (a short has the opposite sign of a long). */
  factorExposuresUsd: Readonly<Record<string, number>>;
  /** The position's idiosyncratic one-sigma USD P&L, uncorrelated with everything else. */
  idiosyncraticUsd: number;
}

/**
 * Annualised one-sigma P&L of a set of positions in USD, with independent unit-variance factors:
 * exposures to a factor add up (and offset between longs and shorts) before squaring, own risks
 * diversify.
 */
export function annualRiskUsd(positions: readonly PositionRisk[]): number {
  const byFactor = new Map<string, number>();
  let ownVariance = 0;
  for (const position of positions) {
    for (const [factor, exposure] of Object.entries(position.factorExposuresUsd)) {
      byFactor.set(factor, (byFactor.get(factor) ?? 0) + exposure);
    }
    ownVariance += position.idiosyncraticUsd * position.idiosyncraticUsd;
  }
  const factorVariance = [...byFactor.values()].reduce(
    (sum, exposure) => sum + exposure * exposure,
    0,
  );
  return Math.sqrt(factorVariance + ownVariance);
}

/** Parametric (normal) value at risk, a positive loss amount, over `horizonDays` trading days. */
export function parametricValueAtRisk(
  annualRisk: number,
  confidence: number,
  horizonDays = 1,
): number {
  return normalQuantile(confidence) * annualRisk * Math.sqrt(horizonDays / TRADING_DAYS_PER_YEAR);
}
