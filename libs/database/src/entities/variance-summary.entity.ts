import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ENTITY_ID } from './column-types';
import { Portfolio } from './portfolio.entity';
import { Security } from './security.entity';
import { VarianceEffectColumns } from './variance.columns';

/** Period 1 -> period 2 attribution of every position held in either period. */
@Entity({ name: 'variance_summary' })
export class VarianceSummary extends VarianceEffectColumns {
  @PrimaryColumn({ name: 'summary_id', type: 'integer' }) summaryId!: number;
  @Column({ ...ENTITY_ID, name: 'portfolio_id' }) portfolioId!: string;
  @ManyToOne(() => Portfolio) @JoinColumn({ name: 'portfolio_id' }) portfolio?: Portfolio;
  @Column({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @ManyToOne(() => Security) @JoinColumn({ name: 'security_id' }) security?: Security;
}
