import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ENTITY_ID } from './column-types';

@Entity({ name: 'issuer' })
export class Issuer {
  @PrimaryColumn({ ...ENTITY_ID, name: 'issuer_id' }) issuerId!: string;
  @Column({ name: 'issuer_name', type: 'varchar', length: 200 }) issuerName!: string;
  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column({ type: 'varchar', length: 50 }) sector!: string;
  @Column({ type: 'varchar', length: 100 }) industry!: string;
  /** ISO 17442 Legal Entity Identifier with valid check digits. */
  @Column({ type: 'char', length: 20, unique: true }) lei!: string;
}
