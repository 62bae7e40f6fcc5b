/** The coded values of the platform: the schema turns each into a CHECK, the API into an enum. */

export const SECURITY_TYPES = [
  'EQUITY',
  'BOND',
  'OPTION',
  'FUTURE',
  'CLO',
  'ABS',
  'ETF',
  'FUND',
] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];

export const SECURITY_STATUSES = ['ACTIVE', 'MATURED', 'DELISTED'] as const;
export type SecurityStatus = (typeof SECURITY_STATUSES)[number];

export const PORTFOLIO_TYPES = ['Equity', 'Fixed Income', 'Mixed', 'Hedge'] as const;
export type PortfolioType = (typeof PORTFOLIO_TYPES)[number];

export const TRANSACTION_TYPES = ['BUY', 'SELL'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** Points of a portfolio's performance series: each trading day, ISO week or calendar month. */
export const PERFORMANCE_INTERVALS = ['1d', '1w', '1mo'] as const;
export type PerformanceInterval = (typeof PERFORMANCE_INTERVALS)[number];

export const CORPORATE_ACTION_TYPES = ['STOCK_SPLIT', 'DIVIDEND', 'COUPON', 'MATURITY'] as const;
export type CorporateActionType = (typeof CORPORATE_ACTION_TYPES)[number];

export const RATING_AGENCIES = ['S&P', "Moody's", 'Fitch'] as const;
export type RatingAgency = (typeof RATING_AGENCIES)[number];

export const RATING_ACTIONS = ['INITIAL', 'UPGRADE', 'DOWNGRADE', 'AFFIRM'] as const;
export type RatingAction = (typeof RATING_ACTIONS)[number];

/** Security types quoted per 100 of face value: their price factor is 0.01, every other type's 1. */
export const QUOTED_PER_100_TYPES = [
  'BOND',
  'CLO',
  'ABS',
] as const satisfies readonly SecurityType[];

/** securities_master.asset_class of each security type, for both universe builders (base and scale). */
export const ASSET_CLASSES = {
  EQUITY: 'Equity',
  BOND: 'Fixed Income',
  OPTION: 'Derivatives',
  FUTURE: 'Derivatives',
  CLO: 'Structured Products',
  ABS: 'Structured Products',
  ETF: 'Funds',
  FUND: 'Funds',
} as const satisfies Record<SecurityType, string>;

export function priceFactorOf(securityType: string): '1' | '0.01' {
  return (QUOTED_PER_100_TYPES as readonly string[]).includes(securityType) ? '0.01' : '1';
}

/** Bar intervals of the market-data API: intraday bars from ticks, then days, ISO weeks, months. */
export const BAR_INTERVALS = ['1m', '5m', '15m', '30m', '1h', '1d', '1w', '1mo'] as const;
export type BarInterval = (typeof BAR_INTERVALS)[number];

export const INTRADAY_INTERVALS = ['1m', '5m', '15m', '30m', '1h'] as const;
export type IntradayInterval = (typeof INTRADAY_INTERVALS)[number];

/** Price adjustment of bars: none, splits, cash dividends, or both. */
export const ADJUSTMENTS = ['raw', 'split', 'dividend', 'all'] as const;
export type Adjustment = (typeof ADJUSTMENTS)[number];

export const INDICATORS = ['sma', 'ema', 'rsi', 'macd'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const MOVER_DIRECTIONS = ['gainers', 'losers'] as const;
export type MoverDirection = (typeof MOVER_DIRECTIONS)[number];

/** The order of a page of ticks or bars, by time. */
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
