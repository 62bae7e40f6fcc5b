import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DATE, ENTITY_ID } from './column-types';
import type { RatingAction, RatingAgency } from '@securities/vocabulary';
import { Issuer } from './issuer.entity';

@Entity({ name: 'credit_ratings' })
export class CreditRating {
  @PrimaryColumn({ name: 'rating_id', type: 'integer' }) ratingId!: number;
  @Column({ ...ENTITY_ID, name: 'issuer_id' }) issuerId!: string;
  @ManyToOne(() => Issuer) @JoinColumn({ name: 'issuer_id' }) issuer?: Issuer;
  @Column({ type: 'varchar', length: 5 }) rating!: string;
  @Column({ ...DATE, name: 'rating_date' }) ratingDate!: string;
  @Column({ type: 'varchar', length: 10 }) agency!: RatingAgency;
  @Column({ type: 'varchar', length: 10 }) action!: RatingAction;
}
