import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ENTITY_ID, TICK_PRICE } from './column-types';

/**
 * One 20-second tick. `tick_time` is the exchange's local wall-clock time (sessions 09:30-16:00),
 * so a day's query reads the same in any session time zone. Columns are declared widest first so
 * the row packs without alignment padding; (security_id, tick_time) is unique (idx_td_sec).
 * The table is a TimescaleDB hypertable or a monthly range-partitioned table (see migrations).
 */
@Entity({ name: 'tick_data', synchronize: false })
export class Tick {
  @PrimaryColumn({ name: 'tick_time', type: 'timestamp' }) tickTime!: Date;
  @Column({ type: 'integer' }) volume!: number;
  @Column({ name: 'bid_size', type: 'integer' }) bidSize!: number;
  @Column({ name: 'ask_size', type: 'integer' }) askSize!: number;
  @Column({ name: 'trade_count', type: 'integer' }) tradeCount!: number;
  @PrimaryColumn({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @Column(TICK_PRICE) price!: string;
  @Column(TICK_PRICE) bid!: string;
  @Column(TICK_PRICE) ask!: string;
  @Column(TICK_PRICE) vwap!: string;
}
