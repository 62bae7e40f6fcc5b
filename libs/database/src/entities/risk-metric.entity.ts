import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DATE, ENTITY_ID, MEASURE, MONEY } from './column-types';
import { Portfolio } from './portfolio.entity';
import { Security } from './security.entity';

/** A security-level row (beta, duration, convexity) or a portfolio-level row (VaR). */
@Entity({ name: 'risk_metrics' })
export class RiskMetric {
  @PrimaryColumn({ name: 'metric_id', type: 'integer' }) metricId!: number;
  @Column({ ...ENTITY_ID, name: 'security_id', nullable: true }) securityId!: string | null;
  @ManyToOne(() => Security) @JoinColumn({ name: 'security_id' }) security?: Security;
  @Column({ ...ENTITY_ID, name: 'portfolio_id', nullable: true }) portfolioId!: string | null;
  @ManyToOne(() => Portfolio) @JoinColumn({ name: 'portfolio_id' }) portfolio?: Portfolio;
  /** One-day value at risk in USD, 95% and 99% confidence. */
  @Column({ ...MONEY, name: 'var_95', nullable: true }) var95!: string | null;
  @Column({ ...MONEY, name: 'var_99', nullable: true }) var99!: string | null;
  @Column({ ...MEASURE, nullable: true }) beta!: string | null;
  /** Modified duration in years (bonds). */
  @Column({ ...MEASURE, nullable: true }) duration!: string | null;
  @Column({ ...MEASURE, nullable: true }) convexity!: string | null;
  /** Annualised volatility as a fraction (0.25 = 25%). */
  @Column({ ...MEASURE, nullable: true }) volatility!: string | null;
  @Column({ ...DATE, name: 'as_of_date' }) asOfDate!: string;
}
