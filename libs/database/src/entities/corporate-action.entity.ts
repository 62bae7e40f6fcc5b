import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DATE, ENTITY_ID, PRICE, RATIO } from './column-types';
import type { CorporateActionType } from '@securities/vocabulary';
import { Security } from './security.entity';

@Entity({ name: 'corporate_actions' })
export class CorporateAction {
  @PrimaryColumn({ name: 'action_id', type: 'integer' }) actionId!: number;
  @Column({ ...ENTITY_ID, name: 'security_id' }) securityId!: string;
  @ManyToOne(() => Security) @JoinColumn({ name: 'security_id' }) security?: Security;
  @Column({ name: 'action_type', type: 'varchar', length: 12 }) actionType!: CorporateActionType;
  @Column({ ...DATE, name: 'ex_date' }) exDate!: string;
  @Column({ ...DATE, name: 'record_date' }) recordDate!: string;
  @Column({ ...DATE, name: 'payment_date' }) paymentDate!: string;
  /** New units per old unit (splits only). */
  @Column({ ...RATIO, nullable: true }) ratio!: string | null;
  /** Cash per unit in local currency (dividends), per 100 nominal (coupons, redemption). */
  @Column({ ...PRICE, nullable: true }) amount!: string | null;
}
