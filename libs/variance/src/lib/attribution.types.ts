import Decimal from 'decimal.js';
import { DecimalInput } from './decimal-input';

/** A position at one date: quantity, local price and the FX rate that turns local money into USD. */
export interface PositionSnapshot {
  quantity: DecimalInput;
  price: DecimalInput;
  fxRate: DecimalInput;
}

/** A corporate action with ex-date in (t0, t1]. */
export type CorporateAction =
  /** New shares per old share, e.g. 4 for a 4-for-1 split. */
  | { type: 'STOCK_SPLIT'; ratio: DecimalInput }
  /** Cash per unit, in local currency. */
  | { type: 'DIVIDEND'; amount: DecimalInput }
  /** Cash per 100 nominal, in price units (consistent with a 0.01 price factor). */
  | { type: 'COUPON'; amount: DecimalInput }
  | { type: 'MATURITY' };

export interface PositionAttributionInput {
  /** A new position has quantity 0 but still the security's price and FX at t0. */
  start: PositionSnapshot;
  /** A closed or matured position has quantity 0 but still the price and FX at t1. */
  end: PositionSnapshot;
  /** 1 for prices per unit, 0.01 for bonds quoted per 100 nominal. */
  priceFactor: DecimalInput;
  corporateActions: readonly CorporateAction[];
}

/** One position's change in USD market value and its decomposition; every amount in cents. */
export interface PositionAttribution {
  mvStart: Decimal;
  mvEnd: Decimal;
  priceEffect: Decimal;
  qtyEffect: Decimal;
  fxEffect: Decimal;
  corpActionEffect: Decimal;
  totalPnl: Decimal;
}

/** Portfolio totals: each one the sum of that amount over the position rows. */
export interface PortfolioVarianceSummary {
  totalMvStart: Decimal;
  totalMvEnd: Decimal;
  totalPriceEffect: Decimal;
  totalQtyEffect: Decimal;
  totalFxEffect: Decimal;
  totalCorpActionEffect: Decimal;
  totalPnl: Decimal;
}
