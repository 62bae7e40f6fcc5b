import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CURRENCY, DATE, ENTITY_ID, MONEY, PRICE, QUANTITY } from './column-types';
import type { TransactionType } from '@securities/vocabulary';
import { Portfolio } from './portfolio.entity';
import { Security } from './security.entity';

@Entity({ name: 'transactions' })
export class Transaction {
  @PrimaryColumn({ name: 'txn_id', type: 'bigint' }) txnId!: string;
  @Column({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @ManyToOne(() => Security) @JoinColumn({ name: 'security_id' }) security?: Security;
  @Column({ ...ENTITY_ID, name: 'portfolio_id' }) portfolioId!: string;
  @ManyToOne(() => Portfolio) @JoinColumn({ name: 'portfolio_id' }) portfolio?: Portfolio;
  @Column({ name: 'txn_type', type: 'varchar', length: 4 }) txnType!: TransactionType;
  /** Always positive; txn_type gives the direction. */
  @Column(QUANTITY) quantity!: string;
  @Column(PRICE) price!: string;
  @Column({ ...DATE, name: 'txn_date' }) txnDate!: string;
  @Column({ ...DATE, name: 'settlement_date' }) settlementDate!: string;
  @Column(MONEY) fees!: string;
  @Column(CURRENCY) currency!: string;
}
