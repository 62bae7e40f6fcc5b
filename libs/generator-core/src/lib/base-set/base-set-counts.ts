import {
  BASE_PERIOD_POSITIONS,
  BASE_PORTFOLIOS,
  BASE_SECURITIES,
  HOLDING_PERIOD_DATES,
} from '@securities/vocabulary';
import { CoreTableName } from '@securities/database';

/** The two snapshot dates the base set compares (the seed's period 1 and period 2). */
export const PERIOD_1 = HOLDING_PERIOD_DATES[1];
export const PERIOD_2 = HOLDING_PERIOD_DATES[2];

/**
 * Exact row count of every table of the base set, the same for every seed. The seed's counts,
 * plus the ones it leaves open (issuers, transactions), which follow from the universe and
 * portfolio plans.
 */
export const BASE_SET_COUNTS = {
  issuer: 71,
  securities_master: BASE_SECURITIES,
  portfolio: BASE_PORTFOLIOS,
  holdings_period_1: BASE_PERIOD_POSITIONS.period1,
  holdings_period_2: BASE_PERIOD_POSITIONS.period2,
  pricing_period_1: BASE_SECURITIES,
  pricing_period_2: BASE_SECURITIES,
  transactions: BASE_PERIOD_POSITIONS.trades,
  fx_rates: 26,
  credit_ratings: 61,
  corporate_actions: 12,
  risk_metrics: 74,
  variance_summary: BASE_PERIOD_POSITIONS.either,
} as const satisfies Record<CoreTableName, number>;
