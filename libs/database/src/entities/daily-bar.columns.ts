import { Column } from 'typeorm';
import { PRICE } from './column-types';

/** One day's OHLCV bar in the security's local currency. */
export abstract class DailyBarColumns {
  @Column({ ...PRICE, name: 'open_price' }) openPrice!: string;
  @Column({ ...PRICE, name: 'high_price' }) highPrice!: string;
  @Column({ ...PRICE, name: 'low_price' }) lowPrice!: string;
  @Column({ ...PRICE, name: 'close_price' }) closePrice!: string;
  @Column({ type: 'bigint' }) volume!: string;
  @Column(PRICE) vwap!: string;
}
