import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CURRENCY, DATE, ENTITY_ID } from './column-types';
import type { PortfolioType } from '@securities/vocabulary';

@Entity({ name: 'portfolio' })
export class Portfolio {
  @PrimaryColumn({ ...ENTITY_ID, name: 'portfolio_id' }) portfolioId!: string;
  @Column({ name: 'portfolio_name', type: 'varchar', length: 200 }) portfolioName!: string;
  @Column({ name: 'portfolio_type', type: 'varchar', length: 20 }) portfolioType!: PortfolioType;
  @Column({ type: 'varchar', length: 100 }) benchmark!: string;
  @Column({ ...DATE, name: 'inception_date' }) inceptionDate!: string;
  @Column(CURRENCY) currency!: string;
}
