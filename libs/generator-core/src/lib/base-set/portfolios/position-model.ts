import type { TransactionType } from '@securities/vocabulary';
import { CurrencyCode, IsoDate } from '@securities/market-sim';
import { Money } from '../money';
import { SecurityModel } from '../universe/universe-model';
import { Lifecycle, PositionSize } from './portfolio-plan';

export interface Trade {
  portfolioId: string;
  securityId: string;
  type: TransactionType;
  /** Always positive; BUY adds to the position, SELL takes from it (or adds to a short). */
  quantity: number;
  price: number;
  date: IsoDate;
  settlementDate: IsoDate;
  /** Commission in the trade's currency. */
  fees: number;
  currency: CurrencyCode;
}

/** One security in one portfolio over the period. */
export interface Position {
  portfolioId: string;
  security: SecurityModel;
  lifecycle: Lifecycle;
  side: 'long' | 'short';
  size: PositionSize;
  /** Signed quantity on period 1 (0 when not held; negative when short). */
  quantity1: number;
  /** Signed quantity on period 2 (0 when sold out or matured). */
  quantity2: number;
  /** Trades in the period, oldest first. */
  trades: Trade[];
  /** Average-cost book value in USD on each date (0 when not held). */
  costBasis1: Money;
  costBasis2: Money;
}
