import { CURRENCIES, CurrencyCode } from '../reference-data/currencies';
import { creditSpread } from '../reference-data/credit-ratings';

/** Years over which the curve moves from its short-end to its long-end level. */
const CURVE_DECAY_YEARS = 2;

/**
 * Risk-free yield for a maturity: a Nelson-Siegel level-and-slope curve from the currency's short
 * and long ends, shifted in parallel by `levelShift` (how the simulated curve moves day to day).
 */
export function riskFreeYield(
  currency: CurrencyCode,
  yearsToMaturity: number,
  levelShift = 0,
): number {
  const { short, long } = CURRENCIES[currency].riskFree;
  const x = Math.max(yearsToMaturity, 1 / 365) / CURVE_DECAY_YEARS;
  return long + (short - long) * ((1 - Math.exp(-x)) / x) + levelShift;
}

export interface BondYieldInput {
  currency: CurrencyCode;
  yearsToMaturity: number;
  /** Notch on the rating scale (0 = AAA); sets the credit spread. */
  ratingNotch: number;
  /** Parallel shift of the currency's curve. */
  levelShift?: number;
  /** Issuer- or deal-specific spread on top of the rating's (news, liquidity, structure). */
  extraSpread?: number;
}

/** Risk-free + rating spread + anything specific: the yield a bond is priced from. */
export function bondYield(input: BondYieldInput): number {
  return (
    riskFreeYield(input.currency, input.yearsToMaturity, input.levelShift) +
    creditSpread(input.ratingNotch) +
    (input.extraSpread ?? 0)
  );
}
