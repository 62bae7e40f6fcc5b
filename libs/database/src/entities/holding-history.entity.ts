import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DATE, ENTITY_ID } from './column-types';
import { PositionValueColumns } from './holding.columns';
import { Portfolio } from './portfolio.entity';
import { Security } from './security.entity';

@Entity({ name: 'holdings_history' })
export class HoldingHistory extends PositionValueColumns {
  @PrimaryColumn({ ...ENTITY_ID, name: 'portfolio_id' }) portfolioId!: string;
  @ManyToOne(() => Portfolio) @JoinColumn({ name: 'portfolio_id' }) portfolio?: Portfolio;
  @PrimaryColumn({ ...DATE, name: 'as_of_date' }) asOfDate!: string;
  @PrimaryColumn({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @ManyToOne(() => Security) @JoinColumn({ name: 'security_id' }) security?: Security;
}
