import { Column } from 'typeorm';
import { MONEY, QUANTITY, WEIGHT } from './column-types';

/** What a position is worth on a date: shared by the two snapshots and the daily history. */
export abstract class PositionValueColumns {
  /** Shares, contracts, or nominal for bonds; negative for short positions. */
  @Column(QUANTITY) quantity!: string;
  /** USD: quantity x price x price factor x FX-to-USD. */
  @Column({ ...MONEY, name: 'market_value' }) marketValue!: string;
  /** Share of the portfolio's market value on the date; a portfolio's weights sum to 1. */
  @Column(WEIGHT) weight!: string;
  @Column({ ...MONEY, name: 'cost_basis' }) costBasis!: string;
  @Column({ ...MONEY, name: 'accrued_interest' }) accruedInterest!: string;
}
