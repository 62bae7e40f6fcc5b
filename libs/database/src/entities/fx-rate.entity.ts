import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CURRENCY, DATE, FX_RATE } from './column-types';

@Entity({ name: 'fx_rates' })
export class FxRate {
  @PrimaryColumn({ name: 'rate_id', type: 'integer' }) rateId!: number;
  @Column({ ...CURRENCY, name: 'from_currency' }) fromCurrency!: string;
  @Column({ ...CURRENCY, name: 'to_currency' }) toCurrency!: string;
  @Column({ ...DATE, name: 'rate_date' }) rateDate!: string;
  /** Units of to_currency per one unit of from_currency. */
  @Column(FX_RATE) rate!: string;
}
