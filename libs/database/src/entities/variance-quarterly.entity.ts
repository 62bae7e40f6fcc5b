import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ENTITY_ID } from './column-types';
import { Portfolio } from './portfolio.entity';
import { Security } from './security.entity';
import { VarianceEffectColumns } from './variance.columns';

@Entity({ name: 'variance_quarterly' })
export class VarianceQuarterly extends VarianceEffectColumns {
  @PrimaryColumn({ ...ENTITY_ID, name: 'portfolio_id' }) portfolioId!: string;
  @ManyToOne(() => Portfolio) @JoinColumn({ name: 'portfolio_id' }) portfolio?: Portfolio;
  @PrimaryColumn({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @ManyToOne(() => Security) @JoinColumn({ name: 'security_id' }) security?: Security;
  /** e.g. 2025Q1 */
  @PrimaryColumn({ name: 'quarter_label', type: 'char', length: 6 }) quarterLabel!: string;
}
