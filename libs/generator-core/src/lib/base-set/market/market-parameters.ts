/** Parameters shared by the simulation and the risk figures computed from it. */
export const TRADING_DAYS_PER_YEAR = 252;
/** Student-t with 4 degrees of freedom: market days with 4-sigma moves are not unheard of. */
export const TAIL_DEGREES_OF_FREEDOM = 4;
/** Daily standard deviation of a currency's yield-curve level (about 63 bp a year). */
export const RATE_DAILY_VOLATILITY = 0.0004;
/** Daily standard deviation of a bond's own spread. */
export const SPREAD_DAILY_VOLATILITY = 0.0001;
/** Volatility of a spread as a share of its level: wide spreads move more. */
export const SPREAD_RELATIVE_VOLATILITY = 0.3;
/** Volatility of the equity market factor, against which betas are measured. */
export const EQUITY_MARKET_VOLATILITY = 0.16;
/** Daily price volatility used for bars and fills of bonds and options. */
export const BOND_DAILY_VOLATILITY = 0.003;
export const OPTION_DAILY_VOLATILITY = 0.03;
