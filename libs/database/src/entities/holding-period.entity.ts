import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DATE, ENTITY_ID } from './column-types';
import { PositionValueColumns } from './holding.columns';
import { Portfolio } from './portfolio.entity';
import { Security } from './security.entity';

abstract class HoldingSnapshotColumns extends PositionValueColumns {
  @PrimaryColumn({ name: 'holding_id', type: 'integer' }) holdingId!: number;
  @Column({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @ManyToOne(() => Security) @JoinColumn({ name: 'security_id' }) security?: Security;
  @Column({ ...ENTITY_ID, name: 'portfolio_id' }) portfolioId!: string;
  @ManyToOne(() => Portfolio) @JoinColumn({ name: 'portfolio_id' }) portfolio?: Portfolio;
  @Column({ ...DATE, name: 'as_of_date' }) asOfDate!: string;
}

/** Holdings on 2024-12-31. */
@Entity({ name: 'holdings_period_1' })
export class HoldingPeriod1 extends HoldingSnapshotColumns {}

/** Holdings on 2025-03-31. */
@Entity({ name: 'holdings_period_2' })
export class HoldingPeriod2 extends HoldingSnapshotColumns {}
