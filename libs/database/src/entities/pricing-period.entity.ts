import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DATE, ENTITY_ID } from './column-types';
import { DailyBarColumns } from './daily-bar.columns';
import { Security } from './security.entity';

abstract class PricingPeriodColumns extends DailyBarColumns {
  @PrimaryColumn({ name: 'pricing_id', type: 'integer' }) pricingId!: number;
  @Column({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @ManyToOne(() => Security) @JoinColumn({ name: 'security_id' }) security?: Security;
  @Column({ ...DATE, name: 'price_date' }) priceDate!: string;
}

@Entity({ name: 'pricing_period_1' })
export class PricingPeriod1 extends PricingPeriodColumns {}

@Entity({ name: 'pricing_period_2' })
export class PricingPeriod2 extends PricingPeriodColumns {}
