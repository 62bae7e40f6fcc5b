import { IsoDate } from '@securities/market-sim';
import { DecimalInput } from '@securities/variance';
import { TransactionType } from '@securities/vocabulary';
import Decimal from 'decimal.js';

/** Returns are reported to 10 decimal places (a hundred-millionth of a basis point). */
export const RETURN_DECIMAL_PLACES = 10;

/** A portfolio on one trading day: the sum of its holdings' USD market values (cents). */
export interface PortfolioDay {
  date: IsoDate;
  marketValue: DecimalInput;
}

/** A trade as transactions holds it, with what turns it into USD on its day. */
export interface Trade {
  date: IsoDate;
  side: TransactionType;
  quantity: DecimalInput;
  /** Local price per unit (per 100 nominal for bonds: the price factor scales it). */
  price: DecimalInput;
  /** In the trade's (local) currency. */
  fees: DecimalInput;
  priceFactor: DecimalInput;
  fxRate: DecimalInput;
}

/**
 * Cash a position pays out of the holdings on one day: a dividend or coupon on its ex-date, the
 * redemption of a bond on its maturity. `quantity` is what was held at the previous close.
 */
export interface Distribution {
  date: IsoDate;
  quantity: DecimalInput;
  /** Local cash per unit, in price units (a coupon or a redemption is per 100 nominal). */
  amountPerUnit: DecimalInput;
  priceFactor: DecimalInput;
  fxRate: DecimalInput;
}

export interface PerformanceInput {
  /** Every trading day of the range, ascending; the first is the base the returns start from. */
  days: readonly PortfolioDay[];
  /** Trades on the days after the first. */
  trades: readonly Trade[];
  /** Distributions on the days after the first. */
  distributions: readonly Distribution[];
}

/**
 * One point of the series: the market value at its date and what happened since the previous
 * point. Exactly: marketValue - previous marketValue = netFlows + pnl - income.
 */
export interface PerformancePoint {
  date: IsoDate;
  /** USD, cents. */
  marketValue: Decimal;
  /** Money put into the holdings by trades (buys plus fees, less sales), USD cents. */
  netFlows: Decimal;
  /** Dividends, coupons and redemptions paid out of the holdings, USD cents. */
  income: Decimal;
  /** Gain since the previous point: change in market value, less net flows, plus income. */
  pnl: Decimal;
  /** Time-weighted return since the previous point; null when capital was not positive. */
  periodReturn: Decimal | null;
  /** Time-weighted return since the first day, linked geometrically; null from a null day on. */
  cumulativeReturn: Decimal | null;
}
