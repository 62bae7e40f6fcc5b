import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CURRENCY, DATE, ENTITY_ID, PERCENT } from './column-types';
import type { SecurityStatus, SecurityType } from '@securities/vocabulary';
import { Issuer } from './issuer.entity';

@Entity({ name: 'securities_master' })
export class Security {
  @PrimaryColumn({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @Column({ type: 'char', length: 12 }) isin!: string;
  @Column({ type: 'char', length: 9, nullable: true }) cusip!: string | null;
  @Column({ type: 'char', length: 7, nullable: true }) sedol!: string | null;
  @Column({ type: 'varchar', length: 20 }) ticker!: string;
  @Column({ name: 'security_name', type: 'varchar', length: 200 }) securityName!: string;
  @Column({ name: 'security_type', type: 'varchar', length: 10 }) securityType!: SecurityType;
  @Column({ name: 'asset_class', type: 'varchar', length: 30 }) assetClass!: string;
  @Column(CURRENCY) currency!: string;
  @Column({ type: 'varchar', length: 20 }) exchange!: string;
  @Column({ ...ENTITY_ID, name: 'issuer_id' }) issuerId!: string;
  @ManyToOne(() => Issuer) @JoinColumn({ name: 'issuer_id' }) issuer?: Issuer;
  @Column({ ...DATE, name: 'issue_date' }) issueDate!: string;
  @Column({ ...DATE, name: 'maturity_date', nullable: true }) maturityDate!: string | null;
  /** Annual coupon in percent of par (bonds only). */
  @Column({ ...PERCENT, name: 'coupon_rate', nullable: true }) couponRate!: string | null;
  @Column({ type: 'varchar', length: 10 }) status!: SecurityStatus;
}
