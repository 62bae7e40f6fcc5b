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

export const CORPORATE_ACTION_TYPES = ['STOCK_SPLIT', 'DIVIDEND', 'COUPON', 'MATURITY'] as const;
export type CorporateActionType = (typeof CORPORATE_ACTION_TYPES)[number];

export const RATING_AGENCIES = ['S&P', "Moody's", 'Fitch'] as const;
export type RatingAgency = (typeof RATING_AGENCIES)[number];

export const RATING_ACTIONS = ['INITIAL', 'UPGRADE', 'DOWNGRADE', 'AFFIRM'] as const;
export type RatingAction = (typeof RATING_ACTIONS)[number];

/** The two snapshot dates of the base set: period 1 and period 2. */
export const HOLDING_PERIOD_DATES = { 1: '2024-12-31', 2: '2025-03-31' } as const;
export type HoldingPeriod = keyof typeof HOLDING_PERIOD_DATES;
