import { Column } from 'typeorm';
import { DATE, MONEY } from './column-types';

/** One position's attribution between two dates, USD (computed by libs/variance). */
export abstract class VarianceEffectColumns {
  @Column({ ...DATE, name: 'period_from' }) periodFrom!: string;
  @Column({ ...DATE, name: 'period_to' }) periodTo!: string;
  @Column({ ...MONEY, name: 'mv_start' }) mvStart!: string;
  @Column({ ...MONEY, name: 'mv_end' }) mvEnd!: string;
  @Column({ ...MONEY, name: 'price_effect' }) priceEffect!: string;
  @Column({ ...MONEY, name: 'qty_effect' }) qtyEffect!: string;
  @Column({ ...MONEY, name: 'fx_effect' }) fxEffect!: string;
  @Column({ ...MONEY, name: 'corp_action_effect' }) corpActionEffect!: string;
  @Column({ ...MONEY, name: 'total_pnl' }) totalPnl!: string;
}
