import type { CorporateActionType } from '@securities/vocabulary';
import { CurrencyCode, IsoDate } from '@securities/market-sim';

/** A corporate action as the corporate_actions table records it. */
export interface CorporateActionEvent {
  securityId: string;
  type: CorporateActionType;
  exDate: IsoDate;
  recordDate: IsoDate;
  paymentDate: IsoDate;
  /** New shares per old share (splits). */
  ratio: number | null;
  /** Cash per share (dividends), per 100 nominal (coupons), or the redemption price per 100. */
  amount: number | null;
}

/** Every price the base set needs, day by day, from the last day before period 1 to period 2. */
export interface Market {
  /** Trading days; the first is the day before period 1, so period 1 has a previous close. */
  days: readonly IsoDate[];
  /** Local close of a security on a trading day, on its price grid. */
  close(securityId: string, date: IsoDate): number;
  /** USD per unit of the currency on a trading day, as stored (1 for USD). */
  fxRate(currency: CurrencyCode, date: IsoDate): number;
  /** The yield a bond was priced from on a trading day. */
  bondYield(securityId: string, date: IsoDate): number;
  corporateActions: readonly CorporateActionEvent[];
}
