import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DATE, ENTITY_ID } from './column-types';
import { DailyBarColumns } from './daily-bar.columns';
import { Security } from './security.entity';

@Entity({ name: 'pricing_history' })
export class PricingHistory extends DailyBarColumns {
  @PrimaryColumn({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @ManyToOne(() => Security) @JoinColumn({ name: 'security_id' }) security?: Security;
  @PrimaryColumn({ ...DATE, name: 'price_date' }) priceDate!: string;
}
