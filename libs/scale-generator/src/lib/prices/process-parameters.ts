import { JumpModel, StochasticVolatilityModel } from '@securities/market-sim';

/**
 * The parameters behind the stylized facts of the scale set's prices (R. Cont, "Empirical
 * properties of asset returns: stylized facts and statistical issues", Quantitative Finance 1,
 * 2001). Calibrated by simulation so that both a year and a quarter of daily closes (the medium
 * profile) and five years (the full profile) land inside the realism report's target ranges.
 */

export const TRADING_DAYS_PER_YEAR = 252;

/** Degrees of freedom of the FX walks' daily shocks. */
export const FX_DEGREES_OF_FREEDOM = 5;

/** Degrees of freedom of the daily shocks (market, sector, own): heavy tails, not extreme ones. */
export const SHOCK_DEGREES_OF_FREEDOM = 8;

/**
 * A security's own log-volatility: a fast component (half-life about 4 days) for bursts and a
 * slower one (about 23 days) for regimes, so |returns| stay autocorrelated for weeks. Both react
 * to each day's shock: to its size (clustering) and, more, to its sign (a fall raises tomorrow's
 * volatility: leverage).
 */
export const SECURITY_VOLATILITY: StochasticVolatilityModel = {
  components: [
    { persistence: 0.85, volatility: 0.05 },
    { persistence: 0.97, volatility: 0.085 },
  ],
  leverage: -0.7,
  magnitude: 0.6,
};

/** The market's volatility regime, shared by every equity-like security (crises are common). */
export const MARKET_VOLATILITY: StochasticVolatilityModel = {
  components: [{ persistence: 0.97, volatility: 0.04 }],
  leverage: -0.75,
  magnitude: 0.5,
};

/** Each currency's yield-curve volatility regime: rates volatility clusters too. */
export const CURVE_VOLATILITY: StochasticVolatilityModel = {
  components: [{ persistence: 0.98, volatility: 0.08 }],
  leverage: 0,
  magnitude: 0.6,
};

/** News and earnings on single names: about three jumps a year, about 3 daily volatilities each. */
export const SINGLE_NAME_JUMPS: JumpModel = { probability: 0.012, mean: -0.3, size: 3 };
/** Diversified products (ETFs, funds, index futures) jump rarely. */
export const INDEX_JUMPS: JumpModel = { probability: 0.002, mean: -0.5, size: 3 };

/** Share of a day's diffusive variance that happens overnight (the gap from the close to the open). */
export const OVERNIGHT_SHARE = 0.2;

/**
 * A day's volume multiplier: volatility^VOLUME_VOLATILITY_ELASTICITY x (VOLUME_CALM + |shock|),
 * x lognormal noise: volume rises with volatility and with the day's absolute return
 * (Karpoff 1987, "The relation between price changes and trading volume").
 */
export const VOLUME_VOLATILITY_ELASTICITY = 0.7;
export const VOLUME_CALM = 1.5;
export const VOLUME_NOISE = 0.5;

/** Spreads widen with volatility (half-spread ∝ volatility^SPREAD_VOLATILITY_ELASTICITY). */
export const SPREAD_VOLATILITY_ELASTICITY = 0.8;
